"""One 404 page per language: /404.html in the default language, /<lang>/404.html for the others.

Every language build renders the theme's 404.html to the site root, so without this the last
language built (English) would answer every missing address, left-to-right. GitHub Pages serves
only the root one, for every missing address: it holds every language's text (readable without
JavaScript), and its script sends a reader of /en/… to /en/404.html, which puts the address the
reader asked for back in the address bar (404.html).
"""
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from explainer import build
from explainer.render import Labels
from explainer.site import direction

_pages: dict[str, str] = {}


def on_pre_template(template, template_name, config):
    if template_name == "404.html":
        # The i18n plugin leaves the language links pointing at the last page it rendered; a 404
        # page belongs to no page, so its links go to each language's home.
        site_path = urlsplit(config.site_url or "/").path.rstrip("/")
        # (set as an attribute, as the plugin does: on MkDocs' extra config it hides the key)
        languages = sorted(config.plugins["i18n"].config.languages, key=lambda lang: not lang.default)
        config.extra.alternate = [{"name": lang.name, "lang": lang.locale, "link": site_path + lang.link} for lang in languages]
        # Each language's texts and home, the page's own language first.
        content = build.current(config)
        languages.sort(key=lambda lang: lang.locale != config.theme["language"])
        config.extra.not_found = [
            {"lang": lang.locale, "dir": direction(lang.locale), "home": site_path + lang.link, "default": lang.default,
             "label": {key: Labels(content, lang.locale)(f"notfound.{key}") for key in ("title", "text", "home", "articles")}}
            for lang in languages
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
