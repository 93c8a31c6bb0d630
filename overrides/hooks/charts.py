"""Replace each `<!-- generated:chart ID -->` with the chart ID of data/charts.yml, drawn now as
inline SVG (no script, no image): real text in the page's font and language, bars from the right
on Arabic pages, values written on the bars, colours from the theme's variables (light and dark),
an accessible name and description, and the same figures in a table below it. HTML: charts.html."""
import re
from pathlib import Path

from markupsafe import Markup

from explainer import build, charts, figures
from explainer.markup import other_script
from explainer.render import render, html_block, url_of
from explainer.site import direction

TEMPLATE = Path(__file__).with_suffix(".html")
CHART_MARKER = re.compile(r"(?<!`)<!-- generated:chart ([a-z0-9]+(?:-[a-z0-9]+)*) -->")


def svg_text(text: str, lang: str) -> Markup:
    """SVG text with each run of the other script in a <tspan> that names its language. The runs
    are whole words, so no Arabic word is split across two text runs (which breaks its shaping)."""
    other_lang, _, run = other_script(lang)
    parts, position = [], 0
    for found in run.finditer(text):
        parts += [Markup.escape(text[position:found.start()]),
                  Markup('<tspan lang="{}">{}</tspan>').format(other_lang, found.group())]
        position = found.end()
    return Markup("").join(parts + [Markup.escape(text[position:])])


def on_page_markdown(markdown, page, config, files):
    if not CHART_MARKER.search(markdown):
        return markdown
    here = build.page_context(page, config)
    content, lang, t = here.content, here.lang, here.labels
    writer = figures.Writer(t)
    by_id = {f["id"]: f for f in figures.figures_of(content)}
    specs = {c["id"]: c for c in figures.charts_of(content)}
    rtl = direction(lang) == "rtl"
    here_url = url_of(lang, here.rel, here.default_language)

    def chart(match):
        spec = specs[match.group(1)]
        rows, height = charts.layout(spec, by_id, writer, rtl)
        bars = [row for row in rows if row.kind == "bar"]
        separator = "، " if rtl else ", "
        sources = list(dict.fromkeys(f"{writer.stated_by(by_id[r.figure_id])}{separator}{writer.as_of(by_id[r.figure_id])}" for r in bars))
        html = render(
            TEMPLATE, chart=spec[lang], id=spec["id"], rows=rows, height=height, rtl=rtl, lang=lang, t=t,
            svg_text=svg_text, sources=sources, by_id=by_id, writer=writer,
            figures_url=here.link("figures.md"), downloads=figures.downloads(here_url, lang, here.default_language),
        )
        return html_block(html)

    return CHART_MARKER.sub(chart, markdown)
