"""Scaffolds: new content with every field and section in place, marked [[to write: …]].

`make check` reports each marker still there, so a contributor sees what is left to write.
"""
from __future__ import annotations

import re
from pathlib import Path

from .checks import SLUG
from .content import ARTICLES, GLOSSARY, WHO
from .site import Site

SCAFFOLDS = Path(__file__).with_name("scaffolds")


class ScaffoldError(ValueError):
    pass


def _check_id(value: str, what: str) -> None:
    if not value or not SLUG.match(value):
        raise ScaffoldError(f"'{value}' is not a valid {what}: use lowercase ASCII words joined by '-', e.g. open-weights")


def _write_new(path: Path, text: str) -> Path:
    if path.exists():
        raise ScaffoldError(f"{path} already exists; edit it instead")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _page_scaffold(kind: str, lang: str, default: str) -> str:
    name = f"{kind}.{'ar' if lang == default else 'en'}.md"
    return (SCAFFOLDS / name).read_text(encoding="utf-8")


def _append(path: Path, entry: str) -> Path:
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    separator = "" if not existing or existing.endswith("\n\n") else ("\n" if existing.endswith("\n") else "\n\n")
    path.write_text(existing + separator + entry, encoding="utf-8")
    return path


def new_article(site: Site, slug: str) -> list[Path]:
    """The article's page in every language (the default language's holds the shared facts)."""
    _check_id(slug, "slug")
    return [
        _write_new(site.docs_dir / lang / ARTICLES / f"{slug}.md", _page_scaffold("article", lang, site.default_language))
        for lang in site.languages
    ]


def new_term(site: Site, term_id: str) -> list[Path]:
    """The term's entry in data/glossary.yml and its page in every language."""
    _check_id(term_id, "term id")
    pages = [
        _write_new(site.docs_dir / lang / GLOSSARY / f"{term_id}.md", _page_scaffold("term", lang, site.default_language))
        for lang in site.languages
    ]
    entry = (SCAFFOLDS / "term.yml").read_text(encoding="utf-8").replace("{id}", term_id)
    return [_append(site.data_dir / "glossary.yml", entry), *pages]


def new_event(site: Site, event_id: str) -> list[Path]:
    """An event entry at the end of data/timeline.yml."""
    _check_id(event_id, "event id")
    entry = (SCAFFOLDS / "event.yml").read_text(encoding="utf-8").replace("{id}", event_id)
    return [_append(site.data_dir / "timeline.yml", entry)]


def entity_page(site: Site, entity_id: str) -> list[Path]:
    """The entity's page in every language that lacks one (its content is generated)."""
    stub = (SCAFFOLDS / "entity.md").read_text(encoding="utf-8")
    pages = [site.docs_dir / lang / WHO / f"{entity_id}.md" for lang in site.languages]
    return [_write_new(path, stub) for path in pages if not path.exists()]


def new_entity(site: Site, entity_id: str) -> list[Path]:
    """An entry at the end of data/entities.yml and its page in every language; for an entity
    already there, only the pages it lacks."""
    _check_id(entity_id, "entity id")
    data = site.data_dir / "entities.yml"
    known = re.search(rf"^- id: {re.escape(entity_id)}\s*$", data.read_text(encoding="utf-8"), re.M) if data.exists() else None
    pages = entity_page(site, entity_id)
    if known:
        if not pages:
            raise ScaffoldError(f"'{entity_id}' is already in {data.name} with its pages; edit it instead")
        return pages
    entry = (SCAFFOLDS / "entity.yml").read_text(encoding="utf-8").replace("{id}", entity_id)
    return [_append(data, entry), *pages]
