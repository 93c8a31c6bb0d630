"""The Atom feeds (/feed.xml, /en/feed.xml) of the site built under a GitHub Pages sub-path: they
parse with a standard feed parser, follow the Atom rules (RFC 4287), every link leads to a built
page, every article is in its language's feed, and every page's head points to its feed."""
from __future__ import annotations

import datetime as dt
import urllib.request
from urllib.parse import urldefrag, urlparse

import feedparser
import lxml.etree
import lxml.html

from builtsite import BuiltSite

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def feed_url(built: BuiltSite, lang: str) -> str:
    return f"{built.base}{built.prefix(lang)}feed.xml"


def fetch(site, url: str) -> bytes:
    """What the served site answers for an address the build wrote (SITE_DIR: a build for another address)."""
    with urllib.request.urlopen(site.local(url), timeout=10) as response:
        assert response.status == 200, url
        return response.read()


def rfc3339(text: str) -> dt.datetime:
    when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    assert when.tzinfo is not None, f"{text} has no time zone"
    return when


def test_feeds_parse_with_a_feed_parser(site, built):
    for lang in built.languages:
        parsed = feedparser.parse(fetch(site, feed_url(built, lang)))
        assert not parsed.bozo, f"{lang}: {parsed.get('bozo_exception')}"
        assert parsed.version == "atom10"
        assert parsed.feed.language == lang
        assert parsed.entries, f"the {lang} feed has no entries"
        for entry in parsed.entries:
            assert entry.title and entry.summary and entry.link, entry.get("id")


def test_feeds_follow_the_atom_rules(site, built):
    for lang in built.languages:
        url = feed_url(built, lang)
        feed = lxml.etree.fromstring(fetch(site, url))
        assert feed.tag == f"{ATOM}feed" and feed.get(XML_LANG) == lang
        for required in ("id", "title", "updated"):
            assert len(feed.findall(f"{ATOM}{required}")) == 1, f"{lang}: feed needs one <{required}>"
        assert feed.find(f"{ATOM}author/{ATOM}name").text
        assert [link.get("href") for link in feed.findall(f"{ATOM}link[@rel='self']")] == [url]
        feed_updated = rfc3339(feed.findtext(f"{ATOM}updated"))
        ids = []
        for entry in feed.findall(f"{ATOM}entry"):
            entry_id = entry.findtext(f"{ATOM}id")
            ids.append(entry_id)
            assert urlparse(entry_id).scheme in ("http", "https", "tag"), f"{entry_id} is not an absolute IRI"
            for required in ("id", "title", "updated", "summary"):
                assert len(entry.findall(f"{ATOM}{required}")) == 1, f"{entry_id}: needs one <{required}>"
            alternates = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
            assert len(alternates) == 1, f"{entry_id}: needs one alternate link"
            updated = rfc3339(entry.findtext(f"{ATOM}updated"))
            published = rfc3339(entry.findtext(f"{ATOM}published"))
            assert published <= updated <= feed_updated, entry_id
        assert len(ids) == len(set(ids)), f"{lang}: entry ids repeat"


def test_every_feed_link_leads_to_a_built_page_of_its_language(site, built):
    for lang in built.languages:
        feed = feedparser.parse(fetch(site, feed_url(built, lang)))
        links = [feed.feed.link] + [entry.link for entry in feed.entries]
        for link in links:
            assert link.startswith(built.base), f"{link} is not under {built.base}"
            address, anchor = urldefrag(link)
            page = lxml.html.fromstring(fetch(site, address))
            assert page.get("lang") == lang, link
            if anchor:
                assert page.get_element_by_id(anchor, None) is not None, f"{link}: no element #{anchor}"


def test_every_article_is_in_its_languages_feed(site, built):
    for lang in built.languages:
        feed = feedparser.parse(fetch(site, feed_url(built, lang)))
        linked = {entry.link for entry in feed.entries}
        for page in built.content.pages_of(lang, "article"):
            url = f"{built.base}{built.prefix(lang)}articles/{page.slug}/"
            assert url in linked, f"{url} is missing from the {lang} feed"


def test_every_page_links_its_languages_feed(built):
    for path in built.html_files():
        root = lxml.html.parse(str(path)).getroot()
        feeds = root.xpath("//head/link[@rel='alternate'][@type='application/atom+xml']/@href")
        assert feeds == [feed_url(built, built.lang_of(path))], path
