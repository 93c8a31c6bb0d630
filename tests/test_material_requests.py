"""What Material's bundle asks for, as material_requests.js changes it, in Chromium: search costs
nothing until opened, then loads only the page language's index; no sitemap is fetched."""
from __future__ import annotations

import json
import re

import lxml.html
import pytest

from explainer import search


def search_requests(page) -> list[str]:
    return [url for url in page.requests_seen
            if "/search/" in url or "/assets/javascripts/search.js" in url or "/workers/search." in url or "/lunr/" in url]


@pytest.fixture
def watched_page(page):
    page.requests_seen = []
    page.on("request", lambda request: page.requests_seen.append(request.url))
    return page


def run_query(page, query: str) -> list[str]:
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill(query)
    page.wait_for_selector("[data-md-component=search-result][aria-busy=false]", state="attached")
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]


@pytest.mark.parametrize("path,lang", [("articles/black-forest-labs/", "ar"), ("en/articles/black-forest-labs/", "en")])
def test_search_loads_nothing_until_opened_then_only_its_language(site, watched_page, path, lang):
    page = watched_page
    page.goto(site.base + path)
    page.wait_for_load_state("networkidle")
    assert search_requests(page) == [], "the search index and worker must wait until search is opened"

    results = run_query(page, "Freiburg")
    # Pagefind's files of one language: its metadata, wasm, index chunks and page fragments.
    per_language = [url.rsplit("/", 1)[1] for url in search_requests(page) if re.search(r"\.pf_|\.pagefind$", url)]
    assert per_language and all(re.match(rf"(pagefind\.|wasm\.)?{lang}[._]", name) for name in per_language), per_language
    assert not [url for url in search_requests(page) if "/workers/search." in url or "/lunr/" in url]
    in_english = [url.startswith(site.base + "en/") for url in results]
    assert results and all(in_english) if lang == "en" else not any(in_english), results
    assert page.console_errors == []


@pytest.mark.parametrize("path", ["", "articles/mistral-sovereignty/", "en/glossary/gpai/"])
def test_no_sitemap_is_fetched_and_the_language_control_still_leads_to_the_same_page(site, watched_page, path):
    page = watched_page
    page.goto(site.base + path)
    page.wait_for_load_state("networkidle")
    assert [url for url in page.requests_seen if url.endswith("sitemap.xml")] == []
    other = "en" if not path.startswith("en/") else "ar"
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link[hreflang={other}]")
    page.wait_for_load_state()
    expected = site.base + ("en/" + path if other == "en" else path.removeprefix("en/"))
    assert page.url == expected
    assert page.console_errors == []


def test_each_language_index_holds_its_own_pages(site):
    output = site.directory / "search"
    assert json.loads((output / "search_index.json").read_text(encoding="utf-8"))["docs"] == []
    arabic, english = search.fragments(output, "ar"), search.fragments(output, "en")
    assert english and all(page["url"].startswith("/en/") for page in english)
    assert arabic and not any(page["url"].startswith("/en/") for page in arabic)


def test_glossary_tooltips_are_not_indexed_with_the_articles_that_link_them(site):
    page = lxml.html.parse(str(site.directory / "articles" / "black-forest-labs" / "index.html"))
    definitions = [tip.text_content().strip() for tip in page.xpath("//*[@role='tooltip']")]
    assert definitions and len(definitions) == len(page.xpath("//a[@class='glossary-term']"))
    indexed = {p["url"]: p["content"] for p in search.fragments(site.directory / "search", "ar")}
    article_text = indexed["/articles/black-forest-labs/"]
    assert "فرايبورغ" in article_text
    assert [d for d in definitions if search.for_indexing(d) in article_text] == []


def test_a_result_link_highlights_the_query_on_arrival(site, watched_page):
    page = watched_page
    page.goto(site.base + "en/articles/black-forest-labs/?h=freiburg")
    page.wait_for_selector("mark", timeout=10_000)
    assert "freiburg" in page.locator("mark").first.inner_text().lower()
