"""Corrections recorded in articles' front matter (`corrections:` of the Arabic page, both
languages in each entry): listed on the article, in the feeds and on the corrections page."""
from __future__ import annotations

from dataclasses import dataclass

from .content import Content


@dataclass(frozen=True)
class Correction:
    slug: str  # the article corrected
    number: int  # 1 for the article's first correction; its anchor is #correction-<number>
    date: str  # YYYY-MM-DD
    text: dict  # language -> {"wrong": …, "now": …}

    @property
    def anchor(self) -> str:
        return f"correction-{self.number}"


def of_article(content: Content, slug: str) -> list[Correction]:
    """The article's corrections in the order recorded (oldest first), entries the checks accept."""
    entries = content.article_meta(slug).get("corrections") or []
    languages = content.site.languages
    return [
        Correction(slug, number, str(entry["date"]), {lang: entry[lang] for lang in languages})
        for number, entry in enumerate(entries, start=1)
        if isinstance(entry, dict) and "date" in entry and all(isinstance(entry.get(lang), dict) for lang in languages)
    ]


def every(content: Content) -> list[Correction]:
    """Every article's corrections, newest first."""
    found = [c for slug in content.article_slugs for c in of_article(content, slug)]
    return sorted(found, key=lambda c: (c.date, c.slug, c.number), reverse=True)
