"""Under a GitHub Pages project path (/<repo>/): every link, asset, sitemap entry and search
result of the built site resolves, and none escapes the prefix."""
from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urljoin, urlparse

import lxml.etree
import lxml.html

from explainer import search


def fetch_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def test_every_reference_resolves_inside_the_prefix(site):
    base = site.base
    host, prefix = urlparse(base).netloc, urlparse(base).path
    targets: dict[str, str] = {}
    for path in sorted(site.directory.rglob("*.html")):
        rel = path.relative_to(site.directory).as_posix()
        # The address the page is served at (404 pages are served at any missing address:
        # their links are absolute, so any address will do).
        page_url = base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        root = lxml.html.parse(str(path)).getroot()
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if not value or value.startswith(("mailto:", "data:", "#")):
                    continue
                url = urljoin(page_url, value).split("#")[0]
                if urlparse(url).netloc == host:
                    targets.setdefault(url, rel)
    sitemap = lxml.etree.parse(str(site.directory / "sitemap.xml"))
    for loc in sitemap.xpath("//*[local-name()='loc']/text() | //*[local-name()='link']/@href"):
        targets.setdefault(site.local(loc), "sitemap.xml")
    for lang in ("ar", "en"):  # search results: Pagefind's addresses, below the site's base
        for page in search.fragments(site.directory / "search", lang):
            targets.setdefault(urljoin(base, page["url"].lstrip("/")), f"search index ({lang})")

    assert targets
    escaped = {url: page for url, page in targets.items() if not urlparse(url).path.startswith(prefix)}
    assert not escaped, escaped
    broken = {url: page for url, page in targets.items() if fetch_status(url) != 200}
    assert not broken, broken
