"""Articles as a set: their order, reading time, related articles and events."""
from __future__ import annotations

import re

from . import dates
from .content import Content
from .glossary import terms_used

WORDS_PER_MINUTE = {"ar": 180, "en": 220}  # silent reading speeds of general readers, rounded


def by_date(content: Content) -> list[str]:
    """Article slugs, newest source first."""
    return content.derived("by_date", _by_date)


def _by_date(content: Content) -> list[str]:
    def key(slug: str):
        source = content.article_meta(slug).get("source") or {}
        return dates.sort_key(str(source.get("date", "0")))

    return sorted(content.article_slugs, key=key, reverse=True)


def reading_minutes(text: str, lang: str) -> int:
    return max(1, round(len(re.findall(r"\w+", text)) / WORDS_PER_MINUTE.get(lang, 200)))


def related(content: Content, slug: str, most: int = 3) -> list[str]:
    """Articles that share the most topics and glossary terms with `slug` (generated, never typed)."""
    topics, terms, order = content.derived("what_articles_share", _what_articles_share)
    scored = [
        (len(topics[slug] & topics[other]) * 2 + len(terms[slug] & terms[other]), other)
        for other in content.article_slugs
        if other != slug
    ]
    ranked = sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], order[s[1]]))
    return [other for _, other in ranked[:most]]


def _what_articles_share(content: Content) -> tuple[dict, dict, dict]:
    """Each article's topics and glossary terms, and its place newest first: what `related` compares."""
    topics = {s: set(content.article_meta(s).get("topics") or []) for s in content.article_slugs}
    terms: dict[str, set[str]] = {s: set() for s in content.article_slugs}
    for term_id, slugs in terms_used(content).items():
        for slug in slugs:
            if slug in terms:
                terms[slug].add(term_id)
    order = {s: i for i, s in enumerate(by_date(content))}
    return topics, terms, order


def events_of(content: Content, slug: str | None = None) -> list[dict]:
    """Timeline events in date order (oldest first), all of them or those of one article."""
    ordered, by_article = content.derived("events_in_order", _events_in_order)
    return list(ordered if slug is None else by_article.get(slug, []))


def _events_in_order(content: Content) -> tuple[list[dict], dict[str, list[dict]]]:
    ordered = sorted(content.events, key=lambda e: (dates.sort_key(str(e.get("date", "0"))), e["id"]))
    by_article: dict[str, list[dict]] = {}
    for event in ordered:
        for slug in dict.fromkeys(event.get("articles") or []):
            by_article.setdefault(slug, []).append(event)
    return ordered, by_article


