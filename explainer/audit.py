"""`make audit`: what to measure with Lighthouse, how to read its results, and the targets.

Pure functions over Lighthouse's JSON result (the "LHR"); scripts/audit.py builds, serves and
runs Lighthouse. Every figure of a page is the median of its runs; what no median can give
(failing audits, the list of requests) comes from the run with the median performance score.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .chromium import CHROMIUM_ARGS

# One page of each type, by its path inside a language. The 404 page is audited at its own
# address (404.html answers 200 there): Lighthouse's SEO audit fails any page served with
# status 404, so a missing address could never reach the SEO target.
PAGE_TYPES = {
    "home": "",
    "articles": "articles/",
    "article": "articles/black-forest-labs/",
    "glossary": "glossary/",
    "term": "glossary/gpai/",
    "timeline": "timeline/",
    "who": "who/",
    "entity": "who/deepseek/",
    "figures": "figures/",
    "about": "about/",
    "404": "404.html",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CATEGORY_TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = {"lcp": "largest-contentful-paint", "tbt": "total-blocking-time", "cls": "cumulative-layout-shift"}
KILOBYTE = 1000  # as Chromium's DevTools counts kB (Lighthouse's own reports use KiB)
# What a first visit to an Arabic article may transfer: the stock Material site's figure.
FIRST_VISIT_LIMITS = {("ar", "article"): 110 * KILOBYTE}

KINDS = ("html", "css", "js", "fonts", "search", "images", "other")
# Everything that exists only for search: Material's settings and Pagefind's files (search/),
# the script that answers Material's box from them; counted apart from the page's own JavaScript.
SEARCH_PATHS = ("search/", "assets/javascripts/search.js")
KIND_OF_RESOURCE_TYPE = {"Document": "html", "Stylesheet": "css", "Script": "js", "Font": "fonts", "Image": "images"}
# Audits that are not a reason to fail: metrics (in the table already) and Lighthouse's
# "insight" duplicates of the diagnostics.
UNLISTED_GROUPS = {"metrics", "hidden"}
SCORED_MODES = {"binary", "numeric", "metricSavings"}
LISTED_ITEMS = 10


class LighthouseError(Exception):
    """A run that produced no result worth reading (Lighthouse's runtimeError)."""


@dataclass(frozen=True)
class Page:
    type: str
    lang: str
    url: str

    @property
    def name(self) -> str:
        return f"{self.lang} {self.type}"


def pages(base: str, languages: tuple[str, ...], only: tuple[str, ...] = ()) -> list[Page]:
    """One page per type and language (the default language first, at the root)."""
    return [
        Page(type, lang, base + ("" if lang == languages[0] else f"{lang}/") + path)
        for lang in languages
        for type, path in PAGE_TYPES.items()
        if not only or type in only
    ]


def lighthouse_command(lighthouse: Path, url: str, output: Path) -> list[str]:
    """Lighthouse's default configuration is the mobile one: an emulated phone, simulated throttling."""
    return [
        str(lighthouse), url, "--output=json", f"--output-path={output}", "--quiet",
        "--chrome-flags=" + " ".join(CHROMIUM_ARGS),
    ]


def kind_of(url: str, resource_type: str, base: str) -> str:
    if resource_type == "Document":
        return "html"
    if url.startswith(base) and url[len(base):].startswith(SEARCH_PATHS):
        return "search"
    return KIND_OF_RESOURCE_TYPE.get(resource_type, "other")


@dataclass
class Run:
    """The figures of one Lighthouse run of one page."""

    scores: dict[str, int]
    metrics: dict[str, float]
    # Lighthouse's measure of the machine's speed: simulated throttling scales from it, so a
    # busy machine (a low index) inflates TBT and LCP; compare figures only at similar indexes.
    benchmark_index: float
    bytes: dict[str, int]  # transferred per kind: compressed bodies and headers, as Chromium counts
    requests: list[dict]  # url, kind, transfer size, status
    other_hosts: list[str]
    console_errors: list[str]
    failing_audits: list[dict]

    @property
    def total_bytes(self) -> int:
        return sum(self.bytes.values())


def parse_run(lhr: dict, base: str) -> Run:
    if lhr.get("runtimeError"):
        error = lhr["runtimeError"]
        raise LighthouseError(f"{error.get('code')}: {error.get('message')}")
    audits = lhr["audits"]
    host = urlsplit(base).netloc
    requests = [
        {
            "url": item["url"],
            "kind": kind_of(item["url"], item.get("resourceType", ""), base),
            "transfer_size": item.get("transferSize") or 0,
            "status": item.get("statusCode"),
        }
        for item in audits["network-requests"]["details"]["items"]
        if urlsplit(item["url"]).scheme in ("http", "https")  # not data: URLs, never fetched
    ]
    bytes_by_kind = dict.fromkeys(KINDS, 0)
    for request in requests:
        bytes_by_kind[request["kind"]] += request["transfer_size"]
    return Run(
        scores={category: round(lhr["categories"][category]["score"] * 100) for category in CATEGORIES},
        metrics={name: audits[audit_id]["numericValue"] for name, audit_id in METRICS.items()},
        benchmark_index=lhr["environment"]["benchmarkIndex"],
        bytes=bytes_by_kind,
        requests=sorted(requests, key=lambda r: -r["transfer_size"]),
        other_hosts=sorted({urlsplit(r["url"]).netloc for r in requests} - {host}),
        console_errors=[console_error(item) for item in audits["errors-in-console"].get("details", {}).get("items", [])],
        failing_audits=failing_audits(lhr),
    )


def console_error(item: dict) -> str:
    where = (item.get("sourceLocation") or {}).get("url", "")
    return f"{item.get('description', '')} ({where})" if where else item.get("description", "")


def failing_audits(lhr: dict) -> list[dict]:
    """Every scored audit below full marks, by category, with what it points at."""
    failing = []
    for category in CATEGORIES:
        for ref in lhr["categories"][category]["auditRefs"]:
            audit = lhr["audits"][ref["id"]]
            if ref.get("group") in UNLISTED_GROUPS or audit.get("scoreDisplayMode") not in SCORED_MODES:
                continue
            if audit.get("score") is None or audit["score"] >= 1:
                continue
            items = (audit.get("details") or {}).get("items") or []
            failing.append({
                "category": category,
                "id": ref["id"],
                "title": audit["title"],
                "score": audit["score"],
                "weight": ref.get("weight", 0),
                "display_value": audit.get("displayValue", ""),
                "items": [describe_item(item) for item in items[:LISTED_ITEMS]],
                "more_items": max(0, len(items) - LISTED_ITEMS),
            })
    return failing


def describe_item(item: dict) -> str:
    """One line for one row of an audit's table: the element or request, and its sizes or times."""
    parts = []
    node = item.get("node")
    if isinstance(node, dict):
        parts.append(node.get("selector") or "")
        parts.append(node.get("snippet") or "")
        if node.get("explanation"):
            parts.append(node["explanation"].replace("\n", " "))
    for key in ("url", "description", "label", "groupLabel"):
        if isinstance(item.get(key), str) and item[key]:
            parts.append(item[key])
    source = item.get("source")
    if isinstance(source, dict) and source.get("url"):
        parts.append(source["url"])
    for key in ("totalBytes", "wastedBytes", "transferSize", "wastedMs", "duration", "cacheLifetimeMs"):
        if isinstance(item.get(key), (int, float)):
            parts.append(f"{key}={round(item[key])}")
    for sub_item in (item.get("subItems") or {}).get("items", []):  # e.g. what caused a layout shift
        extra = sub_item.get("extra")
        cause = " ".join(filter(None, [sub_item.get("cause"), extra.get("value") if isinstance(extra, dict) else None]))
        if cause:
            parts.append(f"cause: {cause}")
    return " | ".join(part for part in parts if part)


@dataclass
class PageResult:
    page: Page
    runs: list[Run] = field(default_factory=list)

    @property
    def median_run(self) -> Run:
        """The run with the median performance score (the lower middle of an even count)."""
        ordered = sorted(self.runs, key=lambda run: run.scores["performance"])
        return ordered[(len(ordered) - 1) // 2]

    def median(self, figures) -> float:
        return statistics.median(figures(run) for run in self.runs)

    def summary(self) -> dict:
        median_run = self.median_run
        return {
            "type": self.page.type,
            "lang": self.page.lang,
            "url": self.page.url,
            "runs": len(self.runs),
            "scores": {c: self.median(lambda run: run.scores[c]) for c in CATEGORIES},
            "metrics": {m: self.median(lambda run: run.metrics[m]) for m in METRICS},
            "benchmark_index": self.median(lambda run: run.benchmark_index),
            "bytes": {k: self.median(lambda run: run.bytes[k]) for k in KINDS},
            "total_bytes": self.median(lambda run: run.total_bytes),
            # Any run counts: a host contacted or an error logged once is one too many.
            "other_hosts": sorted({host for run in self.runs for host in run.other_hosts}),
            "console_errors": sorted({error for run in self.runs for error in run.console_errors}),
            "failing_audits": median_run.failing_audits,
            "requests": median_run.requests,
        }


def page_name(summary: dict) -> str:
    return f"{summary['lang']} {summary['type']}"


def misses(summary: dict) -> list[str]:
    """What a page's summary misses of the targets, one line each."""
    name = page_name(summary)
    found = [
        f"{name}: {category} {summary['scores'][category]:g} < {target}"
        for category, target in CATEGORY_TARGETS.items()
        if summary["scores"][category] < target
    ]
    limit = FIRST_VISIT_LIMITS.get((summary["lang"], summary["type"]))
    if limit is not None and summary["total_bytes"] > limit:
        found.append(f"{name}: first visit transfers {kilobytes(summary['total_bytes'])} kB > {kilobytes(limit)} kB")
    if summary["other_hosts"]:
        found.append(f"{name}: requests to other hosts: {', '.join(summary['other_hosts'])}")
    if summary["console_errors"]:
        found.append(f"{name}: {len(summary['console_errors'])} console error(s)")
    return found


def kilobytes(count: float) -> str:
    return f"{count / KILOBYTE:.1f}"


def format_table(headers: list[str], rows: list[list]) -> str:
    """A plain-text table: the first column left-aligned, numbers right-aligned."""
    cells = [headers] + [[str(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [
        "  ".join(cell.ljust(width) if i == 0 else cell.rjust(width) for i, (cell, width) in enumerate(zip(row, widths)))
        for row in cells
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def scores_table(summaries: list[dict]) -> str:
    return format_table(
        ["page", "perf", "a11y", "best pr.", "SEO", "LCP s", "TBT ms", "CLS", "bench"],
        [
            [page_name(s), *(f"{s['scores'][c]:g}" for c in CATEGORIES),
             f"{s['metrics']['lcp'] / 1000:.2f}", f"{s['metrics']['tbt']:.0f}", f"{s['metrics']['cls']:.3f}",
             f"{s['benchmark_index']:.0f}"]
            for s in summaries
        ],
    )


def bytes_table(summaries: list[dict]) -> str:
    return format_table(
        ["page (kB)", *KINDS, "total"],
        [[page_name(s), *(kilobytes(s["bytes"][k]) for k in KINDS), kilobytes(s["total_bytes"])] for s in summaries],
    )


def report(environment: dict, runs: int, summaries: list[dict]) -> dict:
    """The figures written as JSON, to compare with another commit's."""
    return {
        **environment,
        "runs_per_page": runs,
        "kilobyte": KILOBYTE,
        "targets": {"categories": CATEGORY_TARGETS, "first_visit_bytes": {f"{lang} {type}": limit for (lang, type), limit in FIRST_VISIT_LIMITS.items()}},
        "pages": summaries,
        "misses": [line for summary in summaries for line in misses(summary)],
    }


def explain_misses(summary: dict) -> list[str]:
    """What to fix on a page that misses a target: the failing audits of each category below its
    target, the requests of a first visit over its limit (largest first), the console errors."""
    lines = [f"❌ {line}" for line in misses(summary)]
    if not lines:
        return []
    low = {category for category, target in CATEGORY_TARGETS.items() if summary["scores"][category] < target}
    for audit in summary["failing_audits"]:
        if audit["category"] in low:
            value = f" ({audit['display_value']})" if audit["display_value"] else ""
            lines.append(f"    {audit['category']}: {audit['id']}: {audit['title']}{value}")
            lines += [f"        {item}" for item in audit["items"]]
            if audit["more_items"]:
                lines.append(f"        … and {audit['more_items']} more")
    limit = FIRST_VISIT_LIMITS.get((summary["lang"], summary["type"]))
    if limit is not None and summary["total_bytes"] > limit:
        lines.append("    requests of the first visit, largest first (bytes):")
        lines += [f"        {r['transfer_size']:>8}  {r['kind']:<7} {r['url']}" for r in summary["requests"]]
    lines += [f"    console error: {error}" for error in summary["console_errors"]]
    return lines


def compare(old: dict, new: dict) -> list[str]:
    """One line per figure that changed between two reports, for the pages both measured."""
    old_pages = {page_name(page): page for page in old["pages"]}
    lines = []
    for page in new["pages"]:
        name = page_name(page)
        before = old_pages.get(name)
        if before is None:
            continue
        figures = [(c, before["scores"][c], page["scores"][c]) for c in CATEGORIES]
        figures += [(m, before["metrics"][m], page["metrics"][m]) for m in METRICS]
        figures += [(f"{k} bytes", before["bytes"][k], page["bytes"][k]) for k in KINDS]
        figures.append(("total bytes", before["total_bytes"], page["total_bytes"]))
        lines += [f"{name}: {label} {was:g} → {now:g} ({now - was:+g})" for label, was, now in figures if was != now]
    return lines
