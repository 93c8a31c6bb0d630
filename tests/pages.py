"""Run one check on many pages in one tab of a shared browser context.

    results = check_pages(context("phone"), urls, "async () => document.title")
    for url, result in results.items(): ...

`script` is a JavaScript function (it may be async), run in each page once it has loaded; its
return value (JSON-like) is the page's result. `init_script`: a file run in each page before its
own scripts (axe-core, say); `prepare(page, url)` runs before `script` (add a style tag, say),
`after(page, url, result)` after it (take a screenshot). Console errors of every page are in
`results.errors`: (page address, message, address of what failed).

One tab, not several: checking pages two tabs at a time was measured slower on this machine's two
shared cores (8 pages with screenshots: 24-29 s in one tab, 40-46 s in two); a long list is split
into tests that pytest-xdist's two workers run side by side, each with its own Chromium."""
from __future__ import annotations


class PageResults(dict):
    errors: list[tuple[str, str, str]]


def check_pages(context, urls, script: str, prepare=None, after=None, init_script=None) -> PageResults:
    results = PageResults()
    results.errors = []
    page = context.new_page()
    if init_script:
        page.add_init_script(path=str(init_script))
    page.on("console", lambda m: m.type == "error" and results.errors.append((page.url, m.text, m.location.get("url", ""))))
    page.on("pageerror", lambda e: results.errors.append((page.url, str(e), "")))
    try:
        for url in urls:
            page.goto(url)
            if prepare:
                prepare(page, url)
            results[url] = page.evaluate(script)
            if after:
                after(page, url, results[url])
    finally:
        page.close()
    return results
