"""Site search: what goes into the index, and how it is made.

Material's search box stays (its look, right-to-left layout, keyboard and accessibility); the
engine behind it is Pagefind (PyPI `pagefind-bin`, which ships its binary), which indexes the
built site once every language is built: one index per `<html lang>`, each stemmed in its language
(Snowball's Arabic stemmer folds hamza seats and strips attached و ب ل ال; search.js also tries
final ى/ي, ة/ه and ئ/يء swapped), split in small
chunks so a query loads only what it needs. `assets/javascripts/search.js` answers Material's
search box from it (overrides/hooks/material_requests.js starts it when search is opened).

What a page is about is what it is found by: Material's header, tabs, sidebars and footer, and the
blocks a page repeats from other pages (article cards, related articles, an article's timeline
events, the articles an event comes from, glossary tooltips) are not indexed. Readers type names
as they spell them: every spelling of an entity in data/entities.yml, in both scripts, is indexed
on its who's-who page and on every article that names it (an attribute added to the copy of the
page that Pagefind reads, so readers never download it).
"""
from __future__ import annotations

import gzip
import html
import json
import logging
import os
import re
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .content import Content
from .entities import mentions, search_aliases

FOLDER = "search"  # in the built site, where Material's search files live too
# Material's chrome, and blocks repeated from other pages.
EXCLUDE_SELECTORS = (
    ".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-skip", ".md-source-file",
    ".md-content__button", ".md-top", ".md-dialog", ".timeline-filters",
    # A glossary tooltip: its page is the term's, indexed here every article linking it would match.
    ".glossary-tip",
    # Listings and lists of other pages: titles, definitions and descriptions written elsewhere.
    ".article-cards", ".glossary-index", ".related-articles", ".related-terms", ".appears-in",
    ".story-events", ".entity-events", ".event-meta a",
)
# Pagefind also writes its own search interfaces; the site uses Material's.
UNUSED_OUTPUT = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)
# Not data-search-*: Material's name for its own index's attributes.
ALIASES_ATTRIBUTE = "data-spellings"



# Opens each entity's spellings in the indexed text: search.js tells them from the page's words.
SPELLINGS_MARK = "\u2042"
MAX_WEIGHT = 10  # Pagefind's highest


def alias_element(forms: tuple[str, ...], weight: int) -> str:
    """An empty element whose attribute Pagefind indexes: the spellings readers type for an
    entity the page is about or names, seen by no reader and no screen reader, after a mark
    (the page's text ends with them), weighted as the page's own text about it would be."""
    text = f"{SPELLINGS_MARK} {' ، '.join(forms)}"
    return (f'<span hidden {ALIASES_ATTRIBUTE}="{html.escape(text, quote=True)}" '
            f'data-pagefind-index-attrs="{ALIASES_ATTRIBUTE}" data-pagefind-weight="{weight}"></span>')


def aliases_by_page(content: Content, lang: str) -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """Site-relative address of a page -> (spellings, weight) of each entity it is about or names:
    an entity's own page (its name is its title already), each article by the sections naming it.
    Computed once per content and language: every page of the build asks."""
    return content.derived(f"search-aliases-by-page:{lang}", lambda c: _aliases_by_page(c, lang))


def _aliases_by_page(content: Content, lang: str) -> dict[str, list[tuple[tuple[str, ...], int]]]:
    found = mentions(content)
    pages: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for entity in search_aliases(content, lang):
        pages.setdefault(entity.url, []).append((entity.forms, 1))
        sections = found[entity.id]["sections"][lang]
        for url in entity.mentioned_in:
            slug = url.rstrip("/").rsplit("/", 1)[-1]
            pages.setdefault(url, []).append((entity.forms, min(MAX_WEIGHT, 1 + len(sections.get(slug, [])))))
    return pages


# Pagefind parts words at white space and Latin punctuation only: «الاصطناعي،» would be a word
# of its own, found by neither «الاصطناعي» nor «الاصطناعى». The pages it reads have Arabic
# punctuation set apart by a space (search.js takes the space out again in what it shows).
# (The pattern starts with the marks, so the regex engine skips ahead to them: four times faster
# than trying a look-behind at every position of every page.)
ARABIC_PUNCTUATION = re.compile(r"[،؛؟»](?<=\S.)|«(?=\S)")


def for_indexing(page: str) -> str:
    return ARABIC_PUNCTUATION.sub(lambda m: "« " if m.group() == "«" else " " + m.group(), page)


def index_additions(content: Content) -> dict[str, str]:
    """Site-relative address -> the alias elements its indexed copy gets, for every language."""
    return {url: "".join(alias_element(forms, weight) for forms, weight in entities)
            for lang in content.site.languages for url, entities in aliases_by_page(content, lang).items()}


def index_site(site_dir: Path, additions: dict[str, str], niceness: int = 0) -> dict[str, int]:
    """Index the built site's pages (not its 404 pages) with Pagefind into site_dir/search/;
    the pages indexed per language. Pagefind (its command, configured by a pagefind.json beside
    the pages) reads a copy of them made for indexing, where each page's content ends with its
    `additions` (by site-relative address). Pagefind runs at `niceness` (os.nice)."""
    from pagefind_bin import get_executable

    output = site_dir / FOLDER
    # The new index is written beside the pages (os.replace needs one file system), then published.
    with tempfile.TemporaryDirectory() as work, tempfile.TemporaryDirectory(dir=site_dir, prefix=".search-") as written:
        copy, fresh = Path(work) / "site", Path(written)
        for page in site_dir.rglob("*.html"):
            rel = page.relative_to(site_dir)
            if page.name == "404.html" or FOLDER in rel.parts[:1]:
                continue
            text = for_indexing(page.read_text(encoding="utf-8"))
            added = additions.get(rel.as_posix().removesuffix("index.html"))
            if added:
                text = text.replace("</article>", added + "</article>", 1)
            target = copy / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        config = {"site": str(copy), "output_path": str(fresh), "exclude_selectors": list(EXCLUDE_SELECTORS)}
        (Path(work) / "pagefind.json").write_text(json.dumps(config), encoding="utf-8")
        # Under heavy load Pagefind has been seen to leave its entry file empty (not reproduced on
        # a quiet machine): one more run mends it; a second failure stops the build.
        for attempt in (1, 2):
            result = subprocess.run([str(get_executable())], cwd=work, capture_output=True, text=True,
                                    preexec_fn=(lambda: os.nice(niceness)) if niceness else None)
            entry = read_entry(fresh) if result.returncode == 0 else None
            if entry is not None:
                break
        else:
            raise RuntimeError(f"pagefind failed (exit {result.returncode}, entry file unreadable):\n"
                               f"{result.stdout}\n{result.stderr}")
        for name in UNUSED_OUTPUT:
            (fresh / name).unlink(missing_ok=True)
        # Pagefind lists the languages in hash-map order; sorted, two builds of one commit are identical.
        (fresh / ENTRY).write_text(json.dumps(entry, sort_keys=True, separators=(",", ":")), encoding="utf-8")
        publish(fresh, output)
    return pages_per_language(output)


def publish(fresh: Path, output: Path) -> None:
    """Move the index written in `fresh` into `output`, which `make serve` may be serving: every
    other file is in place before the entry file replaces the old one (os.replace, atomic), so a
    search reads one whole index, old or new. The old index's files stay: a page opened before
    holds the old entry and may still ask for them (Pagefind names its files by their content, and
    a clean build empties the folder)."""
    for path in sorted(fresh.rglob("*")):
        if path.is_file() and path.name != ENTRY:
            target = output / path.relative_to(fresh)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
    os.replace(fresh / ENTRY, output / ENTRY)


# Under `make serve`, one indexing at a time, after the build that asked for it.
_in_background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-index")
# Not under mkdocs's logger: a warning there would count against the next strict build.
log = logging.getLogger(__name__)


def index_site_in_background(site_dir: Path, additions: dict[str, str]) -> None:
    """`index_site`, started after the build returns: under `make serve` the edited page is served
    at once, and search follows a few seconds later (Pagefind reads every page again)."""
    def index():
        try:
            index_site(site_dir, additions, niceness=10)  # the next rebuild goes first
        except Exception as error:  # the page being written is served whatever search does
            log.warning("search index not updated: %s", error)

    _in_background.submit(index)


ENTRY = "pagefind-entry.json"


def read_entry(output: Path) -> dict | None:
    """Pagefind's entry file (version, and each language's index hash and page count), or None
    when it is missing or not JSON."""
    try:
        return json.loads((output / ENTRY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def pages_per_language(output: Path) -> dict[str, int]:
    """The languages of the written index, from Pagefind's entry file, with their page counts."""
    entry = read_entry(output) or {}
    return {lang: info.get("page_count", 0) for lang, info in entry.get("languages", {}).items()}


def fragments(output: Path, lang: str) -> list[dict]:
    """What the index shows of each page of a language (Pagefind's fragment files: gzip, a
    signature, then JSON): url, content, meta, anchors."""
    found = []
    for path in sorted((output / "fragment").glob(f"{lang}_*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        found.append(json.loads(data[data.index(b"{"):]))
    return found
