"""Reading the built site: its pages parsed with lxml, and the content data they come from."""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

import lxml.html

from explainer import content as content_module
from explainer.site import Site

ROOT = Path(__file__).resolve().parent.parent


class BuiltSite:
    def __init__(self, directory: Path, base: str):
        self.dir = directory
        self.base = base  # the address it was built for, ending in /

    @cached_property
    def content(self):
        return content_module.load(Site.load(ROOT / "mkdocs.yml"))

    @cached_property
    def languages(self) -> tuple[str, ...]:
        return self.content.site.languages

    def prefix(self, lang: str) -> str:
        return "" if lang == self.languages[0] else f"{lang}/"

    def html_files(self) -> list[Path]:
        return sorted(self.dir.rglob("*.html"))

    def lang_of(self, path: Path) -> str:
        first = path.relative_to(self.dir).parts[0]
        return first if first in self.languages[1:] else self.languages[0]

    def address(self, path: Path) -> str:
        """Where a built file is served: <dir>/en/about/index.html -> <base>en/about/."""
        return self.base + path.relative_to(self.dir).as_posix().removesuffix("index.html")

    def parse(self, rel: str):
        return lxml.html.parse(str(self.dir / rel)).getroot()

    def page(self, lang: str, path: str):
        """A built page by its address inside a language, e.g. page("en", "articles/x/")."""
        return self.parse(f"{self.prefix(lang)}{path}index.html")
