"""Coverage lists: the key facts of each source article and the places on the site that state them.

A list lives beside its article as data/coverage/<slug>.yml (schema: coverage.schema.json). A place
is a section of the article page (`ar#funding`, `en#key-figures`), the English summary (`summary`),
a timeline event (`timeline/<id>`), a glossary term (`glossary/<id>`) or a figure of the ledger
(`figures/<id>`). A place is checked by its text: it must exist, and mention one of the fact's
evidence strings, so a list cannot go on claiming a fact the page has since lost. A section that
is generated from the figures ledger (`<!-- generated:key-figures -->`) is read as the build
writes it: the article's figures in the page's language.
"""
from __future__ import annotations

import re

from . import figures
from .content import ARTICLES, GLOSSARY, Content, Page
from .render import marker

PLACE = re.compile(r"^(?:(?P<lang>[a-z]{2})#(?P<anchor>[a-z0-9-]+)|(?P<summary>summary)|timeline/(?P<event>[a-z0-9-]+)"
                   r"|glossary/(?P<term>[a-z0-9-]+)|figures/(?P<figure>[a-z0-9-]+))$")
KEY_FIGURES = "key-figures"


def section_text(page: Page, anchor: str) -> str | None:
    """The Markdown of the section whose heading has this id, up to the next heading of the same
    or a higher level; None when the page has no such heading."""
    lines = list(page.body_lines())
    headings = {h.line: h for h in page.headings}
    start = next((h for h in page.headings if h.id == anchor), None)
    if start is None:
        return None
    taken = []
    for number, line in lines:
        if number <= start.line:
            continue
        heading = headings.get(number)
        if heading is not None and heading.level <= start.level:
            break
        taken.append(line)
    return "\n".join(taken)


def place_text(content: Content, slug: str, place: str) -> str | None:
    """The text a place holds, in every language it has; None when the place does not exist."""
    m = PLACE.match(place)
    if m is None:
        return None
    if m["lang"]:
        page = content.page(m["lang"], f"{ARTICLES}/{slug}.md")
        text = section_text(page, m["anchor"]) if page is not None else None
        if text is not None and marker(KEY_FIGURES) in text:
            text += "\n" + "\n".join(figure_text(content, f, m["lang"]) for f in figures.of_article(content, slug))
        return text
    if m["figure"]:
        figure = next((f for f in figures.figures_of(content) if f["id"] == m["figure"]), None)
        return None if figure is None else "\n".join(figure_text(content, figure, lang) for lang in content.site.languages)
    if m["summary"]:
        summary = content.article_meta(slug).get("summary_en")
        return summary if isinstance(summary, str) else None
    if m["event"]:
        event = next((e for e in content.events if e["id"] == m["event"]), None)
        if event is None:
            return None
        texts = [str((event.get(lang) or {}).get(key, "")) for lang in content.site.languages for key in ("title", "text")]
        return "\n".join([str(event.get("date", "")), *texts])
    term = next((t for t in content.terms if t["id"] == m["term"]), None)
    if term is None:
        return None
    parts = [str((term.get(lang) or {}).get("definition", "")) for lang in content.site.languages]
    parts += [p.body for lang in content.site.languages if (p := content.page(lang, f"{GLOSSARY}/{term['id']}.md"))]
    return "\n".join(parts)


def figure_text(content: Content, figure: dict, lang: str) -> str:
    """What a ledger figure's key-figures row says in `lang`, as far as evidence needs it: its
    numbers (a percentage with its sign), those of its other-currency equivalents and of the
    article's own version, its label, note and the words prose uses for it."""
    def numbers(f: dict) -> list[str]:
        values = list(f.get("range") or [f.get("value")]) + [(f.get("as_in_article") or {}).get("value")]
        sign = "%" if f.get("unit") == "percent" else ""
        return [figures.plain(v) + sign for v in values if isinstance(v, (int, float))]

    converted = figures.equivalents(figures.figures_of(content)).get(figure["id"], [])
    words = figure.get(lang) or {}
    return " ".join([*numbers(figure), *(n for f in converted for n in numbers(f)), str(words.get("label", "")),
                     str(words.get("note", "")), *map(str, words.get("mentions") or [])])
