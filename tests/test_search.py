"""Search as readers use it, in Chromium: every query of tests/search_queries.yml typed key by key,
pasted, and typed slowly, must find its page in the top five results on its language's site;
a result link marks the words found on the page it leads to.

Each language's site is opened once; between queries the box is cleared, and the test waits for
the results to answer the whole box (the results list is aria-busy until they do), not for a time.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
MODES = ("typed", "pasted", "slow")
TARGET = 0.95  # of the tries of each language and mode
BOX = "input[data-md-component=search-query]"
ANSWERED = "[data-md-component=search-result][aria-busy=false]"


def language_root(site, lang: str) -> str:
    return site.base if lang == "ar" else f"{site.base}{lang}/"


@pytest.fixture
def search_page(page):
    """Opens a page (a desktop tab) and its search box."""
    def open_at(url: str):
        page.goto(url)
        page.locator(BOX).click()
        page.wait_for_selector(ANSWERED, state="attached")
        return page

    return open_at


def enter(page, query: str, mode: str) -> None:
    """Clear the box, then enter the query as a reader would; wait until the results answer it."""
    box = page.locator(BOX)
    box.fill("")
    if mode == "typed":  # key by key, as fast as keys come; no key pressed after the last
        box.press_sequentially(query)
    elif mode == "pasted":  # text that arrives with no key at all: paste, dictation, IME, prediction
        page.keyboard.insert_text(query)
    else:  # slowly: each key after the results for the text so far are shown
        for key in query:
            box.press_sequentially(key)
            page.wait_for_selector(ANSWERED, state="attached")
    page.wait_for_selector(ANSWERED, state="attached")
    assert box.input_value() == query


def top_pages(page, n: int = 5) -> list[str]:
    """The pages of the first n results, without their query and fragment."""
    hrefs = page.eval_on_selector_all(".md-search-result__item > a:first-child", "links => links.map(a => a.href)")
    return [href.split("?")[0].split("#")[0] for href in hrefs[:n]]


@pytest.mark.parametrize("lang", list(QUERIES))
def test_reader_queries_find_their_page_typed_pasted_and_slowly(site, search_page, lang):
    root = language_root(site, lang)
    page = search_page(root)
    tries, misses = {mode: 0 for mode in MODES}, {mode: [] for mode in MODES}
    for entry in QUERIES[lang]:
        expected = [root + p for p in (entry["page"] if isinstance(entry["page"], list) else [entry["page"]])]
        for mode in MODES:
            enter(page, entry["q"], mode)
            found = top_pages(page)
            tries[mode] += 1
            if not set(expected) & set(found):
                misses[mode].append(f"  {mode:6} «{entry['q']}»: wanted {expected[0].removeprefix(root)}, "
                                    f"top 5: {[f.removeprefix(root) for f in found]}")
    rates = {mode: 1 - len(misses[mode]) / tries[mode] for mode in MODES}
    print(f"\n{lang}: " + ", ".join(f"{mode} {tries[mode] - len(misses[mode])}/{tries[mode]} ({rates[mode]:.0%})" for mode in MODES))
    for mode in MODES:
        print("\n".join(misses[mode]))
    assert page.console_errors == []
    assert all(rate >= TARGET for rate in rates.values()), f"{lang}: below {TARGET:.0%}: {rates}"


@pytest.mark.parametrize("lang,query", [("ar", "قانون الذكاء الاصطناعى"), ("ar", "ديبسيك"), ("en", "export controls")])
def test_every_result_link_names_the_words_it_found_and_the_page_marks_them(site, search_page, lang, query):
    root = language_root(site, lang)
    page = search_page(root)
    enter(page, query, "pasted")
    links = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    assert links
    for link in links:
        words = parse_qs(urlsplit(link).query, keep_blank_values=True).get("h")
        assert words is None or words[0].strip(), f"an empty ?h= in {link}"
    first = page.locator(".md-search-result__item > a:first-child").first
    words = parse_qs(urlsplit(first.get_attribute("href")).query)["h"][0].split()
    first.click()
    page.wait_for_selector(".md-content article mark")
    marked = page.eval_on_selector_all(".md-content article mark", "marks => marks.map(m => m.textContent)")
    assert marked and {m.lower() for m in marked} <= {w.lower() for w in words}, (marked, words)
    # Whole words only: a mark never starts or ends inside a word.
    partial = page.evaluate("""() => [...document.querySelectorAll('.md-content article mark')].filter(m => {
        const letter = /[\\p{L}\\p{M}\\p{N}]/u;
        const before = m.previousSibling && m.previousSibling.textContent.slice(-1);
        const after = m.nextSibling && m.nextSibling.textContent[0];
        return (before && letter.test(before)) || (after && letter.test(after));
      }).map(m => m.parentElement.textContent.slice(0, 80))""")
    assert partial == []
    assert page.console_errors == []


def test_a_folded_spelling_marks_the_page_spelling(site, search_page):
    """Arriving with ?h= in another spelling (hamza, ى, ة) marks the page's own spelling."""
    page = search_page(site.base)
    page.goto(site.base + "glossary/inference/?h=الإستدلال")
    page.wait_for_selector(".md-content article mark")
    assert "الاستدلال" in page.eval_on_selector_all(".md-content article mark", "ms => ms.map(m => m.textContent)")
