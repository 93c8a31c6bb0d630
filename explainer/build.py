"""The content of the build in progress, shared by the hooks (loaded once per language build)."""
from __future__ import annotations

import sys
from dataclasses import dataclass

from .content import Content, Page, fingerprint, load
from .render import Labels, page_rel, relative, url_of
from .site import Site

_current: dict = {}

# `make serve` (mkdocs serve --dirty): rebuilds after an edit build only what it changes. No hook
# event says a build is a dirty one; the command line does.
DIRTY = "--dirty" in sys.argv or "--dirtyreload" in sys.argv
# Jinja's compiled theme templates (overrides/hooks/template_cache.py), under the project's root.
TEMPLATE_CACHE = ".cache/templates"


def refresh(config) -> Content:
    """The content as the files are now; the first hook of every build calls this. Every
    language's build does, and `mkdocs serve` after each edit: unchanged files are not read again."""
    site = Site.from_mkdocs(config)
    stamp = fingerprint(site)
    if _current.get("fingerprint") != stamp:
        _current["content"], _current["fingerprint"] = load(site, _current.get("content")), stamp
    return _current["content"]


def current(config) -> Content:
    """The content of this build (loaded on first use if no hook refreshed it)."""
    return _current.get("content") or refresh(config)


def page_language(page, content: Content) -> tuple[str, str]:
    """(language, path inside the language folder) of a MkDocs page."""
    return page_rel(page.file.src_uri, content.site.languages)


@dataclass
class PageContext:
    """What a hook rendering part of a page needs: the content, the page's language and path,
    its source file, its labels, and links from it to other pages."""

    content: Content
    lang: str
    rel: str

    @property
    def source(self) -> Page | None:
        return self.content.page(self.lang, self.rel)

    @property
    def default_language(self) -> str:
        return self.content.site.default_language

    @property
    def other_language(self) -> str | None:
        """The site's other language (the site has two: the glossary shows a term in both)."""
        return next((lang for lang in self.content.site.languages if lang != self.lang), None)

    @property
    def labels(self) -> Labels:
        return Labels(self.content, self.lang)

    def link(self, target_rel: str, lang: str | None = None) -> str:
        """A relative link from this page to the page `target_rel` (e.g. "glossary/gpai.md")."""
        here = url_of(self.lang, self.rel, self.default_language)
        return relative(here, url_of(lang or self.lang, target_rel, self.default_language))


def page_context(page, config) -> PageContext:
    content = current(config)
    return PageContext(content, *page_language(page, content))


class PageTreeprocessor:
    """Adds one tree processor to the Markdown of the page being rendered, chosen per page.

    MkDocs renders each page with a fresh Markdown instance built from the configured
    extensions; a hook sets `make` in on_page_markdown, just before the page is rendered.
    """

    def __init__(self, name: str, priority: float):
        from markdown.extensions import Extension

        owner = self

        class _Extension(Extension):
            def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
                if owner.make is not None:
                    md.treeprocessors.register(owner.make(md), owner.name, owner.priority)

        self.name, self.priority = name, priority
        self.make = None
        self.extension = _Extension()

    def install(self, config) -> None:
        """Add to the configuration's Markdown extensions (once, though every language build calls it)."""
        if self.extension not in config.markdown_extensions:
            config.markdown_extensions.append(self.extension)
