"""One 404 page per language: /404.html in the default language, /<lang>/404.html for the others.

Every language build renders the theme's 404.html to the site root, so without this the last
language built (English) would answer every missing address, left-to-right.
"""
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from explainer import build

_pages: dict[str, str] = {}


def on_pre_template(template, template_name, config):
    if template_name == "404.html":
        # The i18n plugin leaves the language links pointing at the last page it rendered; a 404
        # page belongs to no page, so its links go to each language's home.
        site_path = urlsplit(config.site_url or "/").path.rstrip("/")
        # (set as an attribute, as the plugin does: on MkDocs' extra config it hides the key)
        config.extra.alternate = [
            {"name": lang.name, "lang": lang.locale, "link": site_path + lang.link}
            for lang in sorted(config.plugins["i18n"].config.languages, key=lambda lang: not lang.default)
        ]
    return template


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
