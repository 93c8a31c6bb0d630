"""What the hooks share to render generated parts: labels, dates, addresses and Jinja templates."""
from __future__ import annotations

import hashlib
import posixpath
import re
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from .content import Content
from .dates import precision_of
from .markup import other_script


def page_rel(src_uri: str, languages: tuple[str, ...]) -> tuple[str, str]:
    """(language, path inside the language folder) of a docs file, e.g. ("en", "articles/x.md")."""
    first, _, rest = src_uri.partition("/")
    return (first, rest) if first in languages and rest else (languages[0], src_uri)


def url_of(lang: str, rel: str, default_language: str) -> str:
    """The site-relative address of a page (directory URLs), e.g. "en/articles/x/"."""
    stem = rel[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    prefix = "" if lang == default_language else f"{lang}/"
    return (prefix + stem).lstrip("/")


@lru_cache(maxsize=None)  # every page links to the same few hundred pages
def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url`, both site-relative directory URLs."""
    from_dir = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath("/" + to_url, "/" + from_dir)
    if rel == ".":
        return "./"
    return rel + ("/" if to_url.endswith("/") and not rel.endswith("/") else "")


def markdown_link(from_rel: str, to_rel: str) -> str:
    """A Markdown link from one docs file to another, both paths inside a language folder
    ("articles/x.md" to "figures.md" is "../figures.md"), so MkDocs checks and rewrites it."""
    return posixpath.relpath(to_rel, posixpath.dirname(from_rel) or ".")


class Labels:
    """Interface labels of one language, from data/labels.yml."""

    def __init__(self, content: Content, lang: str):
        self._labels = content.labels.data if content.labels and isinstance(content.labels.data, dict) else {}
        self.lang = lang

    def __call__(self, key: str) -> str:
        texts = self._labels.get(key)
        if not isinstance(texts, dict) or self.lang not in texts:
            raise KeyError(f"data/labels.yml has no '{self.lang}' label '{key}'")
        return texts[self.lang]

    def __contains__(self, key: str) -> bool:
        texts = self._labels.get(key)
        return isinstance(texts, dict) and self.lang in texts

    def date(self, date: str) -> str:
        """A date as readers write it, at its precision: "4 ديسمبر 2025", "March 2025", "2025"."""
        parts = date.split("-")
        precision = precision_of(date)
        if precision == "year":
            return parts[0]
        month = self(f"month.{int(parts[1])}")
        if precision == "month":
            return f"{month} {parts[0]}"
        return f"{int(parts[2])} {month} {parts[0]}"


@lru_cache(maxsize=65536)  # names, labels and titles recur on every page
def isolate(text: str, lang: str) -> Markup:
    """Text for a page in `lang`, each run of the other script marked with its language and
    direction (as DirectionIsolation marks the Markdown); text with no letters outside such runs
    ("Black Forest Labs.", "Mistral AI, ASML") is marked whole, its punctuation with it."""
    other_lang, other_dir, run = other_script(lang)
    text = str(text)
    mark = Markup('<span lang="{}" dir="{}">{}</span>').format
    runs = list(run.finditer(text))
    if runs and not any(c.isalpha() for c in run.sub("", text)):
        return mark(other_lang, other_dir, text)
    parts, position = [], 0
    for found in runs:
        parts += [Markup.escape(text[position:found.start()]), mark(other_lang, other_dir, found.group())]
        position = found.end()
    return Markup("").join(parts + [Markup.escape(text[position:])])


@lru_cache(maxsize=None)
def _environment(folder: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["isolate"] = isolate
    return env


def render(template: Path, **context) -> str:
    """Render the Jinja template file (a hook's template, next to it) with the context."""
    env = _environment(str(template.parent))
    return env.get_template(template.name).render(**context)


def grouped_index(template: Path, groups: list[dict], heading, **context) -> str:
    """A listing page's body (the glossary, the who's who): the template's bar of links to the
    groups, then each group under a Markdown heading, `heading(group)`, anchored by the group's id."""
    parts = [render(template, part="bar", groups=groups, **context)]
    for group in groups:
        parts.append(f"## {heading(group)} {{#{group['id']}}}")
        parts.append(render(template, part="group", group=group, **context))
    return "\n\n".join(part.strip() for part in parts)


# Generated HTML goes into a page's Markdown as a comment naming it, and is put back into the
# page's HTML once Markdown is done (overrides/hooks/html_blocks.py): Python-Markdown would read it
# tag by tag only to leave it as it is, which was most of a large site's conversion time. MkDocs
# converts one page at a time, so the store holds the blocks of the page being converted.
_html_blocks: dict[str, str] = {}
HTML_BLOCK = re.compile(r"<!--html-block:([0-9a-f]{20})-->")


def html_block(html: str) -> str:
    """Generated HTML to put inside Markdown, which Markdown leaves whole (a block or inline)."""
    html = html.strip()
    key = hashlib.blake2b(html.encode(), digest_size=10).hexdigest()
    _html_blocks[key] = html
    return f"<!--html-block:{key}-->"


def put_back_html_blocks(html: str) -> str:
    """A converted page's HTML with its generated blocks in place of their comments."""
    filled = HTML_BLOCK.sub(lambda m: _html_blocks[m.group(1)], html)
    _html_blocks.clear()
    return filled


def marker(name: str) -> str:
    """Where a stub page wants a generated part: `<!-- generated:NAME -->`."""
    return f"<!-- generated:{name} -->"


def replace_marker(markdown: str, name: str, generated: str) -> str:
    """Put generated Markdown/HTML where a stub page has the marker `name`."""
    return markdown.replace(marker(name), generated)


def has_marker(markdown: str, name: str) -> bool:
    return marker(name) in markdown
