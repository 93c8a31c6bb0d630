"""The site in Debian's Chromium: every page checked by axe-core at phone and desktop widths,
with no console errors and no sideways scrolling; the keyboard (skip link, every control reached,
focus always visible); tables and the timeline on a phone; direction, language switch, search,
glossary tooltips and the timeline's filters (and the timeline without JavaScript)."""
from __future__ import annotations

import lxml.etree
import pytest

from conftest import DEVICES, ROOT, screenshot
from pages import check_pages
from test_search import enter, language_root, search_box  # noqa: F401 - search_box is a fixture

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# One page of each type, by its address inside a language's folder: photographed and tabbed through.
PAGE_TYPES = {
    "home": "", "articles": "articles/", "article": "articles/black-forest-labs/", "glossary": "glossary/",
    "term": "glossary/open-weights/", "timeline": "timeline/", "who": "who/", "entity": "who/deepseek/", "figures": "figures/", "about": "about/",
    "contributing": "contributing/", "404": "404.html",
}
# A missing address: GitHub Pages answers it with /404.html, whose links must work from any depth.
MISSING = "articles/no-such-article/"

# site.css lets the browser skip laying out blocks far below the screen (content-visibility: auto).
# The checks need every block laid out: a skipped block has a placeholder size, which would hide
# its width from the overflow check, and axe, laying blocks out as it reaches them, has measured
# text under the sticky header as low-contrast.
ALL_BLOCKS_LAID_OUT = "* { content-visibility: visible !important; }"
# axe-core's violations (only: it then leaves out the other result lists), how far the page is
# wider than the screen, the colour scheme Material shows, and the lists without bullets or
# numbers whose items keep the side margin that bullets make room for.
CHECK_PAGE = """async () => {
  const {violations} = await axe.run(document, {resultTypes: ["violations"]});
  const root = document.documentElement;
  return {
    violations: violations.map(v => ({id: v.id, impact: v.impact, targets: v.nodes.map(n => n.target.join(" "))})),
    overflow: root.scrollWidth - root.clientWidth,
    scheme: document.body.getAttribute("data-md-color-scheme"),
    indented: [...document.querySelectorAll(".md-content ul, .md-content ol")]
      .filter(list => getComputedStyle(list).listStyleType === "none" && [...list.children].some(item =>
        parseFloat(getComputedStyle(item).marginLeft) || parseFloat(getComputedStyle(item).marginRight)))
      .map(list => `${list.tagName.toLowerCase()}.${list.className}`),
  };
}"""
# Material's names for the light and dark schemes (mkdocs.yml: theme.palette).
SCHEMES = {"light": "default", "dark": "slate"}


def every_address(site, built) -> list[str]:
    """Every page of the sitemap (both languages), each language's 404 page, and a missing address."""
    sitemap = lxml.etree.parse(str(site.directory / "sitemap.xml"))
    pages = sorted({site.local(url) for url in sitemap.xpath("//*[local-name()='loc']/text()")})
    return pages + [site.base + built.prefix(lang) + "404.html" for lang in built.languages] + [site.base + MISSING]


def page_type_addresses(site, built) -> dict[str, str]:
    """Address -> name ("ar-article") of one page of each type in each language."""
    return {site.base + built.prefix(lang) + path: f"{lang}-{kind}"
            for lang in built.languages for kind, path in PAGE_TYPES.items()}


def axe_problems(site, context, urls, width: int, scheme: str, shots: dict[str, str]) -> list[str]:
    """Each page loaded once: what axe-core finds, console errors, a page wider than the screen, a
    scheme other than asked for. The pages in `shots` are photographed (conftest.screenshot)."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: `make test` installs it (npm ci)")
    suffix = "" if scheme == "light" else f"-{scheme}"

    def photograph(page, url, result):
        if url in shots:
            screenshot(page, f"{shots[url]}-{width}{suffix}")

    results = check_pages(context, urls, CHECK_PAGE, init_script=AXE, after=photograph,
                          prepare=lambda page, url: page.add_style_tag(content=ALL_BLOCKS_LAID_OUT))
    problems = []
    for url, found in results.items():
        problems += [f"{url}: axe {v['id']} ({v['impact']}): {' | '.join(v['targets'])}" for v in found["violations"]]
        if found["overflow"] > 0:
            problems.append(f"{url}: {found['overflow']} px wider than the screen")
        if found["indented"]:
            problems.append(f"{url}: items of lists without bullets indented on one side: {', '.join(found['indented'])}")
        if found["scheme"] != SCHEMES[scheme]:
            problems.append(f"{url}: shown in the {found['scheme']} scheme, not {SCHEMES[scheme]}")
    # The missing address's own 404 is what visiting it is for; anything else it loads must be found.
    problems += [f"{url}: console error: {text} {source}" for url, text, source in results.errors
                 if not (url == source == site.base + MISSING)]
    return problems


# Every page is checked in one of these parts, which pytest-xdist's two workers can share: each
# language's who's who pages (the most numerous), and its other pages.
PARTS = ("ar-who", "ar-other", "en-who", "en-other")


def part_of(site, built, url: str) -> str:
    path = url.removeprefix(site.base)
    lang = path.split("/")[0] if path.split("/")[0] in built.languages[1:] else built.languages[0]
    return f"{lang}-{'who' if path.removeprefix(built.prefix(lang)).startswith('who/') else 'other'}"


@pytest.mark.parametrize("part", PARTS)
def test_every_page_passes_axe_with_no_console_errors_or_sideways_scrolling_on_a_phone(site, built, context, part):
    """Every page of both languages at 360 px, light scheme: axe-core finds no violation, the console
    no error, and the page is no wider than the screen. Every problem of every page of the part is
    reported together."""
    addresses = every_address(site, built)
    assert {part_of(site, built, url) for url in addresses} == set(PARTS), "a page in no part would go unchecked"
    shots = page_type_addresses(site, built)
    urls = [url for url in addresses if part_of(site, built, url) == part]
    problems = axe_problems(site, context("phone"), urls, 360, "light", shots)
    assert not problems, f"{len(problems)} problems at 360 px:\n" + "\n".join(problems)


@pytest.mark.parametrize("device,scheme", [("desktop", "light"), ("phone", "dark")])
def test_every_page_type_passes_axe_on_a_desktop_and_in_the_dark_scheme(site, built, context, device, scheme):
    """One page of each type in each language, at 1280 px and in the dark scheme (colours of its own)
    at 360 px: what differs from the phone in the light scheme is the theme's layout and colours,
    which pages of one type share (each page's own content is checked at 360 px above)."""
    shots = page_type_addresses(site, built)
    width = DEVICES[device]["viewport"]["width"]
    problems = axe_problems(site, context(device, scheme), list(shots), width, scheme, shots)
    assert not problems, f"{len(problems)} problems at {width} px, {scheme} scheme:\n" + "\n".join(problems)


def test_arabic_pages_render_right_to_left_with_navigation_on_the_right(site, page):
    page.goto(site.base + "articles/")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-content')).direction") == "rtl"
    content = page.locator(".md-content").bounding_box()
    sidebar = page.locator(".md-sidebar--primary").bounding_box()
    assert sidebar["x"] > content["x"], "the navigation sidebar should be on the right"
    page.goto(site.base + "en/articles/")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-content')).direction") == "ltr"
    assert page.locator(".md-sidebar--primary").bounding_box()["x"] < page.locator(".md-content").bounding_box()["x"]


def test_the_language_switch_carries_the_place_but_not_the_words_a_search_marked(site, page):
    """Filters and section go to the other language; the words a search result asked this page to
    mark (?h=) are in this page's language and stay behind."""
    page.goto(site.base + "timeline/?region=china&h=الصين#chatgpt-launch-title")
    href = page.get_attribute(".md-select__link[hreflang=en]", "href")
    assert href.endswith("en/timeline/?region=china#chatgpt-launch-title"), href


@pytest.mark.parametrize("server", ["site", "root_site"])
def test_language_control_leads_to_the_same_page_and_back(server, request, page):
    site = request.getfixturevalue(server)
    slug = "mistral-sovereignty"
    page.goto(site.base + f"articles/{slug}/")
    page.hover(".md-header__option .md-select")
    page.click(".md-select__link[hreflang=en]")
    page.wait_for_load_state()
    assert page.url.rstrip("/") == site.base + f"en/articles/{slug}"
    assert page.evaluate("document.documentElement.lang") == "en"
    page.hover(".md-header__option .md-select")
    page.click(".md-select__link[hreflang=ar]")
    page.wait_for_load_state()
    assert page.url.rstrip("/") == site.base + f"articles/{slug}"
    assert page.console_errors == []


@pytest.mark.parametrize("query", ["الاستدلال", "وبالاستدلال", "الإستدلال", "أوروبا", "اوروبا"])
def test_arabic_search_finds_arabic_pages_first(site, search_box, query):
    page = search_box("ar")
    enter(page, query, "pasted")
    first = page.locator(".md-search-result__item a").first.get_attribute("href")
    assert first.startswith(site.base) and not first.startswith(site.base + "en/"), first


@pytest.mark.parametrize("lang,prefix", [("ar", ""), ("en", "en/")])
def test_glossary_definition_shows_on_hover_and_keyboard_focus(site, page, lang, prefix):
    page.goto(site.base + prefix + "articles/black-forest-labs/")
    link = page.locator("a.glossary-term").first
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    assert not tip.is_visible()
    link.hover()
    assert tip.is_visible() and tip.inner_text().strip()
    page.mouse.move(0, 0)
    page.locator("body").click(position={"x": 5, "y": 300})
    assert not tip.is_visible()
    link.focus()
    assert tip.is_visible()


# Each glossary term of the page focused in turn: where its definition falls, and whether the page
# then scrolls sideways.
TIPS_SHOWN = """() => [...document.querySelectorAll("a.glossary-term")].map(link => {
  link.focus();
  const tip = document.getElementById(link.getAttribute("aria-describedby")).getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  return {term: link.textContent, left: tip.left, right: tip.right, width, scrolls: document.documentElement.scrollWidth > width};
})"""


def test_every_glossary_definition_shown_on_focus_stays_inside_the_window(site, built, page):
    """Wherever a term falls in the column, in both directions, at a desktop's width and a narrow
    window's, its definition is inside the window and the page does not scroll sideways."""
    checked = 0
    for lang in built.languages:
        for slug in built.content.article_slugs:
            page.set_viewport_size({"width": 1280, "height": 800})
            page.goto(language_root(site, lang) + f"articles/{slug}/")
            for width in (1280, 800):
                page.set_viewport_size({"width": width, "height": 800})
                for shown in page.evaluate(TIPS_SHOWN):
                    assert 0 <= shown["left"] and shown["right"] <= shown["width"] and not shown["scrolls"], (lang, slug, width, shown)
                    checked += 1
    assert checked


# Each inline code of the page that begins and ends with a Latin letter, digit or ASCII
# punctuation: whether its first character is drawn left of its last (left to right).
CODE_ORDER = """() => [...document.querySelectorAll(".md-content code")].filter(code =>
    !code.closest("pre") && code.firstChild && code.firstChild.nodeType === Node.TEXT_NODE
    && /^[\\x21-\\x7e].*[\\x21-\\x7e]$/.test(code.textContent) && code.childNodes.length === 1).map(code => {
  const text = code.firstChild, at = i => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1); return r.getBoundingClientRect(); };
  const first = at(0), last = at(text.length - 1);
  return {code: code.textContent, leftToRight: first.top !== last.top || first.left < last.left};
})"""


def test_code_reads_left_to_right_in_arabic_sentences(site, built, page):
    """`docs/`, `title:`, `#correction-1` in Arabic text keep their order (not /docs, :title)."""
    checked = 0
    for path in built.html_files():
        if built.lang_of(path) != built.languages[0] or b"<code" not in path.read_bytes():
            continue
        page.goto(built.address(path).replace(built.base, site.base, 1))
        for code in page.evaluate(CODE_ORDER):
            assert code["leftToRight"], (built.address(path), code["code"])
            checked += 1
    assert checked


def test_timeline_filters_keep_state_in_the_address_and_clear(site, page):
    page.goto(site.base + "timeline/")
    events = page.locator(".timeline > li")
    total = events.count()
    page.click("button[data-facet=region][data-value=china]")
    assert "region=china" in page.url
    visible = page.locator(".timeline > li:visible")
    assert 0 < visible.count() < total
    for region in visible.evaluate_all("els => els.map(e => e.dataset.region)"):
        assert "china" in region.split()
    assert page.locator("[data-timeline-count]").inner_text() == str(visible.count())
    assert page.get_attribute("button[data-facet=region][data-value=china]", "aria-pressed") == "true"
    page.reload()
    assert page.locator(".timeline > li:visible").count() == visible.count()
    page.click("button[data-timeline-clear]")
    assert page.locator(".timeline > li:visible").count() == total
    assert "region=" not in page.url


def test_timeline_is_complete_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)  # its own: the shared ones run scripts
    page = context.new_page()
    page.goto(site.base + "en/timeline/?region=china")
    assert page.locator(".timeline > li:visible").count() == page.locator(".timeline > li").count() >= 30
    assert not page.locator("[data-timeline-filters]").is_visible()
    context.close()


# Records each element Tab focuses, with the outline and shadow it shows, and then what is wrong:
# an element focused but not visible, a focus that shows no indicator, a control Tab never reached.
FOCUS_PROBE = """window.focusProbe = (() => {
  const seen = [];
  const name = el => {
    const text = (el.textContent || el.value || el.getAttribute("aria-label") || "").trim().replace(/\\s+/g, " ");
    const href = el.getAttribute("href");
    return `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") || ""}"${href ? ` href="${href}"` : ""}> "${text.slice(0, 40)}"`;
  };
  // Material's palette toggle is a visually hidden radio button: the label after it shows its focus.
  const shownBy = el => {
    const box = el.getBoundingClientRect(), next = el.nextElementSibling;
    return (!box.width || !box.height) && el.matches("input") && next && next.matches("label") ? next : el;
  };
  const ring = el => {
    const s = getComputedStyle(el);
    return {outline: s.outlineStyle === "none" || !parseFloat(s.outlineWidth) ? "none" : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
            shadow: s.boxShadow};
  };
  const hidden = el => {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height) return "has no size";
    if (box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth) return "is outside the viewport";
    if (getComputedStyle(el).visibility !== "visible") return "is invisible";
    for (let e = el; e; e = e.parentElement) if (getComputedStyle(e).opacity === "0") return "is transparent";
    const line = el.getClientRects()[0];  // of a link wrapped over two lines, the first
    const x = Math.min(Math.max(line.left + line.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(line.top + line.height / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    return top && !el.contains(top) && !top.contains(el) ? `is covered by ${name(top)}` : null;
  };
  const fragmentTarget = () => document.getElementById(decodeURIComponent(location.hash.slice(1)));
  let expected = [];
  return {
    // The controls a reader can reach: visible when the page opens (the back-to-top button shows only
    // on scrolling up, search results only while searching) and in the Tab order.
    expect() {
      // (what a closed <details> holds is not shown: Chromium still gives it boxes)
      const shown = el => !el.closest("[hidden], [inert], details:not([open]) > :not(summary)") && el.getClientRects().length && getComputedStyle(el).visibility === "visible";
      expected = [...document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")]
        .filter(el => el.tabIndex >= 0 && !el.disabled && el.type !== "hidden" && shown(el))
        .filter(el => !(el.type === "radio" && !el.checked));  // Tab stops once in a radio group, on the checked one
      // These must be reached even if someone takes them out of the Tab order.
      const controls = "input.md-search__input, .md-select__link, button[data-facet], button[data-timeline-clear], a.glossary-term, .md-typeset table";
      expected.push(...[...document.querySelectorAll(controls)].filter(el => shown(el) && !expected.includes(el)));
    },
    async record() {
      const el = document.activeElement;
      if (!el || el === document.body || seen.some(r => r.el === el)) return null;
      const shown = shownBy(el);
      seen.push({el, shown, focused: ring(shown)});
      let problem = hidden(shown);
      if (problem) {  // Material fits its sticky sidebars to the page on the next frames
        await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
        problem = hidden(shown);
      }
      return {name: name(el), skip: el.matches(".md-skip"), hidden: problem};
    },
    withoutIndicator() {
      document.activeElement.blur();
      return seen.filter(({shown, focused}) => {
        const now = ring(shown);
        return !(focused.outline !== "none" && focused.outline !== now.outline)
          && !(focused.shadow !== "none" && focused.shadow !== now.shadow);
      }).map(r => name(r.el));
    },
    unreached() {
      const reached = new Set(seen.map(r => r.el));
      return expected.filter(el => !reached.has(el)).map(name);
    },
    // Where the skip link led: the element the address's fragment names.
    skipTarget() {
      const target = fragmentTarget();
      if (!target) return null;
      const box = target.getBoundingClientRect();
      return {title: target === document.querySelector(".md-content h1"), inView: box.top >= 0 && box.top < innerHeight};
    },
    focusFollowsSkipTarget() {
      return !!(fragmentTarget().compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING);
    },
  };
})();"""
# Styles are read the moment focus lands: without transitions they are already the focused ones.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"
MAX_TAB_STOPS = 500


def open_for_keyboard(page, url: str) -> None:
    page.goto(url)
    page.add_style_tag(content=NO_TRANSITIONS)


def tab_through(page, url: str) -> list[str]:
    """Tab from the top of the page to its end: what is wrong with the focus on the way."""
    open_for_keyboard(page, url)
    page.evaluate("focusProbe.expect()")
    problems, stops = [], []
    while len(stops) < MAX_TAB_STOPS:
        page.keyboard.press("Tab")
        stop = page.evaluate("focusProbe.record()")
        if stop is None:
            break
        stops.append(stop)
        if stop["hidden"]:
            problems.append(f"{url}: focused but {stop['hidden']}: {stop['name']}")
    else:
        problems.append(f"{url}: more than {MAX_TAB_STOPS} tab stops")
    problems += [f"{url}: no visible focus indicator on {name}" for name in page.evaluate("focusProbe.withoutIndicator()")]
    problems += [f"{url}: not reachable by Tab: {name}" for name in page.evaluate("focusProbe.unreached()")]
    return problems


def skip_link_problems(page, url: str) -> list[str]:
    """The first Tab reaches the skip link; Enter on it brings the title of the main content into view,
    and the next Tab goes on from there."""
    open_for_keyboard(page, url)
    page.keyboard.press("Tab")
    first = page.evaluate("focusProbe.record()")
    if not first or not first["skip"]:
        return [f"{url}: the first tab stop is not the skip link but {first['name'] if first else 'nothing'}"]
    page.keyboard.press("Enter")
    target = page.evaluate("focusProbe.skipTarget()")
    if target is None:
        return [f"{url}: the skip link leads nowhere ({page.url})"]
    problems = []
    if not (target["title"] and target["inView"]):
        problems.append(f"{url}: the skip link does not bring the page's title into view: {target}")
    page.keyboard.press("Tab")
    if not page.evaluate("focusProbe.focusFollowsSkipTarget()"):
        problems.append(f"{url}: after the skip link, Tab goes back before the main content")
    return problems


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_keyboard_reaches_every_control_with_visible_focus(site, built, page, kind):
    """From the top, Tab first reaches the skip link, shown when focused; then every link, button and
    field of the page (the search, the language selector, the timeline filters, the glossary terms),
    each in view and with an outline or shadow it does not have unfocused. Both languages, desktop width."""
    page.add_init_script(FOCUS_PROBE)
    problems = []
    for lang in built.languages:
        url = site.base + built.prefix(lang) + PAGE_TYPES[kind]
        problems += tab_through(page, url) + skip_link_problems(page, url)
    assert not problems, "\n".join(problems)


def test_tables_scroll_inside_their_own_box_on_a_phone(site, built, phone):
    """A table wider than a phone scrolls inside its box (which the keyboard can focus), never the page."""
    with_tables = [path for path in built.html_files()
                   if built.parse(str(path.relative_to(built.dir))).find(".//table") is not None]
    assert with_tables
    page = phone
    problems, scrolled = [], 0
    for path in with_tables:
        url = site.local(built.address(path))
        page.goto(url)
        for table in page.evaluate("""() => [...document.querySelectorAll(".md-typeset table")].map(table => {
          let box = table;
          while (box && !["auto", "scroll"].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
          if (!box) return {scrolls: false};
          const edges = box.getBoundingClientRect();
          return {scrolls: true, wider: table.scrollWidth > box.clientWidth, focusable: box.tabIndex >= 0,
                  fits: edges.left >= 0 && edges.right <= document.documentElement.clientWidth};
        })"""):
            scrolled += table.get("wider", False)
            if not (table["scrolls"] and table["fits"] and (table["focusable"] or not table["wider"])):
                problems.append(f"{url}: {table}")
    assert not problems, "\n".join(problems)
    assert scrolled, "no table is wider than a phone: this test no longer shows that one scrolls inside its box"


def test_timeline_filters_and_events_fit_a_phone(site, built, phone):
    """At 360 px every filter button is a target of at least 24×24 px (WCAG 2.5.8), nothing sticks out
    of the screen, and a tap on a filter filters."""
    page = phone
    for lang in built.languages:
        page.goto(site.base + built.prefix(lang) + "timeline/")
        boxes = page.evaluate("""() => [...document.querySelectorAll(".timeline-filters button, .timeline > li")].map(el => {
          const box = el.getBoundingClientRect();
          return {what: el.tagName + " " + (el.textContent.trim().slice(0, 30)), button: el.tagName === "BUTTON",
                  width: box.width, height: box.height, left: box.left, right: box.right};
        })""")
        width = page.evaluate("document.documentElement.clientWidth")
        assert [b for b in boxes if b["button"]], lang
        small = [b for b in boxes if b["button"] and (b["width"] < 24 or b["height"] < 24)]
        outside = [b for b in boxes if b["left"] < 0 or b["right"] > width]
        assert not small and not outside, (lang, small, outside)
        total = page.locator(".timeline > li").count()
        page.tap("button[data-facet=region][data-value=china]")
        assert 0 < page.locator(".timeline > li:visible").count() < total, lang


# Marks every element of the content whose own text has Latin letters or digits and returns how many
# it marked. Code, monospace by design, is left aside, and so is its parent: Chromium reports the
# fonts of a node's descendants too.
MARK_LATIN_TEXT = """() => {
  let count = 0;
  for (const el of document.querySelectorAll(".md-content *")) {
    if (el.closest("code, pre, kbd, svg") || el.querySelector("code, pre, kbd")) continue;
    const own = [...el.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join("");
    if (/[A-Za-z0-9]/.test(own)) el.setAttribute("data-latin-probe", count++);
  }
  return count;
}"""


def test_arabic_pages_draw_latin_names_and_digits_in_the_site_font(site, built, page):
    """On every Arabic page type, the Latin names, digits and punctuation of the content are drawn
    with the page's own web font, never a system fallback: one typeface in a line."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    lang = built.languages[0]
    probed = 0
    for kind, path in PAGE_TYPES.items():
        page.goto(site.base + built.prefix(lang) + path)
        page.add_style_tag(content=ALL_BLOCKS_LAID_OUT)
        page.evaluate("document.fonts.ready")
        count = page.evaluate(MARK_LATIN_TEXT)
        probed += count
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        fallbacks = []
        for i in range(count):
            node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": f'[data-latin-probe="{i}"]'})["nodeId"]
            fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
            system = [f["familyName"] for f in fonts if not f["isCustomFont"]]
            if system:
                text = page.evaluate("i => document.querySelector(`[data-latin-probe=\"${i}\"]`).textContent.trim().slice(0, 40)", i)
                fallbacks.append((text, system))
        assert not fallbacks, (kind, fallbacks[:5])
    assert probed, "no Latin text found on any Arabic page: the probe is broken"


@pytest.mark.parametrize("device", DEVICES)
def test_timeline_show_all_button_is_as_tall_as_the_filter_chips(site, built, context, device):
    page = context(device).new_page()
    for lang in built.languages:
        page.goto(site.base + built.prefix(lang) + "timeline/")
        heights = page.evaluate("""() => [...document.querySelectorAll(".timeline-filters button")]
          .map(b => ({clear: b.hasAttribute("data-timeline-clear"), height: Math.round(b.getBoundingClientRect().height)}))""")
        chips = {h["height"] for h in heights if not h["clear"]}
        clear = [h["height"] for h in heights if h["clear"]]
        assert len(chips) == 1 and clear == [chips.pop()], (lang, device, heights)
    page.close()
