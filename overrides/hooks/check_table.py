"""Replace `<!-- generated:check-table -->` in the contributor guide with the rule book: every
rule of explainer/checks/, by kind of content, with its code, what it finds and how to fix it, in
the page's language. The guide and `make check` cannot drift. Markdown: check_table.md."""
from pathlib import Path

from markupsafe import Markup

from explainer import build, checks
from explainer.render import has_marker, render, replace_marker

TEMPLATE = Path(__file__).with_suffix(".md")


def on_page_markdown(markdown, page, config, files):
    if not has_marker(markdown, "check-table"):
        return markdown
    here = build.page_context(page, config)
    kinds = [
        {"name": kind.name, "title": kind.title[here.lang],
         # The texts are the project's own Markdown (code spans), not a contributor's input.
         "rules": [(rule.code, *map(Markup, rule.text(here.lang))) for rule in kind.rules]}
        for kind in checks.kinds()
    ]
    return replace_marker(markdown, "check-table", render(TEMPLATE, kinds=kinds, t=here.labels).strip())
