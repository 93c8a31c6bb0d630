"""Search's index: Pagefind's, made from the built site once every language is built, and
the spellings readers type for the names each page is about (explainer/search.py)."""
import json
from pathlib import Path

from mkdocs.plugins import event_priority

from explainer import build, search


@event_priority(-200)  # after every language is built and Material's search plugin has written its index
def on_post_build(config):
    # The i18n plugin builds the other languages inside the default language's post-build step,
    # each running this hook too (while its `building` is set): index once, when all are built.
    if config.plugins["i18n"].building:
        return
    material = Path(config.site_dir) / search.FOLDER / "search_index.json"
    index = json.loads(material.read_text(encoding="utf-8"))
    material.write_text(json.dumps(search.material_index(index["config"]), separators=(",", ":")), encoding="utf-8")
    search.index_site(Path(config.site_dir), search.index_additions(build.current(config)))
