"""Search's index: Pagefind's, made from the built site once every language is built, and
the spellings readers type for the names each page is about (explainer/search.py)."""
from pathlib import Path

from mkdocs.plugins import event_priority

from explainer import build, search


def on_config(config):
    # Material's search plugin stays for its box, its settings and its translations, but the
    # documents it would parse out of every page (a quarter of a large site's build, then
    # deduplicated across languages by the i18n plugin) are never read: Pagefind answers.
    material = config.plugins["material/search"]
    config.plugins.events["page_context"] = [
        method for method in config.plugins.events["page_context"] if getattr(method, "__self__", None) is not material
    ]


@event_priority(-200)  # after every language is built
def on_post_build(config):
    # The i18n plugin builds the other languages inside the default language's post-build step,
    # each running this hook too (while its `building` is set): index once, when all are built.
    if config.plugins["i18n"].building:
        return
    index = search.index_site_in_background if build.DIRTY else search.index_site
    index(Path(config.site_dir), search.index_additions(build.current(config)))
