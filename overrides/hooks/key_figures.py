"""Replace `<!-- generated:key-figures -->` in an article page with the table of its figures from
data/figures.yml (those that list the article), written in the page's language, so the Arabic
and English pages cannot disagree. The table is Markdown (key_figures.html), so glossary links,
direction marks and focusable tables apply to it as to the rest of the page."""
from pathlib import Path

from explainer import build, figures
from explainer.render import has_marker, markdown_link, render, replace_marker

TEMPLATE = Path(__file__).with_suffix(".html")
MARKER = "key-figures"


def cell(text: str) -> str:
    """Text for a Markdown table cell: no pipes or line breaks to break the row."""
    return " ".join(str(text).split()).replace("|", "\\|")


def on_page_markdown(markdown, page, config, files):
    if not has_marker(markdown, MARKER):
        return markdown
    here = build.page_context(page, config)
    if here.source is None or here.source.kind != "article":
        return markdown  # the contributor guide shows the marker as code
    writer = figures.Writer(here.labels)
    ledger = figures.figures_of(here.content)
    converted = figures.equivalents(ledger)
    rows = [
        {
            "id": f["id"],
            "value": cell(writer.full_value(f, converted.get(f["id"], []))),
            "label": cell(f[here.lang]["label"]),
            "note": cell(f[here.lang].get("note", "")),
            "as_of": cell(writer.as_of(f)),
            "stated_by": cell(writer.stated_by(f)),
        }
        for f in figures.of_article(here.content, here.source.slug)
    ]
    table = render(TEMPLATE, rows=rows, t=here.labels, figures_url=markdown_link(here.rel, "figures.md"))
    return replace_marker(markdown, MARKER, table.strip())
