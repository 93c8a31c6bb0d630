"""Answer Material's sitemap requests for alternate-language pages.

Material's bundle fetches `sitemap.xml` relative to every <link rel="alternate"> of a page;
ours point at the page itself in each language (as hreflang requires), so the browser asks
for <page>/sitemap.xml and logs a 404. Each page folder gets an empty, valid sitemap; the
real one, with every page and its alternates, stays at the site root.
"""
from pathlib import Path

from mkdocs.plugins import event_priority

EMPTY = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'


@event_priority(-200)  # after the i18n plugin has built every language
def on_post_build(config):
    site = Path(config.site_dir)
    for page in site.rglob("index.html"):
        stub = page.parent / "sitemap.xml"
        if not stub.exists():
            stub.write_text(EMPTY, encoding="utf-8")
