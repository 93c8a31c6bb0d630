"""`make audit`: the time from opening search to its first results, on a desktop and on a
throttled phone (Lighthouse's mobile profile: 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up,
a CPU four times slower), with nothing cached, in Debian's Chromium.

The reader presses the search button (on a phone) or the box (on a desktop) of an article page
that has finished loading, and the query arrives at once (as pasted); the clock stops when the
first result is shown.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass

from .chromium import CHROMIUM, CHROMIUM_ARGS

PAGE = "articles/mistral-sovereignty/"
QUERY = {"ar": "ميسترال", "en": "Mistral"}
PROFILES = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 360, "height": 800}, "is_mobile": True, "has_touch": True},
}
THROTTLING = {  # Lighthouse's mobile preset (its "simulated" values, applied for real here)
    "phone": {"latency": 150, "download": 1.6e6 / 8, "upload": 750e3 / 8, "cpu": 4},
}
OPENER = {"desktop": "input[data-md-component=search-query]", "phone": "label.md-header__button[for=__search]"}
RESULT = ".md-search-result__item"


@dataclass(frozen=True)
class Timing:
    lang: str
    profile: str
    milliseconds: list[float]
    kilobytes: list[float]  # what opening search and the first query transferred (bodies and headers)

    @property
    def median(self) -> float:
        return statistics.median(self.milliseconds)


def measure_once(browser, url: str, lang: str, profile: str) -> tuple[float, float]:
    """Milliseconds from pressing search to the first result, in a fresh context (empty cache),
    and the kilobytes transferred meanwhile."""
    context = browser.new_context(**PROFILES[profile])
    try:
        page = context.new_page()
        sizes = []
        throttle = THROTTLING.get(profile)
        if throttle:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", {
                "offline": False, "latency": throttle["latency"],
                "downloadThroughput": throttle["download"], "uploadThroughput": throttle["upload"],
            })
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle["cpu"]})
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        page.on("requestfinished", lambda request: sizes.append(request.sizes()))
        start = page.evaluate("performance.now()")
        page.click(OPENER[profile])
        page.keyboard.insert_text(QUERY[lang])
        page.wait_for_selector(RESULT, timeout=60_000)
        elapsed = page.evaluate("performance.now()") - start
        page.wait_for_load_state("networkidle")
        return elapsed, sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes) / 1000
    finally:
        context.close()


def measure(base: str, languages: tuple[str, ...], runs: int = 3) -> list[Timing]:
    """Each language on each profile, `runs` times."""
    from playwright.sync_api import sync_playwright

    timings = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for lang in languages:
                url = base + ("" if lang == languages[0] else f"{lang}/") + PAGE
                for profile in PROFILES:
                    runs_done = [measure_once(browser, url, lang, profile) for _ in range(runs)]
                    timings.append(Timing(lang, profile, [ms for ms, _ in runs_done], [kb for _, kb in runs_done]))
        finally:
            browser.close()
    return timings


def table(timings: list[Timing]) -> str:
    rows = [f"{'language':<10}{'profile':<10}{'median ms':>10}{'kB':>8}   runs (ms)"]
    for t in timings:
        rows.append(f"{t.lang:<10}{t.profile:<10}{t.median:>10.0f}{statistics.median(t.kilobytes):>8.0f}   "
                    f"{', '.join(f'{m:.0f}' for m in t.milliseconds)}")
    return "\n".join(rows)
