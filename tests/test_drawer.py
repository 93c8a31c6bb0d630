"""The keyboard and the navigation drawer on a phone, and the skip link on a desktop, in Chromium.

At 360 px Material's navigation is a drawer, off-screen until its button opens it. Tab from the top
of every page type, in both languages, reaches only what the screen shows until the content (the
closed drawer's links are not in the Tab order); the drawer's button opens it from the keyboard,
the focus moves into it, Tab walks the links it shows and nothing else, and Escape closes it and
gives the focus back to the button. A section's panel or the table of contents opened in the drawer
takes the focus, and going back gives it to the label that opened it. At 1280 px the skip link,
when focused, hides what is behind it and its text contrasts with its background."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from conftest import screenshot
from test_browser import FOCUS_PROBE, NO_TRANSITIONS, PAGE_TYPES, SCHEMES

MAX_STOPS = 60
# Where the focus is: inside the drawer, the content, or the drawer's button; and the drawer's state.
WHERE = """() => {
  const BUTTON = "button.drawer-button", el = document.activeElement;
  return {drawer: !!el.closest(".md-sidebar--primary"), content: !!el.closest(".md-content"),
          button: el.matches(BUTTON), expanded: document.querySelector(BUTTON)?.getAttribute("aria-expanded"),
          open: document.getElementById("__drawer").checked};
}"""
# How a link or label of the drawer is named here: its text, else its own name.
NAME = """el => el.textContent.trim().replace(/\\s+/g, " ") || el.getAttribute("aria-label") || el.getAttribute("href")"""
FOCUSED_NAME = f"() => ({NAME})(document.activeElement)"
# The links and labels the open drawer shows, which Tab must reach.
SHOWN_IN_DRAWER = """() => [...document.querySelectorAll(".md-sidebar--primary a[href], .md-sidebar--primary label[tabindex='0']")]
  .filter(el => el.getClientRects().length && getComputedStyle(el).visibility === "visible"
                && !el.closest("[inert]") && getComputedStyle(el).display !== "none")
  .map(""" + NAME + ")"


def open_page(page, url: str) -> None:
    page.goto(url)
    page.add_style_tag(content=NO_TRANSITIONS)


def urls(site, built):
    return {f"{lang}-{kind}": site.base + built.prefix(lang) + path
            for lang in built.languages for kind, path in PAGE_TYPES.items()}


# On a phone Material's search field is shown when it gets the focus, by a handler debounced by 1 ms
# (its focus observable): the stop is measured after a timer due later than that one, once it has run.
TAB_STOP = f"""async () => {{
  await new Promise(done => setTimeout(done, 2));
  return [await focusProbe.record(), ({WHERE})()];
}}"""


def tab(page) -> tuple[dict | None, dict]:
    page.keyboard.press("Tab")
    stop, where = page.evaluate(TAB_STOP)
    return stop, where


def tab_from_the_top(page, url: str) -> list[str]:
    """From the top to the first control of the content, every Tab stop is on the screen and visible,
    none is in the closed drawer, and the drawer's button is among them."""
    problems = []
    names, reached_button = [], False
    for _ in range(MAX_STOPS):
        stop, where = tab(page)
        if stop is None or where["content"]:
            break
        names.append(stop["name"])
        reached_button |= where["button"]
        if stop["hidden"]:
            problems.append(f"{url}: focused but {stop['hidden']}: {stop['name']}")
        if where["drawer"]:
            problems.append(f"{url}: the closed drawer has a Tab stop: {stop['name']}")
    else:
        problems.append(f"{url}: no control of the content within {MAX_STOPS} Tab stops: {names}")
    if not reached_button:
        problems.append(f"{url}: Tab never reached the drawer's button: {names}")
    problems += [f"{url}: no visible focus indicator on {name}" for name in page.evaluate("focusProbe.withoutIndicator()")]
    return problems


def walk_drawer(page, url: str, name: str) -> list[str]:
    """The drawer opened with Enter on its button: Tab goes through what it shows and only that.
    The open drawer is photographed (test-artifacts/drawer-<name>.png with SCREENSHOTS set)."""
    problems = []
    if not page.locator("button.drawer-button").count():
        return [f"{url}: no button opens the drawer"]
    page.focus("button.drawer-button")
    page.keyboard.press("Enter")
    where = page.evaluate(WHERE)
    if not (where["open"] and where["expanded"] == "true" and where["drawer"]):
        return [f"{url}: Enter on the drawer's button did not open it and move the focus into it: {where}"]
    screenshot(page, f"drawer-{name}", full_page=False)
    page.evaluate("focusProbe.record()")
    expected = page.evaluate(SHOWN_IN_DRAWER)
    reached = [page.evaluate(FOCUSED_NAME)]
    for _ in range(MAX_STOPS):
        stop, where = tab(page)
        if stop is None:  # back to a stop already seen, or out of the page: the drawer is done
            break
        if not where["drawer"]:
            problems.append(f"{url}: Tab left the open drawer for {stop['name']}")
            break
        if stop["hidden"]:
            problems.append(f"{url}: focused in the drawer but {stop['hidden']}: {stop['name']}")
        reached.append(page.evaluate(FOCUSED_NAME))
    missing = [name for name in expected if name not in reached]
    if missing:
        problems.append(f"{url}: shown in the drawer but not reached by Tab: {missing}")
    page.keyboard.press("Escape")
    where = page.evaluate(WHERE)
    if where["open"] or where["expanded"] != "false" or not where["button"]:
        problems.append(f"{url}: Escape did not close the drawer and give the focus back to its button: {where}")
    problems += [f"{url}: no visible focus indicator on {name}" for name in page.evaluate("focusProbe.withoutIndicator()")]
    return problems


# Every page type in the light scheme (the drawer shows each one's section and contents); the dark
# scheme, whose focus indicators have colours of their own, on a page with contents and one without.
@pytest.mark.parametrize("kind,scheme", [(kind, "light") for kind in PAGE_TYPES] + [("home", "dark"), ("article", "dark")])
def test_tab_skips_the_closed_drawer_and_walks_the_open_one(site, built, context, kind, scheme):
    """On a phone, in both languages: Tab from the top (tab_from_the_top), then the drawer opened
    from the keyboard (walk_drawer)."""
    page = context("phone", scheme).new_page()
    page.add_init_script(FOCUS_PROBE)
    problems = []
    for lang in built.languages:
        url = site.base + built.prefix(lang) + PAGE_TYPES[kind]
        open_page(page, url)
        if scheme == "light":
            problems += tab_from_the_top(page, url)
        problems += walk_drawer(page, url, f"{lang}-{kind}-360" + ("" if scheme == "light" else f"-{scheme}"))
    page.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("kind,panel", [("home", "label.md-nav__link[for='__toc']"),
                                        ("articles", "label.md-nav__link[for^='__nav_']")])
def test_a_panel_of_the_drawer_takes_the_focus_and_gives_it_back(site, built, phone, kind, panel):
    """Enter on the label of the table of contents, or of a section (About), opens its panel with the
    focus in it; Enter on the panel's back label closes it and focuses the label that opened it."""
    problems = []
    for lang in built.languages:
        url = site.base + built.prefix(lang) + PAGE_TYPES[kind]
        open_page(phone, url)
        phone.focus("button.drawer-button")
        phone.keyboard.press("Enter")
        label = phone.locator(f".md-nav--primary {panel}").first
        label.focus()
        target = label.get_attribute("for")
        phone.keyboard.press("Enter")
        inside = phone.evaluate("""id => {
          const el = document.activeElement, panel = document.getElementById(id).parentElement.querySelector(':scope > .md-nav');
          return {inside: panel.contains(el), back: el.matches('label.md-nav__title'),
                  visible: getComputedStyle(el).visibility === 'visible', left: el.getBoundingClientRect().left};
        }""", target)
        if not (inside["inside"] and inside["back"] and inside["visible"] and inside["left"] >= 0):
            problems.append(f"{url}: the panel of {target} opened without the focus on its back label, in view: {inside}")
        screenshot(phone, f"drawer-panel-{lang}-{kind}-360", full_page=False)
        phone.keyboard.press("Enter")
        back = phone.evaluate("id => document.activeElement.matches(`label.md-nav__link[for='${id}']`)", target)
        if not back:
            problems.append(f"{url}: closing the panel of {target} did not give the focus back to its label")
        phone.keyboard.press("Escape")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_focused_skip_link_hides_what_is_behind_it_and_contrasts(site, built, context, scheme):
    """At 1280 px, in both languages (the skip link and the header behind it are the same on every
    page): the skip link, focused, looks the same whether the header behind it is drawn or not
    (nothing shows through), its text contrasts with its background at 4.5:1 or more, and the
    drawer's button is not shown."""
    page = context("desktop", scheme).new_page()
    problems = []
    for name, url in urls(site, built).items():
        if not name.endswith(("-home", "-article")):
            continue
        open_page(page, url)
        if page.locator("button.drawer-button").is_visible():
            problems.append(f"{url}: the drawer's button shows at 1280 px, where there is no drawer")
        page.keyboard.press("Tab")
        skip = page.locator(".md-skip")
        if not page.evaluate("document.activeElement.matches('.md-skip')"):
            problems.append(f"{url}: the first Tab stop is not the skip link")
            continue
        box = skip.bounding_box()
        box = {"x": box["x"] + 3, "y": box["y"] + 3, "width": box["width"] - 6, "height": box["height"] - 6}  # inside its round corners
        shown = page.screenshot(clip=box)
        if name.endswith("-home"):
            screenshot(page, f"skip-link-{name}-1280-{scheme}", full_page=False)
        page.add_style_tag(content=".md-header, .md-header * { visibility: hidden !important; }")
        alone = page.screenshot(clip=box)
        if shown != alone:
            problems.append(f"{url}: the header shows through the focused skip link ({scheme})")
        background = Image.open(io.BytesIO(alone)).convert("RGB").getcolors(1 << 16)
        background = max(background)[1]
        text = page.evaluate("getComputedStyle(document.querySelector('.md-skip')).color")
        ratio = contrast(parse_rgb(text), background)
        if ratio < 4.5:
            problems.append(f"{url}: the skip link's text {text} on {background} is {ratio:.2f}:1 ({scheme})")
    page.close()
    assert not problems, "\n".join(problems)


def parse_rgb(css: str) -> tuple[int, int, int]:
    values = css[css.index("(") + 1:css.index(")")].replace(",", " ").split()
    assert len(values) == 3 or float(values[3]) == 1, f"a translucent text colour: {css}"
    return tuple(round(float(v)) for v in values[:3])


def contrast(a, b) -> float:
    def luminance(rgb):
        channels = [c / 255 for c in rgb]
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
