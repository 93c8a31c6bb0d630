#!/usr/bin/env python3
"""Check the whole content tree: `make check` (add SOURCES=DIR to look for copied text).

Prints one line per problem, `path:line: code: what is wrong — how to fix it`, then a summary;
exits 1 when there is any problem, 0 when there is none.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explainer import checks, content  # noqa: E402
from explainer.site import Site  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml")
    parser.add_argument("--sources", type=Path, help="folder of the original source texts (*.txt)")
    args = parser.parse_args(argv)
    if args.sources is not None and not args.sources.is_dir():
        print(f"check: --sources {args.sources} is not a folder", file=sys.stderr)
        return 2
    site = Site.load(args.config)
    problems = checks.check(content.load(site), sources=args.sources)
    for problem in problems:
        print(problem)
    if args.sources is None:
        print("notice: copied-text check skipped (no source folder given: make check SOURCES=DIR)")
    if problems:
        print(f"❌ {len(problems)} problem(s)")
        return 1
    print("✅ content is valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
