"""Replace `<!-- generated:article-cards -->` (home page, articles index) with a card per
article, newest source first. The HTML is article_cards.html, next to this file."""
import re
from pathlib import Path

from explainer import build, stories
from explainer.glossary import prose
from explainer.render import has_marker, marker, render, html_block, replace_marker

TEMPLATE = Path(__file__).with_suffix(".html")
REGIONS = {"us", "china", "europe", "global"}
HEADING = re.compile(r"^(#{1,5}) ", re.M)


def card_heading_level(markdown: str) -> int:
    """One level below the last heading before the cards, so headings do not skip a level: h2
    right under the page's title (the articles index), h3 in a section of the home page."""
    headings = HEADING.findall(markdown[: markdown.index(marker("article-cards"))])
    return len(headings[-1]) + 1 if headings else 2


def on_page_markdown(markdown, page, config, files):
    if not has_marker(markdown, "article-cards"):
        return markdown
    here = build.page_context(page, config)
    content, t = here.content, here.labels
    cards = []
    for slug in stories.by_date(content):
        article = content.page(here.lang, f"articles/{slug}.md")
        meta = content.article_meta(slug)
        source = meta["source"]
        cards.append({
            "url": here.link(article.rel),
            "title": article.title,
            "dek": article.meta.get("description", ""),
            "source": t("card.publisher_not_stated") if source["publisher"] == "not stated" else source["publisher"],
            "date": source["date"],
            "minutes": stories.reading_minutes(prose(article, here.content), here.lang),
            "topics": meta.get("topics", []),
        })
    html = render(TEMPLATE, cards=cards, t=t, lang=here.lang, regions=REGIONS, level=card_heading_level(markdown))
    return replace_marker(markdown, "article-cards", html_block(html))
