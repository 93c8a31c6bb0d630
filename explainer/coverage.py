"""Coverage lists: the key facts of each source article and the places on the site that state them.

A list lives beside its article as data/coverage/<slug>.yml (schema: coverage.schema.json). A place
is a section of the article page (`ar#funding`, `en#key-figures`), the English summary (`summary`),
a timeline event (`timeline/<id>`) or a glossary term (`glossary/<id>`). A place is checked by its
text: it must exist, and mention one of the fact's evidence strings, so a list cannot go on
claiming a fact the page has since lost.
"""
from __future__ import annotations

import re

from .content import ARTICLES, GLOSSARY, Content, Page

PLACE = re.compile(r"^(?:(?P<lang>[a-z]{2})#(?P<anchor>[a-z0-9-]+)|(?P<summary>summary)|timeline/(?P<event>[a-z0-9-]+)|glossary/(?P<term>[a-z0-9-]+))$")


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
        return section_text(page, m["anchor"]) if page is not None else None
    if m["summary"]:
        summary = content.article_meta(slug).get("summary_en")
        return summary if isinstance(summary, str) else None
    if m["event"]:
        event = next((e for e in content.events if e["id"] == m["event"]), None)
        if event is None:
            return None
        return "\n".join(str((event.get(lang) or {}).get(key, "")) for lang in content.site.languages for key in ("title", "text"))
    term = next((t for t in content.terms if t["id"] == m["term"]), None)
    if term is None:
        return None
    parts = [str((term.get(lang) or {}).get("definition", "")) for lang in content.site.languages]
    parts += [p.body for lang in content.site.languages if (p := content.page(lang, f"{GLOSSARY}/{term['id']}.md"))]
    return "\n".join(parts)
