"""Replace `<!-- generated:article-cards -->` (home page, articles index) with a card per
article, newest source first. The HTML is article_cards.html, next to this file."""
from pathlib import Path

from explainer import build, stories
from explainer.glossary import prose
from explainer.render import Labels, has_marker, relative, render, render_markdown_safe, replace_marker, url_of

TEMPLATE = Path(__file__).with_suffix(".html")
REGIONS = {"us", "china", "europe", "global"}


def on_page_markdown(markdown, page, config, files):
    if not has_marker(markdown, "article-cards"):
        return markdown
    content = build.current(config)
    lang, rel = build.page_language(page, content)
    t = Labels(content, lang)
    default = content.site.default_language
    page_url = url_of(lang, rel, default)
    cards = []
    for slug in stories.by_date(content):
        article = content.page(lang, f"articles/{slug}.md")
        source = content.article_meta(slug)["source"]
        publisher = t("source.not_stated") if source["publisher"] == "not stated" else source["publisher"]
        cards.append({
            "url": relative(page_url, url_of(lang, article.rel, default)),
            "title": article.title,
            "dek": article.meta.get("description", ""),
            "source": publisher,
            "date": source["date"],
            "minutes": stories.reading_minutes(prose(article), lang),
            "topics": content.article_meta(slug).get("topics", []),
        })
    html = render(TEMPLATE, cards=cards, t=t, lang=lang, regions=REGIONS)
    return replace_marker(markdown, "article-cards", render_markdown_safe(html))
