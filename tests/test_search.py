"""Search as readers use it, in Chromium: every query of tests/search_queries.yml, entered in
Material's search box, must find its page in the top five results on its language's site; a result
link marks the words found on the page it leads to.

Every query is pasted (text that arrives with no key at all, the path Material's box once ignored),
and a sample of them (Arabic and Latin script on both sites, a last word left unfinished, several
words, other spellings) is also typed key by key, typed slowly and composed through an input method,
which must give exactly the results pasting gives: how the text arrives changes no query's answer,
so the sample shows that each way of entering text searches, and the full set what each query finds.

Each language's site is opened once; between queries the box is cleared, and the test waits for
the results to answer the whole box (the results list is aria-busy until they do), not for a time.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import new_page
from explainer.render import Labels

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
BOX = "input[data-md-component=search-query]"
ANSWERED = "[data-md-component=search-result][aria-busy=false]"
RESULTS = ".md-search-result__item"


def language_root(site, lang: str) -> str:
    return site.base if lang == "ar" else f"{site.base}{lang}/"


def open_search(page, url: str):
    page.goto(url)
    page.locator(BOX).click()
    page.wait_for_selector(ANSWERED, state="attached")
    return page


@pytest.fixture
def search_page(page):
    """Opens a page (a desktop tab) and its search box: for a test that follows a result."""
    return lambda url: open_search(page, url)


@pytest.fixture(scope="session")
def search_box(site, context):
    """search_box(lang): a desktop tab at the language's home with its search box open, kept for
    the tests that only enter queries (enter clears the box and waits for each query's own results)."""
    pages = {}

    def open_in(lang: str):
        if lang not in pages:
            pages[lang] = open_search(new_page(context("desktop")), language_root(site, lang))
        return pages[lang]

    yield open_in
    for page in pages.values():
        page.close()


def enter(page, query: str, mode: str) -> None:
    """Clear the box, then enter the query as a reader would; wait until the results answer it.
    The results shown before are marked: were the box to stop searching, they would still be there."""
    page.eval_on_selector_all(RESULTS, "items => items.forEach(item => item.dataset.before = '')")
    box = page.locator(BOX)
    box.fill("")
    if mode == "typed":  # key by key, as fast as keys come; no key pressed after the last
        box.press_sequentially(query)
    elif mode == "pasted":  # text that arrives with no key at all: paste, dictation, IME, prediction
        page.keyboard.insert_text(query)
    elif mode == "composed":  # through an input method (a phone's predictive keyboard, Chinese or
        # Japanese input): each word composed letter by letter, then committed; no key events at all
        ime = page.context.new_cdp_session(page)
        words = query.split(" ")
        for n, word in enumerate(words):
            for end in range(1, len(word) + 1):
                ime.send("Input.imeSetComposition", {"text": word[:end], "selectionStart": end, "selectionEnd": end})
            ime.send("Input.insertText", {"text": word if n == len(words) - 1 else word + " "})
        ime.detach()
    else:  # slowly: each key after the results for the text so far are shown
        for key in query:
            box.press_sequentially(key)
            page.wait_for_selector(ANSWERED, state="attached")
    page.wait_for_selector(ANSWERED, state="attached")
    assert box.input_value() == query
    assert page.locator(f"{RESULTS}[data-before]").count() == 0, f"the results shown before «{query}» are still shown"


def top_pages(page, n: int = 5) -> list[str]:
    """The pages of the first n results, without their query and fragment."""
    hrefs = page.eval_on_selector_all(".md-search-result__item > a:first-child", "links => links.map(a => a.href)")
    return [href.split("?")[0].split("#")[0] for href in hrefs[:n]]


def expected_pages(root: str, entry: dict) -> list[str]:
    return [root + p for p in (entry["page"] if isinstance(entry["page"], list) else [entry["page"]])]


def miscounted(page, labels) -> list[str]:
    """The counts the results show (how many pages match; on a result, how many more on that page)
    that are not worded as data/labels.yml words them (material.search.result.*, '#' the number)."""
    def worded(keys):
        return re.compile("|".join(re.escape(labels(f"material.search.result.{key}")).replace("\\#", r"\d+") for key in keys))
    shown = [(page.text_content(".md-search-result__meta"), worded(["one", "other"]))] if page.locator(RESULTS).count() else []
    shown += [(more, worded(["more.one", "more.other"]))
              for more in page.eval_on_selector_all(".md-search-result__more > summary", "all => all.map(s => s.textContent)")]
    return [text for text, pattern in shown if not pattern.fullmatch(text.strip())]


@pytest.mark.parametrize("lang", list(QUERIES))
def test_reader_queries_find_their_page(site, built, search_box, lang):
    root = language_root(site, lang)
    page = search_box(lang)
    labels = Labels(built.content, lang)
    misses, counts = [], []
    for entry in QUERIES[lang]:
        expected = expected_pages(root, entry)
        enter(page, entry["q"], "pasted")
        counts += [f"«{entry['q']}»: {text!r}" for text in miscounted(page, labels)]
        found = top_pages(page)
        if not set(expected) & set(found):
            misses.append(f"  «{entry['q']}»: wanted {expected[0].removeprefix(root)}, "
                          f"top 5: {[f.removeprefix(root) for f in found]}")
    assert page.console_errors == []
    assert counts == [], "counts not in the site's words:\n" + "\n".join(counts)
    # Every query: a reader's query that stops finding its page is a defect of the search.
    assert misses == [], f"{lang}: {len(QUERIES[lang]) - len(misses)}/{len(QUERIES[lang])} found:\n" + "\n".join(misses)


# Queries of search_queries.yml also typed key by key, slowly and through an input method: on each
# site a name in the other script, several words, a last word left unfinished, and spellings the
# index folds (hamza, final ى).
TYPED_TOO = {
    "ar": ["بلاك فور", "الإستدلال", "DeepSeek", "قانون الذكاء الاصطناعى"],
    "en": ["mistr", "export controls", "ميسترال"],
}


@pytest.mark.parametrize("lang", list(TYPED_TOO))
def test_typing_slow_typing_and_composing_find_what_pasting_finds(site, search_box, lang):
    root = language_root(site, lang)
    entries = {entry["q"]: entry for entry in QUERIES[lang]}
    assert set(TYPED_TOO[lang]) <= set(entries), "every sampled query is one of search_queries.yml"
    page = search_box(lang)
    for query in TYPED_TOO[lang]:
        enter(page, query, "pasted")
        pasted = top_pages(page)
        assert set(expected_pages(root, entries[query])) & set(pasted), (query, pasted)
        for mode in ("typed", "slow", "composed"):
            enter(page, query, mode)
            assert top_pages(page) == pasted, (mode, query)
    assert page.console_errors == []


# The runs of marks in an element: marks with only spaces (or direction marks) between them.
MARK_RUNS = r"""root => {
  const runs = [];
  let last = null;
  for (const mark of root.querySelectorAll("mark")) {
    const gap = mark.previousSibling;
    const joined = last !== null && (gap === last || (gap && gap.nodeType === Node.TEXT_NODE
      && /^[\s\u200e\u200f\u2066-\u2069]*$/.test(gap.textContent) && gap.previousSibling === last));
    if (joined) runs[runs.length - 1].push(mark.textContent); else runs.push([mark.textContent]);
    last = mark;
  }
  return runs;
}"""


def marked_terms(link: str) -> list[str]:
    """The words and names a result link asks its page to mark: an ?h= each."""
    return parse_qs(urlsplit(link).query).get("h", [])


def stray_marks(runs: list[list[str]], terms: list[str]) -> list[str]:
    """The marked words that are not part of one of `terms` marked whole, its words together."""
    names = [term.lower().split() for term in terms]
    stray = []
    for run in runs:
        words = [word.lower() for word in run]
        covered = set()
        for name in names:
            for i in range(len(words) - len(name) + 1):
                if words[i:i + len(name)] == name:
                    covered.update(range(i, i + len(name)))
        stray += [run[j] for j in range(len(run)) if j not in covered]
    return stray


@pytest.mark.parametrize("lang,query", [("ar", "قانون الذكاء الاصطناعى"), ("ar", "ديبسيك"), ("ar", "مسترال"), ("en", "export controls")])
def test_every_result_link_names_the_words_it_found_and_the_page_marks_them(site, search_page, lang, query):
    root = language_root(site, lang)
    page = search_page(root)
    enter(page, query, "pasted")
    links = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    assert links
    for link in links:
        terms = parse_qs(urlsplit(link).query, keep_blank_values=True).get("h", [])
        assert all(term.strip() for term in terms), f"an empty ?h= in {link}"
    first = page.locator(".md-search-result__item > a:first-child").first
    terms = marked_terms(first.get_attribute("href"))
    words = {word.lower() for term in terms for word in term.split()}
    first.click()
    page.wait_for_selector(".md-content article mark")
    marked = page.eval_on_selector_all(".md-content article mark", "marks => marks.map(m => m.textContent)")
    assert marked and {m.lower() for m in marked} <= words, (marked, terms)
    if query == "مسترال":  # the page writes the name as its spellings do: each marked whole
        assert stray_marks(page.eval_on_selector(".md-content article", MARK_RUNS), terms) == []
    # Whole words only: a mark never starts or ends inside a word.
    partial = page.evaluate("""() => [...document.querySelectorAll('.md-content article mark')].filter(m => {
        const letter = /[\\p{L}\\p{M}\\p{N}]/u;
        const before = m.previousSibling && m.previousSibling.textContent.slice(-1);
        const after = m.nextSibling && m.nextSibling.textContent[0];
        return (before && letter.test(before)) || (after && letter.test(after));
      }).map(m => m.parentElement.textContent.slice(0, 80))""")
    assert partial == []
    assert page.console_errors == []


@pytest.mark.parametrize("lang,query", [("ar", "مسترال"), ("en", "Mistral AI")])
def test_a_name_is_marked_whole_where_the_page_writes_it(site, search_box, lang, query):
    """A name found among an entity's spellings is marked in the results as the page writes it, its
    words together: «إيه آي» of «ميسترال إيه آي» is not marked in «ستابيليتي إيه آي», and "AI" (a
    part of the word "OpenAI" to Pagefind) does not bring OpenAI's other spellings."""
    page = search_box(lang)
    enter(page, query, "pasted")
    results = page.eval_on_selector_all(RESULTS + " a", f"links => links.map(a => [a.href, ({MARK_RUNS})(a)])")
    assert results
    for link, runs in results:
        assert stray_marks(runs, marked_terms(link)) == [], link
        assert "أوبن إيه آي" not in marked_terms(link), link  # OpenAI's name, for the "AI" in "OpenAI"
    assert any(len(run) > 1 for _, runs in results for run in runs), "no name of several words marked"


@pytest.mark.parametrize("query,untyped", [("export controls", "US"), ("deepseek", "R1"), ("deepseek", "V3")])
def test_of_a_word_in_parts_only_the_parts_typed_are_marked(site, search_box, query, untyped):
    """Pagefind finds "controls" in "US-controlled" and "deepseek" in "DeepSeek-R1": the result links
    ask for the part typed to be marked, never the other part."""
    page = search_box("en")
    enter(page, query, "pasted")
    links = page.eval_on_selector_all(RESULTS + " a", "links => links.map(a => a.href)")
    assert links
    for link in links:
        assert untyped not in marked_terms(link) and not any(untyped in term.split() for term in marked_terms(link)), link


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_word_tried_with_the_article_finds_only_pages_that_hold_it(site, search_box, lang):
    """«كوين» finds too few pages for a list, so it is also tried as «الكوين», which no page holds:
    Pagefind would take that for «ال», on every page. Every page listed holds «كوين»."""
    page = search_box(lang)
    enter(page, "كوين", "pasted")
    links = page.eval_on_selector_all(RESULTS + " > a:first-child", "links => links.map(a => a.href)")
    assert links
    for link in links:
        assert any("كوين" in term for term in marked_terms(link)), link


@pytest.mark.parametrize("american,british", [("data centers", "data centres"), ("license", "licence"),
                                               ("mobilize", "mobilise"), ("specialization", "specialisation")])
def test_american_spelling_finds_what_the_british_pages_are_found_by(site, search_box, american, british):
    """The English pages are written in British spelling; a reader typing American finds them too."""
    page = search_box("en")
    enter(page, british, "pasted")
    wanted = top_pages(page)
    enter(page, american, "pasted")
    found = top_pages(page, 10)
    assert wanted and set(wanted) <= set(found), (american, found)


def test_a_folded_spelling_marks_the_page_spelling(site, search_page):
    """Arriving with ?h= in another spelling (hamza, ى, ة) marks the page's own spelling."""
    page = search_page(site.base)
    page.goto(site.base + "glossary/inference/?h=الإستدلال")
    page.wait_for_selector(".md-content article mark")
    assert "الاستدلال" in page.eval_on_selector_all(".md-content article mark", "ms => ms.map(m => m.textContent)")
