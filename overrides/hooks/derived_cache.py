"""Keep what this build derived from each page and data file (a check's findings, the entities and
terms a page names) for the next build: explainer/remember.py, in .cache/derived/."""
from mkdocs.plugins import event_priority

from explainer import build, remember


@event_priority(-300)  # last: after every language is built and indexed
def on_post_build(config):
    # Under make serve, the results stay in memory between rebuilds.
    if not config.plugins["i18n"].building and not build.DIRTY:
        remember.save()
