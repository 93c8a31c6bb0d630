#!/usr/bin/env python3
"""The cost of the social preview images (part of `make bench`): the real site and a synthetic
one of 200 articles per language, each built once with an empty image cache and once with a full
one; prints the times, their difference (the drawing) per site and per image, and the images'
sizes; writes the figures as JSON."""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explainer import bench, social_bench  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="*", default=[200], metavar="N",
                        help="synthetic sizes, in articles per language (default: 200)")
    parser.add_argument("--json", type=Path, default=ROOT / "test-artifacts" / "bench-social.json", help="where to write the figures")
    args = parser.parse_args(argv)
    costs = []
    with tempfile.TemporaryDirectory() as work:
        for articles in [None, *sorted(args.articles)]:
            name = articles or "real"
            site = bench.synthetic_site(ROOT, Path(work) / f"site-{name}", articles)
            try:
                costs.append(social_bench.measure(site, Path(work) / f"out-{name}"))
            except bench.BuildFailed as error:
                print(f"bench: {error}", file=sys.stderr)
                return 2
            print(f"  {costs[-1].articles} articles/language: cold {costs[-1].cold_seconds:.1f} s, warm {costs[-1].warm_seconds:.1f} s",
                  file=sys.stderr, flush=True)
    print("\nSocial preview images: mkdocs build --strict of the project, once with an empty image cache "
          "(every image drawn) and once with a full one (copied); drawing = the difference\n")
    print(social_bench.format_table(costs))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps([dataclasses.asdict(c) for c in costs], indent=1) + "\n", encoding="utf-8")
    print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
