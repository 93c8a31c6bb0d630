"""Replace `<!-- generated:corrections -->` (the corrections page, linked from the about page's
corrections policy) with every correction recorded in the articles, newest first, each linked
to its place at the end of its article. The HTML is corrections_list.html, next to this file."""
from pathlib import Path

from explainer import build, corrections
from explainer.render import has_marker, render, html_block, replace_marker

TEMPLATE = Path(__file__).with_suffix(".html")


def on_page_markdown(markdown, page, config, files):
    if not has_marker(markdown, "corrections"):
        return markdown
    here = build.page_context(page, config)
    items = [
        {
            "date": c.date, "wrong": c.text[here.lang]["wrong"], "now": c.text[here.lang]["now"],
            "url": here.link(f"articles/{c.slug}.md") + f"#{c.anchor}",
            "title": here.content.page(here.lang, f"articles/{c.slug}.md").title,
        }
        for c in corrections.every(here.content)
    ]
    html = render(TEMPLATE, items=items, t=here.labels, lang=here.lang)
    return replace_marker(markdown, "corrections", html_block(html))
