"""The Atom feed of one language: an entry per explainer and one per correction, with absolute
links under the site's address, written with feedgen (no hand-made XML)."""
from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from . import corrections, history, stories
from .content import ARTICLES, INDEX, Content
from .render import Labels, url_of

FEED = "feed.xml"
TYPE = "application/atom+xml"


def feed_path(lang: str, default_language: str) -> str:
    """Where a language's feed is, relative to the site's root: feed.xml, en/feed.xml."""
    return url_of(lang, INDEX, default_language) + FEED


def feed_url(site_url: str, lang: str, default_language: str) -> str:
    return urljoin(site_url, feed_path(lang, default_language))


def _day(date: str) -> dt.datetime:
    return dt.datetime.fromisoformat(date).replace(tzinfo=dt.timezone.utc)


def atom(content: Content, lang: str, site_url: str, site_name: str, description: str) -> bytes:
    """The feed of `lang` as bytes: its explainers (the summary in that language) and corrections, newest first."""
    default = content.site.default_language
    t = Labels(content, lang)
    dates = history.page_dates(content)

    def page_url(rel: str, anchor: str = "") -> str:
        return urljoin(site_url, url_of(lang, rel, default)) + (f"#{anchor}" if anchor else "")

    entries = []
    for slug in stories.by_date(content):
        rel = f"{ARTICLES}/{slug}.md"
        page = content.page(lang, rel)
        summary = content.article_meta(slug)["summary_en"] if lang == "en" else (page.meta or {}).get("description", "")
        entries.append({"id": page_url(rel), "url": page_url(rel), "title": page.title, "summary": " ".join(str(summary).split()),
                        "published": dates[(lang, rel)].published, "updated": dates[(lang, rel)].updated})
    for correction in corrections.every(content):
        rel = f"{ARTICLES}/{correction.slug}.md"
        text = correction.text[lang]
        entries.append({
            "id": page_url(rel, correction.anchor), "url": page_url(rel, correction.anchor),
            "title": f"{t('corrections.entry')} {content.page(lang, rel).title}",
            "summary": f"{t('corrections.wrong')} {text['wrong']} {t('corrections.now')} {text['now']}",
            "published": _day(correction.date), "updated": _day(correction.date),
        })
    entries.sort(key=lambda e: (e["updated"], e["id"]), reverse=True)

    home = urljoin(site_url, url_of(lang, INDEX, default))
    feed = FeedGenerator()
    feed.id(feed_url(site_url, lang, default))
    feed.title(site_name)
    feed.subtitle(description)
    feed.language(lang)  # the feed's xml:lang
    feed.author({"name": site_name, "uri": home})
    feed.link(href=home, rel="alternate", type="text/html", hreflang=lang)
    feed.link(href=feed_url(site_url, lang, default), rel="self", type=TYPE)
    feed.icon(urljoin(site_url, "assets/favicon.svg"))
    # A feed with no entry yet is as old as the build (never the clock: see history.build_time).
    feed.updated(max((e["updated"] for e in entries), default=history.build_time()))
    for e in entries:
        entry = feed.add_entry(order="append")
        entry.id(e["id"])
        entry.title(e["title"])
        entry.link(href=e["url"], rel="alternate", type="text/html", hreflang=lang)
        entry.summary(e["summary"])
        entry.published(e["published"])
        entry.updated(e["updated"])
    return feed.atom_str(pretty=True)
