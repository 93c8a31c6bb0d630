"""A missing address is answered in the reader's language, as GitHub Pages serves the site: one
404.html at the site's root (status 404) for every missing path, under a project's sub-path and at
the root of a domain. An English address (/en/…) shows the English page, the address the reader
asked for still in the address bar; an Arabic one the Arabic page; without JavaScript the page
shows both texts; a missing English 404 page cannot send the reader round in circles."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

DEPLOYMENTS = ["site", "root_site"]
MISSING = {"ar": "articles/no-such-article/?from=mail#context", "en": "en/articles/no-such-article/?from=mail#context"}
EXPECTED = {
    "ar": {"lang": "ar", "dir": "rtl", "title": "الصفحة غير موجودة", "home": "", "search": "بحث"},
    "en": {"lang": "en", "dir": "ltr", "title": "Page not found", "home": "en/", "search": "Search"},
}
READ = """() => ({
  lang: document.documentElement.lang, dir: document.documentElement.dir, bodyDir: document.body.dir,
  title: document.title, h1: document.querySelector(".md-content h1").textContent.trim(),
  links: [...document.querySelectorAll(".md-content article a, .md-content .md-typeset a")].map(a => a.href),
  search: document.querySelector(".md-search__input").getAttribute("aria-label") || document.querySelector(".md-search__input").placeholder,
  address: location.href,
})"""


@pytest.mark.parametrize("server", DEPLOYMENTS)
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_missing_address_is_answered_in_its_language(request, phone, server, lang):
    site = request.getfixturevalue(server)
    url = site.base + MISSING[lang]
    response = phone.goto(url)
    assert response.status == 404
    expected = EXPECTED[lang]
    phone.wait_for_function(f"document.documentElement.lang === {expected['lang']!r} && document.readyState === 'complete'")
    shown = phone.evaluate(READ)
    assert (shown["lang"], shown["dir"], shown["bodyDir"]) == (expected["lang"], expected["dir"], expected["dir"])
    assert shown["h1"] == expected["title"] and shown["title"].startswith(expected["title"]), shown
    assert site.base + expected["home"] in shown["links"], shown["links"]
    assert site.base + expected["home"] + "articles/" in shown["links"], shown["links"]
    assert expected["search"] in shown["search"], shown["search"]
    assert shown["address"] == url, "the address bar shows the address the reader asked for"


@pytest.mark.parametrize("server", DEPLOYMENTS)
def test_without_javascript_the_404_page_reads_in_both_languages(request, browser, server):
    site = request.getfixturevalue(server)
    context = browser.new_context(java_script_enabled=False)  # its own: the shared ones run scripts
    page = context.new_page()
    response = page.goto(site.base + MISSING["en"])
    assert response.status == 404
    english = page.locator("section[lang=en][dir=ltr]")
    assert page.locator("h1").inner_text() == EXPECTED["ar"]["title"]
    assert english.locator("h2").inner_text() == EXPECTED["en"]["title"] and english.is_visible()
    assert english.locator("a").first.get_attribute("href") == urlsplit(site.base).path + "en/"
    context.close()


def test_a_missing_english_404_page_does_not_send_the_reader_round_in_circles(site, phone):
    """Were /en/404.html missing, Pages would answer it with the root 404 page: that page must then
    stay, not send the reader to /en/404.html again."""
    root_404 = (site.directory / "404.html").read_bytes()
    documents = []
    phone.on("request", lambda r: r.is_navigation_request() and documents.append(r.url))
    phone.route("**/en/404.html*", lambda route: route.fulfill(status=404, body=root_404, content_type="text/html; charset=utf-8"))
    try:
        phone.goto(site.base + MISSING["en"])
        phone.wait_for_load_state("networkidle")  # a loop would keep the network busy
        assert len(documents) == 2, documents  # the missing address, then the English 404 page once
        assert phone.evaluate("document.documentElement.lang") == "ar"
    finally:
        phone.unroute("**/en/404.html*")
