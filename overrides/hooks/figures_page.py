"""Replace `<!-- generated:figures -->` with every figure of data/figures.yml, grouped by theme
(capital, compute, models, markets, policy): a table per theme with each figure's date, who stated
it and the articles that use it, then the charts whose figures belong to that theme, and links to
the downloads (figures.csv, figures.json). Markdown and HTML: figures_page.html."""
from pathlib import Path

from explainer import build, figures
from explainer.render import has_marker, markdown_link, render, replace_marker, url_of

TEMPLATE = Path(__file__).with_suffix(".html")
THEMES = ["capital", "compute", "models", "markets", "policy"]


def short_title(title: str) -> str:
    """An article's title up to its colon («بلاك فورست لابس»): the column of articles stays narrow."""
    return title.split(":")[0].strip()


def cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def on_page_markdown(markdown, page, config, files):
    if not has_marker(markdown, "figures"):
        return markdown
    here = build.page_context(page, config)
    content, lang, t = here.content, here.lang, here.labels
    writer = figures.Writer(t)
    ledger = figures.figures_of(content)
    converted = figures.equivalents(ledger)
    by_id = {f["id"]: f for f in ledger}
    here_url = url_of(lang, here.rel, here.default_language)
    sections = []
    for theme in THEMES:
        rows = [
            {
                "id": f["id"],
                "value": cell(writer.full_value(f, converted.get(f["id"], []))),
                "label": cell(f[lang]["label"]),
                "note": cell(f[lang].get("note", "")),
                "as_of": cell(writer.as_of(f)),
                "stated_by": cell(writer.stated_by(f)),
                "articles": [(short_title(content.page(lang, f"articles/{s}.md").title), markdown_link(here.rel, f"articles/{s}.md"))
                             for s in f["articles"]],
            }
            for f in figures.rows(ledger) if f["theme"] == theme
        ]
        charts = [c["id"] for c in figures.charts_of(content) if by_id[c["groups"][0]["bars"][0]["figure"]]["theme"] == theme]
        if rows:
            sections.append({"theme": theme, "rows": rows, "charts": charts})
    html = render(TEMPLATE, sections=sections, t=t, lang=lang, cell=cell,
                  downloads=figures.downloads(here_url, lang, here.default_language))
    return replace_marker(markdown, "figures", html.strip())
