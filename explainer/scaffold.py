"""Scaffolds: new content with every field and section in place, marked [[to write: …]].

`make check` reports each marker still there, so a contributor sees what is left to write.
"""
from __future__ import annotations

from pathlib import Path

from .checks import SLUG
from .content import ARTICLES, COVERAGE, GLOSSARY
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
    """The article's page in every language (the default language's holds the shared facts) and
    its coverage list, data/coverage/<slug>.yml."""
    _check_id(slug, "slug")
    pages = [
        _write_new(site.docs_dir / lang / ARTICLES / f"{slug}.md", _page_scaffold("article", lang, site.default_language))
        for lang in site.languages
    ]
    coverage = _write_new(site.data_dir / COVERAGE / f"{slug}.yml", (SCAFFOLDS / "coverage.yml").read_text(encoding="utf-8"))
    return [*pages, coverage]


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
