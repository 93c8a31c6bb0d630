"""`make audit`'s pure parts, on a small hand-made Lighthouse result, and the server that the
tests and the audit share (it must serve a built site as GitHub Pages does)."""
from __future__ import annotations

import copy
import gzip
import http.client
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from explainer import audit
from explainer.serve import SiteServer

RESULT = json.loads((Path(__file__).parent / "fixtures" / "lighthouse" / "result.json").read_text(encoding="utf-8"))
BASE = "http://127.0.0.1:8000/repo/"


def run_with(performance: float, lcp: float = 1000, hosts: tuple[str, ...] = ()) -> audit.Run:
    lhr = copy.deepcopy(RESULT)
    lhr["categories"]["performance"]["score"] = performance
    lhr["audits"]["largest-contentful-paint"]["numericValue"] = lcp
    lhr["audits"]["network-requests"]["details"]["items"] += [
        {"url": f"https://{host}/x.js", "resourceType": "Script", "transferSize": 0} for host in hosts
    ]
    return audit.parse_run(lhr, BASE)


def passing_summary(lang: str = "ar", type: str = "article", **changes) -> dict:
    summary = {
        "lang": lang, "type": type, "scores": dict(audit.CATEGORY_TARGETS), "total_bytes": 100_000,
        "other_hosts": [], "console_errors": [], "failing_audits": [], "requests": [],
    }
    return {**summary, **changes}


def test_scores_and_metrics_are_read_from_the_result():
    run = audit.parse_run(RESULT, BASE)
    assert run.scores == {"performance": 91, "accessibility": 97, "best-practices": 96, "seo": 100}
    assert run.metrics == {"lcp": 1835.5, "tbt": 329, "cls": 0.0585}
    assert run.benchmark_index == 2785


def test_transferred_bytes_are_split_by_kind():
    run = audit.parse_run(RESULT, BASE)
    assert run.bytes == {
        "html": 20000, "css": 23114, "js": 35000, "fonts": 10600 + 15000,
        "search": 314 + 4668 + 200000, "images": 473, "other": 300,
    }
    assert run.total_bytes == 309469
    assert not any(request["url"].startswith("data:") for request in run.requests)
    sizes = [request["transfer_size"] for request in run.requests]
    assert sizes == sorted(sizes, reverse=True)


@pytest.mark.parametrize(("url", "resource_type", "kind"), [
    (BASE + "search/", "Document", "html"),  # a page is a page, whatever its address
    (BASE + "search/search_index.json", "XHR", "search"),
    (BASE + "search/wasm.ar.pagefind", "Other", "search"),
    (BASE + "search/fragment/ar_1e30efd.pf_fragment", "Fetch", "search"),
    (BASE + "assets/javascripts/search.js", "Script", "search"),
    (BASE + "assets/javascripts/bundle.min.js", "Script", "js"),
    ("https://cdn.example/search/x.js", "Script", "js"),
    (BASE + "assets/favicon.svg", "Other", "other"),
])
def test_requests_are_classified(url, resource_type, kind):
    assert audit.kind_of(url, resource_type, BASE) == kind


def test_other_hosts_and_console_errors_are_reported():
    run = audit.parse_run(RESULT, BASE)
    assert run.other_hosts == ["fonts.gstatic.com"]
    assert run.console_errors == [
        "Failed to load resource: the server responded with a status of 404 (Not Found) (http://127.0.0.1:8000/repo/en/sitemap.xml)"
    ]


def test_failing_audits_leave_out_metrics_insights_manual_and_passing_ones():
    failing = audit.parse_run(RESULT, BASE).failing_audits
    assert [(a["category"], a["id"]) for a in failing] == [
        ("performance", "render-blocking-resources"),
        ("performance", "layout-shifts"),
        ("accessibility", "color-contrast"),
        ("best-practices", "errors-in-console"),
    ]
    contrast = failing[2]
    assert contrast["items"] == [
        'footer > p.credit | <p class="credit"> | Fix any of the following:   Element has insufficient color contrast of 4.47'
    ]
    assert failing[0]["items"] == [BASE + "assets/stylesheets/main.css | totalBytes=23114 | wastedMs=453"]
    assert failing[1]["items"] == [f"section.timeline-year | <section> | cause: Web font loaded {BASE}assets/fonts/plex-latin-700.woff2"]


def test_a_run_that_failed_raises():
    with pytest.raises(audit.LighthouseError, match="NO_FCP"):
        audit.parse_run({**RESULT, "runtimeError": {"code": "NO_FCP", "message": "no paint"}}, BASE)


def test_figures_are_the_median_of_the_runs_and_hosts_their_union():
    page = audit.Page("article", "ar", BASE + "articles/a/")
    result = audit.PageResult(page, [run_with(0.80, lcp=3000), run_with(0.95, lcp=1000, hosts=("a.example",)), run_with(0.90, lcp=2000)])
    summary = result.summary()
    assert summary["scores"]["performance"] == 90
    assert summary["metrics"]["lcp"] == 2000
    assert result.median_run is result.runs[2]
    assert summary["other_hosts"] == ["a.example", "fonts.gstatic.com"]
    assert summary["runs"] == 3


def test_a_page_meeting_every_target_misses_nothing():
    assert audit.misses(passing_summary()) == []
    assert audit.explain_misses(passing_summary()) == []


@pytest.mark.parametrize(("changes", "expected"), [
    ({"scores": {**audit.CATEGORY_TARGETS, "performance": 94}}, "ar article: performance 94 < 95"),
    ({"scores": {**audit.CATEGORY_TARGETS, "seo": 99}}, "ar article: seo 99 < 100"),
    ({"total_bytes": 110_001}, "ar article: first visit transfers 110.0 kB > 110.0 kB"),
    ({"other_hosts": ["fonts.gstatic.com"]}, "ar article: requests to other hosts: fonts.gstatic.com"),
    ({"console_errors": ["boom"]}, "ar article: 1 console error(s)"),
])
def test_each_target_is_checked(changes, expected):
    assert audit.misses(passing_summary(**changes)) == [expected]


def test_the_byte_limit_is_for_the_arabic_article_only():
    assert audit.misses(passing_summary(total_bytes=110_000)) == []
    assert audit.misses(passing_summary(lang="en", total_bytes=200_000)) == []
    assert audit.misses(passing_summary(type="home", total_bytes=200_000)) == []


def test_explaining_a_miss_lists_the_failing_audits_of_the_low_category_and_the_requests():
    failing = audit.parse_run(RESULT, BASE).failing_audits
    requests = [{"url": BASE, "kind": "html", "transfer_size": 120_000}]
    lines = audit.explain_misses(passing_summary(
        scores={**audit.CATEGORY_TARGETS, "accessibility": 97}, total_bytes=120_000, failing_audits=failing, requests=requests,
    ))
    assert lines[0] == "❌ ar article: accessibility 97 < 100"
    assert any("color-contrast" in line for line in lines)
    assert not any("render-blocking" in line for line in lines)  # performance met its target
    assert lines[-1].split() == ["120000", "html", BASE]


def test_one_page_per_type_and_language():
    pages = audit.pages(BASE, ("ar", "en"))
    assert len(pages) == 2 * len(audit.PAGE_TYPES)
    urls = {page.name: page.url for page in pages}
    assert urls["ar home"] == BASE
    assert urls["en article"] == BASE + "en/" + audit.PAGE_TYPES["article"]
    assert urls["en 404"] == BASE + "en/404.html"
    assert [page.name for page in audit.pages(BASE, ("ar", "en"), only=("term",))] == ["ar term", "en term"]


def test_lighthouse_runs_its_default_mobile_configuration_on_chromium_flags():
    command = audit.lighthouse_command(Path("lighthouse"), BASE, Path("out.json"))
    assert command[:2] == ["lighthouse", BASE]
    assert "--output=json" in command and "--output-path=out.json" in command
    assert not any(arg.startswith(("--preset", "--form-factor", "--screenEmulation")) for arg in command)
    flags = next(arg for arg in command if arg.startswith("--chrome-flags=")).split("=", 1)[1].split()
    assert {"--headless", "--no-sandbox", "--disable-gpu"} <= set(flags)


def test_comparison_lists_only_what_changed():
    page = audit.PageResult(audit.Page("article", "ar", BASE), [run_with(0.90)]).summary()
    better = copy.deepcopy(page)
    better["scores"]["performance"] = 96
    better["total_bytes"] -= 1000
    assert audit.compare({"pages": [page]}, {"pages": [better]}) == [
        "ar article: performance 90 → 96 (+6)",
        "ar article: total bytes 309469 → 308469 (-1000)",
    ]


def test_tables_align_their_columns():
    page = audit.PageResult(audit.Page("article", "ar", BASE), [run_with(0.90)]).summary()
    lines = audit.scores_table([page]).splitlines()
    assert lines[0].split() == ["page", "perf", "a11y", "best", "pr.", "SEO", "LCP", "s", "TBT", "ms", "CLS", "bench"]
    assert lines[2].split() == ["ar", "article", "90", "97", "96", "100", "1.00", "329", "0.059", "2785"]
    assert len({len(line) for line in lines}) == 1
    assert audit.bytes_table([page]).splitlines()[2].split()[-1] == "309.5"


# The server shared by the tests and the audit.

@pytest.fixture
def served(tmp_path):
    site = tmp_path / "site"
    (site / "about").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "index.html").write_text("<p>home</p>" * 50)
    (site / "about" / "index.html").write_text("<p>about</p>")
    (site / "404.html").write_text("<p>the site's own 404 page</p>")
    (site / "assets" / "font.woff2").write_bytes(b"wOF2" + bytes(200))
    (tmp_path / "secret.txt").write_text("outside the site")
    server = SiteServer(site, "/repo/")
    yield server
    server.close()


def get(server: SiteServer, path: str, **headers) -> tuple[http.client.HTTPResponse, bytes]:
    connection = http.client.HTTPConnection(urlsplit(server.base).netloc, timeout=5)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_html_is_gzipped_for_clients_that_accept_it(served):
    response, body = get(served, "/repo/", **{"Accept-Encoding": "gzip, deflate, br"})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(body) == (served.directory / "index.html").read_bytes()
    assert response.getheader("Cache-Control") == "max-age=600"
    assert response.getheader("Vary") == "Accept-Encoding"
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    plain, body = get(served, "/repo/")
    assert plain.getheader("Content-Encoding") is None and body == (served.directory / "index.html").read_bytes()


def test_fonts_are_not_gzipped(served):
    response, body = get(served, "/repo/assets/font.woff2", **{"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.getheader("Content-Encoding") is None
    assert response.getheader("Content-Type") == "font/woff2"
    assert body == (served.directory / "assets" / "font.woff2").read_bytes()


def test_missing_paths_get_the_sites_404_page_with_status_404(served):
    response, body = get(served, "/repo/no-such-page/")
    assert response.status == 404
    assert body == (served.directory / "404.html").read_bytes()


@pytest.mark.parametrize("path", ["/other/", "/index.html", "/repo/%2e%2e/secret.txt", "/repo/../secret.txt"])
def test_paths_outside_the_prefix_are_refused(served, path):
    response, body = get(served, path)
    assert response.status == 404
    assert b"outside the site" not in body and b"own 404 page" not in body


def test_folders_redirect_to_their_slash_and_serve_their_index(served):
    response, _ = get(served, "/repo/about?x=1")
    assert (response.status, response.getheader("Location")) == (301, "/repo/about/?x=1")
    response, body = get(served, "/repo/about/")
    assert (response.status, body) == (200, b"<p>about</p>")


def test_an_unchanged_page_is_not_sent_again(served):
    first, _ = get(served, "/repo/about/")
    again, body = get(served, "/repo/about/", **{"If-None-Match": first.getheader("ETag")})
    assert (again.status, body) == (304, b"")
    assert first.getheader("Last-Modified")
