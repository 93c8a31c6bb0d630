"""Articles as a set: their order, reading time, related articles and events."""
from __future__ import annotations

import re

from . import checks, dates
from .content import Content

WORDS_PER_MINUTE = {"ar": 180, "en": 220}  # silent reading speeds of general readers, rounded


def by_date(content: Content) -> list[str]:
    """Article slugs, newest source first."""
    def key(slug: str):
        source = content.article_meta(slug).get("source") or {}
        return dates.sort_key(str(source.get("date", "0")))

    return sorted(content.article_slugs, key=key, reverse=True)


def reading_minutes(text: str, lang: str) -> int:
    return max(1, round(len(re.findall(r"\w+", text)) / WORDS_PER_MINUTE.get(lang, 200)))


def related(content: Content, slug: str, terms_used: dict[str, list[str]], most: int = 3) -> list[str]:
    """Articles that share the most topics and glossary terms with `slug` (generated, never typed)."""
    topics = {s: set(content.article_meta(s).get("topics") or []) for s in content.article_slugs}
    terms = {s: {t for t, slugs in terms_used.items() if s in slugs} for s in content.article_slugs}
    order = {s: i for i, s in enumerate(by_date(content))}
    scored = [
        (len(topics[slug] & topics[other]) * 2 + len(terms[slug] & terms[other]), other)
        for other in content.article_slugs
        if other != slug
    ]
    ranked = sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], order[s[1]]))
    return [other for _, other in ranked[:most]]


def events_of(content: Content, slug: str | None = None) -> list[dict]:
    """Timeline events in date order (oldest first), all of them or those of one article."""
    chosen = [e for e in content.events if slug is None or slug in (e.get("articles") or [])]
    return sorted(chosen, key=lambda e: (dates.sort_key(str(e.get("date", "0"))), e["id"]))


