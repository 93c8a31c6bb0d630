#!/usr/bin/env python3
"""Audit the built site with Lighthouse: `make audit`.

Builds the site for a GitHub Pages project path into a temporary folder, serves it as GitHub
Pages does (explainer/serve.py), runs Lighthouse's mobile audit on one page of each type in each
language (three runs each unless --runs says otherwise), prints the median scores, LCP, TBT, CLS
and the bytes a first visit transfers by kind, and the time from opening search to its first
results on a desktop and a throttled phone (explainer/search_timing.py; --search-only measures only
that), and writes the figures as JSON.
Exits 1 when a target is missed, 2 when the audit could not run, 0 otherwise.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explainer import audit, search_timing, sitebuild  # noqa: E402
from explainer.chromium import CHROMIUM  # noqa: E402
from explainer.serve import SiteServer  # noqa: E402
from explainer.site import Site  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PREFIX = "/ai-race-explained/"  # a GitHub Pages project path, as the site is published
SEARCH_HEADING = ("From opening search on an article to its first results (nothing cached; the phone throttled as "
                  "Lighthouse's mobile profile: 150 ms, 1.6 Mbit/s, CPU ×4)\n\n")


def build(site_url: str, out: Path) -> bool:
    """A strict build; its output on failure."""
    result = sitebuild.build(ROOT, out, site_url)
    if result.returncode != 0:
        print(f"audit: mkdocs build failed:\n{result.stdout}\n{result.stderr}", file=sys.stderr)
    return result.returncode == 0


def run_lighthouse(page: audit.Page, output: Path) -> dict:
    result = subprocess.run(
        audit.lighthouse_command(LIGHTHOUSE, page.url, output),
        env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise audit.LighthouseError(f"{page.name}: lighthouse exited with {result.returncode}:\n{result.stderr[-2000:]}")
    return json.loads(output.read_text(encoding="utf-8"))


def served(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status == 200
    except OSError:
        return False


def audit_pages(pages: list[audit.Page], runs: int, base: str, work: Path) -> tuple[dict, list[dict]]:
    """(the browser and Lighthouse versions, one summary per page)."""
    environment = {}
    summaries = []
    for page in pages:
        result = audit.PageResult(page)
        for number in range(1, runs + 1):
            print(f"  {page.name}: run {number}/{runs}", file=sys.stderr, flush=True)
            lhr = run_lighthouse(page, work / f"{page.lang}-{page.type}-{number}.json")
            environment = {"lighthouse": lhr["lighthouseVersion"], "browser": lhr["environment"]["hostUserAgent"]}
            result.runs.append(audit.parse_run(lhr, base))
        summaries.append(result.summary())
    return environment, summaries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (default 3)")
    parser.add_argument("--only", action="append", choices=audit.PAGE_TYPES, metavar="PAGE-TYPE",
                        help=f"audit only this page type (repeatable): {', '.join(audit.PAGE_TYPES)}")
    parser.add_argument("--json", type=Path, default=ROOT / "test-artifacts" / "audit.json", help="where to write the figures")
    parser.add_argument("--compare", type=Path, metavar="OLD.json", help="print what changed since an earlier audit's JSON")
    parser.add_argument("--search-only", action="store_true", help="only time search, from opening it to its first results")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists() or not Path(CHROMIUM).exists():
        print("audit: Lighthouse or Chromium is missing: run `make audit`, which installs both", file=sys.stderr)
        return 2
    languages = Site.load(ROOT / "mkdocs.yml").languages
    with tempfile.TemporaryDirectory() as work:
        server = SiteServer(Path(work) / "site", PREFIX)
        try:
            if not build(server.base, Path(work) / "site"):
                return 2
            timings = search_timing.measure(server.base, languages, args.runs)
            if args.search_only:
                print(SEARCH_HEADING + search_timing.table(timings))
                return 0
            pages = audit.pages(server.base, languages, tuple(args.only or ()))
            missing = [page.url for page in pages if not served(page.url)]
            if missing:
                print(f"audit: not in the build (see audit.PAGE_TYPES): {', '.join(missing)}", file=sys.stderr)
                return 2
            environment, summaries = audit_pages(pages, args.runs, server.base, Path(work))
        except audit.LighthouseError as error:
            print(f"audit: {error}", file=sys.stderr)
            return 2
        finally:
            server.close()

    figures = audit.report(environment, args.runs, summaries)
    print(f"Lighthouse {figures['lighthouse']} (mobile: emulated phone, simulated throttling), "
          f"{figures['browser']}; median of {args.runs} run(s) per page, served under {PREFIX}\n")
    print(audit.scores_table(summaries))
    print(f"\nBytes a first visit transfers, by kind (kB = {audit.KILOBYTE} bytes; compressed bodies and headers, as Chromium counts them)\n")
    print(audit.bytes_table(summaries))
    print("\n" + SEARCH_HEADING + search_timing.table(timings))
    figures["search_ms"] = {f"{t.lang} {t.profile}": t.median for t in timings}
    print()
    for summary in summaries:
        for line in audit.explain_misses(summary):
            print(line)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nfigures written to {args.json}")
    if args.compare:
        changes = audit.compare(json.loads(args.compare.read_text(encoding="utf-8")), figures)
        print(f"\nsince {args.compare}:" if changes else f"\nno change since {args.compare}")
        for line in changes:
            print(f"  {line}")
    if figures["misses"]:
        print(f"\n❌ {len(figures['misses'])} target(s) missed")
        return 1
    print("\n✅ every target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
