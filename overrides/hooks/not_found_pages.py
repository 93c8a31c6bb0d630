"""One 404 page per language: /404.html in the default language, /<lang>/404.html for the others.

Every language build renders the theme's 404.html to the site root, so without this the last
language built (English) would answer every missing address, left-to-right.
"""
from pathlib import Path

from mkdocs.plugins import event_priority

from explainer import build

_pages: dict[str, str] = {}


def on_post_template(output, template_name, config):
    if template_name == "404.html":
        _pages[config.theme["language"]] = output
    return output


@event_priority(-200)  # after the i18n plugin's own post-build, which builds the other languages
def on_post_build(config):
    site = build.current(config).site
    for lang, html in _pages.items():
        folder = Path(config.site_dir) / ("" if lang == site.default_language else lang)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "404.html").write_text(html, encoding="utf-8")
