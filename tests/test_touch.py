"""Glossary definitions on a touch screen (no hover), in both languages: on every article, the first
four linked terms and the terms nearest each edge of the screen. The first tap shows the term's
definition, with its name and a link to its page, wholly inside the screen (320, 360 and 430 px),
without widening the page or moving anything; a second tap on the term, or the link, opens the
term's page; a tap elsewhere or Escape closes it."""
from __future__ import annotations

import pytest

from playwright.sync_api import TimeoutError

from conftest import screenshot

WIDTHS = (320, 360, 430)
FIRST_TERMS = 4

# The linked terms of the page: the first four, then the one nearest each edge of the screen (by
# the box of the line they start on, in the reading direction's start and end).
TERMS_TO_TAP = """n => {
  const links = [...document.querySelectorAll("a.glossary-term")];
  const box = a => a.getClientRects()[0];
  const leftmost = links.reduce((best, a) => box(a).left < box(best).left ? a : best);
  const rightmost = links.reduce((best, a) => box(a).right > box(best).right ? a : best);
  const chosen = [...new Set([...links.slice(0, n), leftmost, rightmost])];
  return chosen.map(a => ({index: links.indexOf(a), term: a.dataset.term, edge: a === leftmost ? "left" : a === rightmost ? "right" : "",
                           name: a.textContent, definition: document.getElementById(a.getAttribute("aria-describedby")).textContent.trim()}));
}"""
# What the screen shows of a term's definition: the visible element holding it (a popover or the
# inline tooltip), its box, whether it names the term and links to its page; the page's width; where
# the term and the page's title are (to see that nothing moved).
SHOWN = """([index, definition]) => {
  const link = document.querySelectorAll("a.glossary-term")[index];
  const visible = el => el.getClientRects().length && getComputedStyle(el).visibility === "visible";
  const shown = [...document.querySelectorAll(".glossary-popover, .glossary-tip")]
    .filter(el => visible(el) && el.textContent.includes(definition));
  const place = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom].map(Math.round); };
  const named = shown.length ? shown[0].querySelector("a[href]") : null;
  return {
    count: shown.length, box: shown.length ? place(shown[0]) : null,
    link: named ? named.href : null, name: named ? named.textContent.trim() : null,
    wider: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    term: place(link), title: place(document.querySelector(".md-content h1")),
    describedby: link.getAttribute("aria-describedby"),
  };
}"""


# Whether the last click reached a term's link and what became of it: a listener on the window runs
# after the page's own (site.js listens on the document), so it sees whether they prevented the link.
WATCH_CLICKS = """() => window.addEventListener("click", event => {
  const link = event.target.closest && event.target.closest("a.glossary-term, .glossary-popover a");
  window.lastClick = {on: link ? link.className : event.target.tagName.toLowerCase(), followed: !!link && !event.defaultPrevented};
})"""
# Long articles lay their blocks out as they near the screen (site.css): they settle first, until the
# page's title has kept its place for three frames (a busy machine lays them out frames later).
SETTLE = """() => new Promise(done => {
  let last = null, steady = 0, frames = 0;
  const step = () => {
    const top = document.querySelector(".md-content h1").getBoundingClientRect().top;
    steady = top === last ? steady + 1 : 0;
    last = top;
    if (steady >= 3 || ++frames > 120) done(); else requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})"""


def answer_term_pages_with_no_content(page) -> None:
    """Navigations to term pages get 204 No Content: the browser leaves the article where it is."""
    page.route("**/glossary/*/", lambda route: route.fulfill(status=204) if route.request.is_navigation_request() else route.continue_())


def opens(page, tap, term_id: str) -> str | None:
    """What is wrong if `tap()` does not open the page of `term_id`."""
    try:
        with page.expect_request(lambda r: r.is_navigation_request(), timeout=5_000) as request:
            tap()
    except TimeoutError:
        return f"opened nothing (the tap reached {page.evaluate('window.lastClick')})"
    url = request.value.url
    return None if url.rstrip("/").endswith(f"/glossary/{term_id}") else f"opened {url}"


def tap_term(page, index: int) -> None:
    page.locator("a.glossary-term").nth(index).tap()


def bring_into_view(page, index: int) -> None:
    page.keyboard.press("Escape")
    page.locator("a.glossary-term").nth(index).scroll_into_view_if_needed()
    page.evaluate(SETTLE)


def first_tap_problems(page, term: dict, width: int, height: int, before: dict | None = None) -> list[str]:
    """After a first tap on `term`: what is wrong with the definition the screen shows."""
    shown = page.evaluate(SHOWN, [term["index"], term["definition"]])
    where = f"{term['term']} ({term['edge'] or 'first'}, {width} px)"
    if shown["count"] != 1:
        return [f"{where}: {shown['count']} definitions shown"]
    problems = []
    left, top, right, bottom = shown["box"]
    if left < 0 or top < 0 or right > width or bottom > height:
        problems.append(f"{where}: the definition {shown['box']} is not inside the {width}×{height} screen")
    if shown["wider"] > 0:
        problems.append(f"{where}: the page became {shown['wider']} px wider than the screen")
    if before and (shown["term"] != before["term"] or shown["title"] != before["title"]):
        problems.append(f"{where}: the page moved: term {before['term']} → {shown['term']}, title {before['title']} → {shown['title']}")
    if not shown["link"] or not shown["link"].rstrip("/").endswith(f"/glossary/{term['term']}"):
        problems.append(f"{where}: the definition does not link to the term's page ({shown['link']})")
    if not shown["name"]:
        problems.append(f"{where}: the definition does not name the term")
    if shown["describedby"] != f"glossary-tip-{term['term']}":
        problems.append(f"{where}: the term lost its aria-describedby ({shown['describedby']})")
    return problems


def shown_count(page, term: dict) -> int:
    return page.evaluate(SHOWN, [term["index"], term["definition"]])["count"]


def article_problems(page, url: str, name: str) -> tuple[list[str], int, int]:
    """Every check of one article at 360 px, then the first taps at the other widths: (problems,
    terms that behaved, terms tapped). The definitions open near each edge at 360 px are
    photographed (test-artifacts/touch-<name>-<edge>.png with SCREENSHOTS set)."""
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(url)
    page.evaluate(WATCH_CLICKS)
    terms = page.evaluate(TERMS_TO_TAP, FIRST_TERMS)
    problems, behaved = [], 0
    for term in terms:
        bring_into_view(page, term["index"])
        before = page.evaluate(SHOWN, [term["index"], term["definition"]])
        tap_term(page, term["index"])
        found = first_tap_problems(page, term, 360, 800, before)
        click = page.evaluate("window.lastClick")
        if click["followed"] or click["on"] != "glossary-term":
            found.append(f"{term['term']}: the first tap should reach the term and not open its page: {click}")
        if term["edge"]:
            screenshot(page, f"touch-{name}-{term['edge']}", full_page=False)
        if wrong := opens(page, lambda: tap_term(page, term["index"]), term["term"]):
            found.append(f"{term['term']}: the second tap {wrong}")
        behaved += not found
        problems += [f"{url}: {p}" for p in found]

    # Escape and a tap elsewhere close; the definition's own link opens the term.
    term = terms[0]
    bring_into_view(page, term["index"])
    tap_term(page, term["index"])
    page.keyboard.press("Escape")
    if shown_count(page, term):
        problems.append(f"{url}: Escape does not close the definition of {term['term']}")
    tap_term(page, term["index"])
    page.locator(".md-content h1").tap()
    if shown_count(page, term):
        problems.append(f"{url}: a tap elsewhere does not close the definition of {term['term']}")
    tap_term(page, term["index"])
    link = page.locator(".glossary-popover a[href]")
    if not link.is_visible():
        problems.append(f"{url}: the definition of {term['term']} shows no link to its page")
    elif wrong := opens(page, link.tap, term["term"]):
        problems.append(f"{url}: the link in the definition of {term['term']} {wrong}")

    for width in WIDTHS:
        if width == 360:
            continue
        page.set_viewport_size({"width": width, "height": 800})
        for term in page.evaluate(TERMS_TO_TAP, 0):  # the edge terms at this width
            bring_into_view(page, term["index"])
            tap_term(page, term["index"])
            problems += [f"{url}: {p}" for p in first_tap_problems(page, term, width, 800)]
    page.keyboard.press("Escape")
    return problems, behaved, len(terms)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_first_tap_shows_the_whole_definition_and_the_second_opens_the_term(site, built, phone, lang):
    answer_term_pages_with_no_content(phone)
    problems, behaved, taps = [], 0, 0
    for slug in built.content.article_slugs:
        found, ok, tried = article_problems(phone, site.base + built.prefix(lang) + f"articles/{slug}/", f"{lang}-{slug}")
        problems += found
        behaved, taps = behaved + ok, taps + tried
    assert taps, "no linked terms were tapped"
    assert not problems, f"{behaved} of {taps} terms behave at 360 px ({lang}):\n" + "\n".join(problems)

