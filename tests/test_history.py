"""A page's history: the date of its last change from Git, shown in its language and in article
structured data (from one `git log` per build); corrections on the article, the corrections page
and in the feed."""
from __future__ import annotations

import datetime as dt
import json
import re

import feedparser

from explainer import corrections, history
from explainer.render import Labels, url_of

EASTERN_DIGITS = re.compile(r"[\u0660-\u0669\u06f0-\u06f9]")


def test_the_log_gives_each_file_its_first_and_last_commit():
    day = 86_400
    log = f"\x1e{3 * day}\n\na.md\nb.md\n\x1e{2 * day}\n\nb.md\n\x1e{day}\n\na.md\nb.md\n"
    dates = history.parse_log(log)
    utc = dt.timezone.utc
    assert dates["a.md"] == history.Dates(dt.datetime(1970, 1, 2, tzinfo=utc), dt.datetime(1970, 1, 4, tzinfo=utc))
    assert dates["b.md"].published.day == 2 and dates["b.md"].updated.day == 4


def test_all_pages_are_dated_by_one_git_call(built, monkeypatch):
    calls = []
    real = history.file_dates
    monkeypatch.setattr(history, "file_dates", lambda *a: calls.append(a) or real(*a))
    content = built.content
    content.memo.pop("page_dates", None)
    dates = [history.page_dates(content)[key] for key in content.pages]
    assert len(calls) == 1 and len(dates) == len(content.pages)


def test_every_page_shows_its_last_update_in_its_language(built):
    dates = history.page_dates(built.content)
    default = built.languages[0]
    for (lang, rel), page_dates in dates.items():
        root = built.parse(url_of(lang, rel, default) + "index.html")
        shown = root.xpath("//*[contains(@class, 'page-updated')]/time")
        assert len(shown) == 1, (lang, rel)
        iso = page_dates.updated.date().isoformat()
        assert shown[0].get("datetime") == iso, (lang, rel)
        text = shown[0].text_content()
        month = Labels(built.content, lang)(f"month.{page_dates.updated.month}")
        assert text == f"{page_dates.updated.day} {month} {page_dates.updated.year}", (lang, rel, text)
        assert not EASTERN_DIGITS.search(text)
        data = root.xpath("//script[@type='application/ld+json']/text()")
        if data:
            article = json.loads(data[0])
            assert article["dateModified"] == iso and article["datePublished"] <= iso, (lang, rel)


def test_every_correction_is_on_its_article_the_corrections_page_and_the_feed(built):
    default = built.languages[0]
    for lang in built.languages:
        listing = built.parse(url_of(lang, "corrections.md", default) + "index.html")
        listed = set(listing.xpath("//ol[contains(@class, 'corrections-list')]/li/a/@href"))
        feed = feedparser.parse(str(built.dir / built.prefix(lang) / "feed.xml"))
        in_feed = {entry.link for entry in feed.entries}
        about = built.parse(url_of(lang, "about.md", default) + "index.html")
        assert about.xpath("//*[@id='corrections']/following-sibling::*//a[contains(@href, 'corrections/')]"), lang
        for slug in built.content.article_slugs:
            fixed = corrections.of_article(built.content, slug)
            article_url = url_of(lang, f"articles/{slug}.md", default)
            page = built.parse(article_url + "index.html")
            assert bool(page.xpath("//h2[@id='corrections']")) == bool(fixed), (lang, slug)
            for correction in fixed:
                item = page.get_element_by_id(correction.anchor)
                text = " ".join(item.text_content().split())
                for part in ("wrong", "now"):
                    assert " ".join(correction.text[lang][part].split()) in text, (lang, slug, correction.anchor)
                assert item.find("time").get("datetime") == correction.date
                assert any(href.endswith(f"articles/{slug}/#{correction.anchor}") for href in listed), (lang, slug)
                assert f"{built.base}{article_url}#{correction.anchor}" in in_feed, (lang, slug)
