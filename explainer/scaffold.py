"""Scaffolds: new content with every field and section in place, marked [[to write: …]].

`make check` reports each marker still there, so a contributor sees what is left to write.
An article or term is created in every language, or, with `lang`, only in the one that is
missing (what the `missing-counterpart` and `missing-page` checks ask for).
"""
from __future__ import annotations

import re
from pathlib import Path

from .checks.pages import SLUG
from .content import ARTICLES, COVERAGE, GLOSSARY, WHO
from .site import Site

SCAFFOLDS = Path(__file__).with_name("scaffolds")
# How each scaffold is asked for, named in the errors: the make command and its variable.
USAGE = {
    "slug": "make new-article SLUG=my-slug (add LANG=en to create only that language's page)",
    "term id": "make new-term ID=my-term (add LANG=en to create only that language's page)",
    "event id": "make new-event ID=my-event (add ARTICLE=my-slug to fill in the article it comes from)",
    "entity id": "make new-entity ID=my-entity",
}


class ScaffoldError(ValueError):
    pass


def _check_id(value: str, what: str) -> None:
    if not value:
        raise ScaffoldError(f"no {what} given: run {USAGE[what]}")
    if not SLUG.match(value):
        raise ScaffoldError(f"'{value}' is not a valid {what}: use lowercase ASCII words joined by '-', e.g. open-weights")


def _languages(site: Site, lang: str | None) -> tuple[str, ...]:
    if lang is None:
        return site.languages
    if lang not in site.languages:
        raise ScaffoldError(f"'{lang}' is not a language of the site: use one of {', '.join(site.languages)}")
    return (lang,)


def _write_new(path: Path, text: str) -> Path:
    if path.exists():
        raise ScaffoldError(f"{path} already exists; edit it instead")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _pages(site: Site, folder: str, kind: str, slug: str, lang: str | None) -> list[Path]:
    """The page of `slug` in each language asked for; nothing is written if one already exists."""
    languages = _languages(site, lang)
    paths = {code: site.docs_dir / code / folder / f"{slug}.md" for code in languages}
    existing = [path for path in paths.values() if path.exists()]
    if existing:
        missing = [code for code in site.languages if not (site.docs_dir / code / folder / f"{slug}.md").exists()]
        only = f"; to create only the missing page, add LANG={missing[0]}" if missing and lang is None else ""
        raise ScaffoldError(f"{site.rel(existing[0])} already exists; edit it instead{only}")
    return [_write_new(path, _page_scaffold(kind, code, site.default_language)) for code, path in paths.items()]


def _page_scaffold(kind: str, lang: str, default: str) -> str:
    name = f"{kind}.{'ar' if lang == default else 'en'}.md"
    return (SCAFFOLDS / name).read_text(encoding="utf-8")


def _append(path: Path, entry: str) -> Path:
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    separator = "" if not existing or existing.endswith("\n\n") else ("\n" if existing.endswith("\n") else "\n\n")
    path.write_text(existing + separator + entry, encoding="utf-8")
    return path


def new_article(site: Site, slug: str, lang: str | None = None) -> list[Path]:
    """The article's page in every language (the default language's holds the shared facts) and its
    coverage list, data/coverage/<slug>.yml (kept if it exists); with `lang`, that page only."""
    _check_id(slug, "slug")
    written = _pages(site, ARTICLES, "article", slug, lang)
    coverage = site.data_dir / COVERAGE / f"{slug}.yml"
    if lang is None and not coverage.exists():
        written.append(_write_new(coverage, (SCAFFOLDS / "coverage.yml").read_text(encoding="utf-8")))
    return written


def new_term(site: Site, term_id: str, lang: str | None = None) -> list[Path]:
    """The term's entry in data/glossary.yml and its page in every language; with `lang`, that page only."""
    _check_id(term_id, "term id")
    pages = _pages(site, GLOSSARY, "term", term_id, lang)
    if lang is not None:
        return pages
    entry = (SCAFFOLDS / "term.yml").read_text(encoding="utf-8").replace("{id}", term_id)
    return [_append(site.data_dir / "glossary.yml", entry), *pages]


# In event.yml and figure.yml: the article list a contributor fills in, unless ARTICLE= names it.
ARTICLE_PLACEHOLDER = '"[[to write: slug of the article that tells it]]"'


def _append_entry(site: Site, kind: str, entry_id: str, data_file: str, article: str | None) -> list[Path]:
    """The `kind` scaffold (explainer/scaffolds/<kind>.yml) for `entry_id`, appended to
    data/<data_file>; with `article`, the slug of the article it belongs to."""
    _check_id(entry_id, f"{kind} id")
    entry = (SCAFFOLDS / f"{kind}.yml").read_text(encoding="utf-8").replace("{id}", entry_id)
    if article:
        _check_id(article, "slug")
        entry = entry.replace(ARTICLE_PLACEHOLDER, article)
    return [_append(site.data_dir / data_file, entry)]


def new_event(site: Site, event_id: str, article: str | None = None) -> list[Path]:
    """An event entry at the end of data/timeline.yml; with `article`, the slug of the article that tells it."""
    return _append_entry(site, "event", event_id, "timeline.yml", article)


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


def new_figure(site: Site, figure_id: str, article: str | None = None) -> list[Path]:
    """A figure entry at the end of data/figures.yml; with `article`, the slug of the article whose
    key-figures table shows it."""
    return _append_entry(site, "figure", figure_id, "figures.yml", article)
