"""The content of the build in progress, shared by the hooks (loaded once per language build)."""
from __future__ import annotations

from .content import Content, load
from .site import Site

_current: dict = {}


def refresh(config) -> Content:
    """Load the content afresh; the first hook of every build calls this."""
    _current["content"] = load(Site.from_mkdocs(config))
    return _current["content"]


def current(config) -> Content:
    """The content of this build (loaded on first use if no hook refreshed it)."""
    return _current.get("content") or refresh(config)


def page_language(page, content: Content) -> tuple[str, str]:
    """(language, path inside the language folder) of a MkDocs page."""
    from .render import page_rel

    return page_rel(page.file.src_uri, content.site.languages)


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
