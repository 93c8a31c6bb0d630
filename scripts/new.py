#!/usr/bin/env python3
"""Scaffold new content in every language: `make new-article SLUG=…`, `make new-term ID=…`,
`make new-event ID=…`, `make new-entity ID=…`. Every field and section is in place, marked [[to write: …]];
`make check` lists what is still to write."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explainer import scaffold  # noqa: E402
from explainer.site import Site  # noqa: E402

MAKERS = {"article": scaffold.new_article, "term": scaffold.new_term, "event": scaffold.new_event, "entity": scaffold.new_entity}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=sorted(MAKERS))
    parser.add_argument("id", nargs="?", default="", help="the slug or id: lowercase ASCII words joined by '-'")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    try:
        written = MAKERS[args.kind](Site.load(args.config), args.id)
    except scaffold.ScaffoldError as err:
        print(f"new {args.kind}: {err}", file=sys.stderr)
        return 2
    site_root = args.config.resolve().parent
    for path in written:
        print(f"wrote {path.relative_to(site_root)}")
    print("Fill in every [[to write: …]] marker; `make check` lists those left.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
