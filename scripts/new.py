#!/usr/bin/env python3
"""Scaffold new content: `make new-article SLUG=…`, `make new-term ID=…` (both with LANG=… to
create only one language's page), `make new-event ID=…` and `make new-figure ID=…` (ARTICLE=… fills in its article),
`make new-entity ID=…` (an entity already in data/entities.yml: only the pages it lacks).
Every field and section is in place, marked [[to write: …]]; `make check` lists what is left."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explainer import scaffold  # noqa: E402
from explainer.site import Site  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["article", "entity", "event", "figure", "term"])
    parser.add_argument("id", nargs="?", default="", help="the slug or id: lowercase ASCII words joined by '-'")
    parser.add_argument("--lang", help="an article or term: create only this language's page")
    parser.add_argument("--article", help="an event or a figure: the slug of the article that tells it")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    site = Site.load(args.config)
    try:
        if args.kind in ("event", "figure"):
            make_entry = scaffold.new_event if args.kind == "event" else scaffold.new_figure
            written = make_entry(site, args.id, args.article or None)
        elif args.kind == "entity":
            written = scaffold.new_entity(site, args.id)
        else:
            make = scaffold.new_article if args.kind == "article" else scaffold.new_term
            written = make(site, args.id, args.lang or None)
    except scaffold.ScaffoldError as err:
        print(f"new {args.kind}: {err}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {site.rel(path)}")
    print("Fill in every [[to write: …]] marker; `make check` lists those left.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
