"""Search costs a reader nothing until they open it. Material fetches the whole index (every
language's pages) and starts its search worker as soon as any page loads: on a phone that was
most of a page's weight. This hook splits the index into one file per language; material_requests.js,
inlined in each page by main.html before Material's bundle, holds back the index request, and the
worker, until the reader opens search (or arrives from a result with ?h= to highlight), and asks
for the page language's file."""
import json
from pathlib import Path

from mkdocs.plugins import event_priority

from explainer.site import Site

INDEX = "search/search_index.json"


def index_name(lang: str) -> str:
    """Where a language's index is written; material_requests.js asks for the same name."""
    return f"search/search_index.{lang}.json"


def split_by_language(index: dict, languages: tuple[str, ...]) -> dict[str, dict]:
    """Each language's documents (the default language has no folder prefix); same config."""
    others = languages[1:]
    parts = {lang: [] for lang in languages}
    for doc in index["docs"]:
        folder = doc["location"].split("/", 1)[0]
        parts[folder if folder in others else languages[0]].append(doc)
    return {lang: {"config": index["config"], "docs": docs} for lang, docs in parts.items()}


@event_priority(-200)  # after every language is built and the search plugin has written its index
def on_post_build(config):
    combined = Path(config.site_dir) / INDEX
    index = json.loads(combined.read_text(encoding="utf-8"))
    for lang, part in split_by_language(index, Site.from_mkdocs(config).languages).items():
        text = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
        (Path(config.site_dir) / index_name(lang)).write_text(text, encoding="utf-8")
    combined.unlink()  # nothing asks for it any more
