"""The timeline's filters in Chromium: every combination of a region and a theme shows exactly the
events tagged with both (from data/timeline.yml), and says so when there are none; a value the
timeline does not have is named, with "show all events" beside it; the filters survive a reload
and the language switch, both ways."""
from __future__ import annotations

import pytest

VISIBLE_IDS = "() => [...document.querySelectorAll('.timeline > li')].filter(li => li.offsetParent).map(li => li.id)"


def buttons(page, facet: str) -> list[str]:
    """The values of a filter's buttons, "" (all) first."""
    return page.locator(f"button[data-facet={facet}]").evaluate_all("els => els.map(b => b.dataset.value)")


def shown_state(page) -> dict:
    return page.evaluate("""() => ({
      count: document.querySelector("[data-timeline-count]").textContent,
      pressed: [...document.querySelectorAll("button[data-facet][aria-pressed=true]")].map(b => b.dataset.facet + "=" + b.dataset.value),
      none: !document.querySelector("[data-timeline-none]").hidden,
      unknown: document.querySelector("[data-timeline-unknown]").hidden ? null : document.querySelector("[data-timeline-unknown] span").textContent,
    })""")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_region_and_theme_combination_shows_the_events_tagged_with_both(site, built, page, lang):
    page.goto(site.base + built.prefix(lang) + "timeline/")
    events = built.content.events
    regions, themes = buttons(page, "region"), buttons(page, "theme")
    assert regions[0] == themes[0] == "" and len(regions) > 2 and len(themes) > 2
    empty = 0
    for region in regions:
        page.click(f"button[data-facet=region][data-value='{region}']")
        for theme in themes:
            page.click(f"button[data-facet=theme][data-value='{theme}']")
            expected = [e["id"] for e in events if (not region or region in e["regions"]) and (not theme or theme in e["themes"])]
            assert sorted(page.evaluate(VISIBLE_IDS)) == sorted(expected), (region, theme)
            state = shown_state(page)
            assert state["count"] == str(len(expected)) and state["none"] == (not expected) and state["unknown"] is None
            assert sorted(state["pressed"]) == [f"region={region}", f"theme={theme}"]
            query = "&".join(f"{facet}={value}" for facet, value in (("region", region), ("theme", theme)) if value)
            assert page.url == site.base + built.prefix(lang) + "timeline/" + (f"?{query}" if query else "")
            empty += not expected
    assert empty < len(regions) * len(themes)


@pytest.mark.parametrize("query,named", [
    ("region=mars", "region=mars"),
    ("region=china&theme=weather", "theme=weather"),
    ("actor=nobody", "actor=nobody"),
])
def test_a_value_the_timeline_does_not_have_is_named_beside_show_all(site, built, page, query, named):
    for lang in built.languages:
        page.goto(site.base + built.prefix(lang) + f"timeline/?{query}")
        state = shown_state(page)
        assert page.evaluate(VISIBLE_IDS) == [] and state["count"] == "0"
        assert state["unknown"] == named and not state["none"]
        assert page.locator("[data-timeline-unknown]").is_visible()
        page.click("button[data-timeline-clear]")
        assert len(page.evaluate(VISIBLE_IDS)) == len(built.content.events)
        assert shown_state(page)["unknown"] is None and "?" not in page.url


def switch_language(page, lang: str) -> None:
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link[hreflang={lang}]")
    page.wait_for_load_state()


def test_filters_survive_reload_and_the_language_switch_both_ways(site, built, page):
    first, other = built.languages
    page.goto(site.base + "timeline/")
    page.click("button[data-facet=region][data-value=china]")
    page.click("button[data-facet=theme][data-value=models]")
    filtered = page.evaluate(VISIBLE_IDS)
    assert 0 < len(filtered) < len(built.content.events)
    query = "?region=china&theme=models"
    for step, lang in (("reload", first), ("switch", other), ("reload", other), ("switch", first)):
        page.reload() if step == "reload" else switch_language(page, lang)
        assert page.url == site.base + built.prefix(lang) + "timeline/" + query, (step, lang)
        assert page.evaluate(VISIBLE_IDS) == filtered, (step, lang)
        assert sorted(shown_state(page)["pressed"]) == ["region=china", "theme=models"], (step, lang)
    assert page.console_errors == []
