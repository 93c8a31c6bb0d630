"""Refuse to build broken content: the same checks, and messages, as `make check`.

Also loads the content once per build for the other hooks (explainer.build.current).
"""
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from explainer import build, checks


@event_priority(100)  # before any hook that renders content
def on_pre_build(config):
    problems = build.refresh(config).derived("problems", checks.check)
    if problems:
        lines = "\n".join(str(p) for p in problems)
        raise PluginError(f"the content has {len(problems)} problem(s); run 'make check' for the same list:\n{lines}")
