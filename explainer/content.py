"""The whole content tree, loaded once: pages of every language, the glossary, the timeline,
the figures ledger and its charts."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import remember, yamldata
from .site import Site
from .yamldata import LineDict, LineList, YamlError

ARTICLES = "articles"
GLOSSARY = "glossary"
WHO = "who"
INDEX = "index.md"
# The data files of data/, by name (data/<name>.yml), each loaded as Content.<name>.
DATA_FILES = ("glossary", "timeline", "entities", "labels", "figures", "charts")

HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*(?:\{[^}]*#([^\s}]+)[^}]*\})?[ \t]*#*[ \t]*$")
FENCE = re.compile(r"^[ \t]*(```|~~~)")
LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def strip_code(line: str) -> str:
    """A Markdown line without its `code spans`."""
    return CODE_SPAN.sub("", line)


@dataclass
class Heading:
    line: int
    level: int
    text: str
    id: str | None


@dataclass
class Page:
    """One Markdown file of one language."""

    site: Site
    lang: str
    rel: str  # path inside the language folder, e.g. "articles/mistral-sovereignty.md"
    path: Path
    text: str
    meta: LineDict | None = None
    meta_error: YamlError | None = None
    body: str = ""
    body_line: int = 1  # the file's line number of the body's first line

    @cached_property
    def shown_path(self) -> str:
        return self.site.rel(self.path)

    @property
    def kind(self) -> str:
        parts = self.rel.split("/")
        if len(parts) == 2 and parts[1] != INDEX:
            kinds = {ARTICLES: "article", GLOSSARY: "term", WHO: "entity"}
            if parts[0] in kinds:
                return kinds[parts[0]]
        return "page"

    @cached_property
    def slug(self) -> str:
        return Path(self.rel).stem

    @property
    def title(self) -> str:
        return str((self.meta or {}).get("title", "")) or self.slug

    def body_lines(self):
        """(line number, line) of the body outside fenced code blocks."""
        fenced = False
        for offset, line in enumerate(self.body.split("\n")):
            if FENCE.match(line):
                fenced = not fenced
                continue
            if not fenced:
                yield self.body_line + offset, line

    @cached_property
    def headings(self) -> list[Heading]:
        found = []
        for number, line in self.body_lines():
            m = HEADING.match(line)
            if m:
                found.append(Heading(number, len(m.group(1)), m.group(2).strip(), m.group(3)))
        return found


def parse_page(site: Site, lang: str, path: Path, text: str | None = None) -> Page:
    text = path.read_text(encoding="utf-8") if text is None else text
    rel = path.relative_to(site.docs_dir / lang).as_posix()
    page = Page(site=site, lang=lang, rel=rel, path=path, text=text, body=text)
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() in ("---", "..."):
                break
        else:
            page.meta_error = YamlError("the front matter has no closing '---' line", 1)
            return page
        try:
            meta = yamldata.load("\n".join(lines[1:end]), first_line=2)
        except YamlError as err:
            page.meta_error = err
            meta = None
        if meta is not None and not isinstance(meta, LineDict):
            page.meta_error = YamlError("the front matter is not a set of 'key: value' fields", 2)
            meta = None
        page.meta = meta if meta is not None else (LineDict() if page.meta_error is None else None)
        if page.meta is not None and not hasattr(page.meta, "key_lines"):
            page.meta.key_lines, page.meta.duplicate_keys, page.meta.line = {}, [], 2
        page.body = "\n".join(lines[end + 1:])
        page.body_line = end + 2
    return page


@dataclass
class DataFile:
    path: Path
    text: str = ""
    data: object = None
    error: YamlError | None = None


def load_data(path: Path, previous: DataFile | None = None) -> DataFile:
    """The data file at `path`; `previous` (an earlier load of it) if its text has not changed."""
    if not path.exists():
        return DataFile(path, "", LineList())
    text = path.read_text(encoding="utf-8")
    if previous is not None and previous.path == path and previous.text == text:
        return previous
    try:
        return DataFile(path, text, yamldata.load(text))
    except YamlError as err:
        return DataFile(path, text, None, err)


@dataclass
class Content:
    site: Site
    pages: dict = field(default_factory=dict)  # (lang, rel) -> Page
    glossary: DataFile | None = None
    timeline: DataFile | None = None
    entities: DataFile | None = None
    labels: DataFile | None = None
    figures: DataFile | None = None
    charts: DataFile | None = None
    coverage: dict = field(default_factory=dict)  # article slug -> DataFile of data/coverage/<slug>.yml
    memo: dict = field(default_factory=dict)  # results derived from this content, computed once

    def derived(self, key: str, compute):
        """compute(self), computed once per loaded content (pages render many times over it)."""
        if key not in self.memo:
            self.memo[key] = compute(self)
        return self.memo[key]

    def data_files(self) -> list[DataFile]:
        """Every data file that exists (the checks look for digits, markers and copied text in each)."""
        named = [getattr(self, name, None) for name in DATA_FILES]
        return [f for f in (*named, *self.coverage.values()) if f is not None and f.path.exists()]

    @property
    def data_version(self) -> str:
        """A digest of every data file's path and text: part of the key of what is remembered across
        loads (a digest, not the texts: keys are compared on every lookup)."""
        def digest(c: Content) -> str:
            sha = hashlib.sha256()
            for f in c.data_files():
                sha.update(f"{f.path}\0{f.text}\0".encode())
            return sha.hexdigest()
        return self.derived("data_version", digest)

    def page(self, lang: str, rel: str) -> Page | None:
        return self.pages.get((lang, rel))

    def pages_of(self, lang: str, kind: str | None = None) -> list[Page]:
        return [p for (l, _), p in sorted(self.pages.items()) if l == lang and (kind is None or p.kind == kind)]

    @property
    def terms(self) -> list[dict]:
        """Glossary entries that have an id (the checks report the others)."""
        data = self.glossary.data if self.glossary else None
        return [t for t in data or [] if isinstance(t, dict) and isinstance(t.get("id"), str)]

    @property
    def events(self) -> list[dict]:
        data = self.timeline.data if self.timeline else None
        return [e for e in data or [] if isinstance(e, dict) and isinstance(e.get("id"), str)]

    @property
    def actors(self) -> list[dict]:
        """Who's who entries that have an id (the checks report the others)."""
        data = self.entities.data if self.entities else None
        return [e for e in data or [] if isinstance(e, dict) and isinstance(e.get("id"), str)]

    def article_meta(self, slug: str) -> dict:
        """The article's shared metadata: the front matter of its default-language page."""
        page = self.page(self.site.default_language, f"{ARTICLES}/{slug}.md")
        return (page.meta if page and page.meta else {}) or {}

    @property
    def article_slugs(self) -> list[str]:
        return self.derived("article_slugs", lambda c: [p.slug for p in c.pages_of(c.site.default_language, "article")])


def _page_files(site: Site):
    """(language, path) of every Markdown page."""
    for lang in site.languages:
        for path in sorted((site.docs_dir / lang).rglob("*.md")):
            yield lang, path


def _data_files(site: Site) -> dict[str, Path]:
    return {name: site.data_dir / f"{name}.yml" for name in DATA_FILES}


COVERAGE = "coverage"


def _coverage_files(site: Site) -> list[Path]:
    """data/coverage/<slug>.yml: each article's list of its source's key facts."""
    return sorted((site.data_dir / COVERAGE).glob("*.yml"))


def load(site: Site, previous: Content | None = None) -> Content:
    """The content as the files are now; pages whose text has not changed since `previous` are
    taken from it, already parsed."""
    remember.new_load(site.root)
    content = Content(site=site)
    previous = previous if previous is not None and previous.site == site else None
    earlier = previous.pages if previous is not None else {}
    for lang, path in _page_files(site):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(site.docs_dir / lang).as_posix()
        same = earlier.get((lang, rel))
        page = same if same is not None and same.text == text else parse_page(site, lang, path, text)
        content.pages[(lang, page.rel)] = page
    for name, path in _data_files(site).items():
        setattr(content, name, load_data(path, getattr(previous, name, None)))
    content.coverage = {path.stem: load_data(path, previous.coverage.get(path.stem) if previous else None) for path in _coverage_files(site)}
    return content


def fingerprint(site: Site) -> tuple:
    """What `load` would read, by path, modification time and size: equal while nothing changed."""
    paths = [path for _, path in _page_files(site)] + list(_data_files(site).values()) + _coverage_files(site)
    stamps = []
    for path in paths:
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
    return site, tuple(stamps)

