#!/usr/bin/env python3
"""Time the build: `make bench`.

Builds the real site and synthetic sites of 50 and 200 articles per language (the real articles
cloned, in a temporary folder) with the project's configuration and with a stock Material + i18n
configuration of the same Markdown, each three times in a fresh process; prints the medians of
wall time and peak memory, their ratio, the search index's size, and how time grows with the
articles; measures at the largest size what the build cannot go below (stock without its search,
plus the project's search index made alone); then times `make serve` on the largest site from
saving an edit to serving it; writes the figures as JSON. Exits 1 when a target is missed, 2 when a build fails, 0 otherwise.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explainer import bench  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="*", default=[50, 200], metavar="N",
                        help="synthetic sizes, in articles per language in all (default: 50 200)")
    parser.add_argument("--repeat", type=int, default=3, help="builds of each size and configuration (default 3)")
    parser.add_argument("--no-refresh", dest="refresh", action="store_false",
                        help="skip the edit-to-refresh measurement of make serve on the largest site")
    parser.add_argument("--json", type=Path, default=ROOT / "test-artifacts" / "bench.json", help="where to write the figures")
    args = parser.parse_args(argv)

    def report(line: str) -> None:
        print(f"  {line}", file=sys.stderr, flush=True)

    sizes, refresh, floor = [], None, None
    with tempfile.TemporaryDirectory() as work:
        for label, articles in [("real", None), *(("synthetic", n) for n in sorted(args.articles))]:
            site = bench.synthetic_site(ROOT, Path(work) / f"site-{articles or 'real'}", articles)
            try:
                sizes.append(bench.measure_size(site, label, args.repeat, Path(work) / f"out-{articles or 'real'}", report))
            except bench.BuildFailed as error:
                print(f"bench: {error}", file=sys.stderr)
                return 2
        report(f"at {sizes[-1].articles} articles/language, what the build cannot go below")
        floor = bench.measure_floor(site, args.repeat, Path(work) / f"out-{articles or 'real'}", report)
        if args.refresh:
            report(f"make serve on the {sizes[-1].articles}-article site: time from an edit to its page served with it")
            try:
                refresh = bench.measure_refresh(site)
            except bench.BuildFailed as error:
                print(f"bench: {error}", file=sys.stderr)
                return 2

    print(f"\nmkdocs build --strict, median of {args.repeat} per size and configuration; stock: Material + i18n, "
          "same Markdown and settings, without the project's hooks, overrides, CSS and JavaScript; project: "
          "over what the build before kept in .cache/ (derived results, compiled templates), as every build but a "
          "fresh clone's; cold: with nothing kept; social images drawn beforehand in both (measured on their own); "
          "ratio: project / stock wall time (CPU ratio: of user + system time, Pagefind's included, less moved by other work)\n")
    print(bench.format_table(sizes))
    print()
    lines, met = bench.verdicts(sizes, refresh, floor)
    for line in lines:
        print(line)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(bench.figures(sizes, refresh, floor), indent=1) + "\n", encoding="utf-8")
    print(f"\nfigures written to {args.json}")
    if not met:
        print("\n❌ a target is missed")
        return 1
    print("\n✅ every target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
