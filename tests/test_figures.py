"""The figures ledger in the built site: every article's key-figures table is the ledger's, every
chart's bars are as long as the ledger's values and its table holds the same numbers, Arabic charts
run from the right (in the HTML and as Chromium draws them), the figures pages and downloads hold
every figure; and figures are written the way each language writes them."""
from __future__ import annotations

import csv
import io
import json

import pytest

from builtsite import ROOT
from conftest import DEVICES, screenshot
from explainer import content as content_module
from explainer import figures
from explainer.render import Labels
from explainer.site import Site, direction


def text(element) -> str:
    """The text a reader sees in the element (a linked term's tooltip is not part of it)."""
    parts = [element.text or ""]
    for child in element:
        if "glossary-tip" not in (child.get("class") or ""):
            parts.append(text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def writer(built, lang) -> figures.Writer:
    return figures.Writer(Labels(built.content, lang))


def ledger(built) -> dict[str, dict]:
    return {f["id"]: f for f in figures.figures_of(built.content)}


@pytest.fixture(scope="module")
def labels() -> dict[str, Labels]:
    """The site's interface labels (data/labels.yml), read without a build."""
    loaded = content_module.load(Site.load(ROOT / "mkdocs.yml"))
    return {lang: Labels(loaded, lang) for lang in loaded.site.languages}


def test_figures_are_written_as_each_language_writes_them(labels):
    """Arabic: the scale word's form follows the number; English: the scale word and the currency."""
    cases = [
        ({"value": 5, "unit": "money", "currency": "EUR", "scale": "billion"}, "5 مليارات يورو", "5 billion euros"),
        ({"value": 671, "unit": "parameters", "scale": "billion"}, "671 مليار معامل", "671 billion parameters"),
        ({"value": 3.25, "unit": "money", "currency": "USD", "scale": "billion"}, "3.25 مليار دولار", "3.25 billion dollars"),
        ({"value": 1, "qualifier": "over", "unit": "money", "currency": "USD", "scale": "trillion"}, "أكثر من تريليون دولار", "over 1 trillion dollars"),
        ({"value": 400, "unit": "money", "currency": "USD", "scale": "thousand"}, "400 ألف دولار", "400,000 dollars"),
        ({"value": 6, "unit": "money", "currency": "USD", "scale": "million"}, "6 ملايين دولار", "6 million dollars"),
        ({"value": 2, "unit": "users", "scale": "billion"}, "ملياران", "2 billion"),
        ({"value": 15, "unit": "people", "scale": "thousand"}, "15 ألفًا", "15,000"),
        ({"value": 17, "qualifier": "about", "unit": "percent", "scale": "one"}, "نحو 17%", "about 17%"),
        ({"range": [40, 50], "unit": "money", "currency": "EUR", "scale": "billion"}, "40 إلى 50 مليار يورو", "40 to 50 billion euros"),
    ]
    for figure, arabic, english in cases:
        assert figures.Writer(labels["ar"]).value(figure) == arabic
        assert figures.Writer(labels["en"]).value(figure) == english


def key_figures_rows(root):
    heading = root.get_element_by_id("key-figures")
    table = heading.getnext()
    while table is not None and table.tag != "table" and not table.findall(".//table"):
        table = table.getnext()
    table = table if table.tag == "table" else table.find(".//table")
    return [[text(td) for td in tr.findall("td")] for tr in table.findall(".//tbody/tr")]


def test_every_key_figures_table_is_the_ledgers_in_both_languages(built):
    figures_by_id = ledger(built)
    converted = figures.equivalents(list(figures_by_id.values()))
    for slug in built.content.article_slugs:
        expected_ids = [f["id"] for f in figures.of_article(built.content, slug)]
        assert expected_ids, f"{slug} has no figure in data/figures.yml"
        for lang in built.languages:
            w = writer(built, lang)
            rows = key_figures_rows(built.page(lang, f"articles/{slug}/"))
            expected = [[w.full_value(figures_by_id[i], converted.get(i, [])), w.as_of(figures_by_id[i]), w.stated_by(figures_by_id[i])]
                        for i in expected_ids]
            assert [[r[0], r[2], r[3]] for r in rows] == expected, (slug, lang)
            assert all(r[1].startswith(figures_by_id[i][lang]["label"].split()[0]) for r, i in zip(rows, expected_ids)), (slug, lang)


def chart_pages(built):
    for path in built.html_files():
        root = built.parse(str(path.relative_to(built.dir)))
        for chart in [f for f in root.iter("figure") if "figure-chart" in (f.get("class") or "")]:
            yield path, built.lang_of(path), chart


def test_every_article_shows_a_chart_in_both_languages(built):
    for slug in built.content.article_slugs:
        for lang in built.languages:
            root = built.page(lang, f"articles/{slug}/")
            assert [f for f in root.iter("figure") if "figure-chart" in (f.get("class") or "")], (slug, lang)


def test_chart_bars_are_as_long_as_the_ledger_values(built):
    """Each bar's width is its figure's value over the chart's largest, as a share of the drawing."""
    figures_by_id = ledger(built)
    seen = 0
    for path, lang, chart in chart_pages(built):
        bars = chart.findall(".//rect")
        assert bars, path
        values = {b.get("data-figure"): figures.absolute(figures_by_id[b.get("data-figure")]) for b in bars}
        largest = max(values.values())
        for bar in bars:
            width = float(bar.get("width").rstrip("%"))
            assert width == pytest.approx(100 * values[bar.get("data-figure")] / largest, abs=0.01), (path, bar.get("data-figure"))
            seen += 1
    assert seen


def test_chart_tables_hold_the_ledgers_figures(built):
    """The table under each chart: one row per bar, in the same order, with the ledger's value,
    date and source in the page's language; the drawing writes the same value on each bar."""
    figures_by_id = ledger(built)
    for path, lang, chart in chart_pages(built):
        w = writer(built, lang)
        bars = [b.get("data-figure") for b in chart.findall(".//rect")]
        rows = chart.findall(".//details//tbody/tr[@data-figure]")
        assert [r.get("data-figure") for r in rows] == bars, path
        for row in rows:
            figure = figures_by_id[row.get("data-figure")]
            assert [text(td) for td in row.findall("td")] == [w.value(figure), w.as_of(figure), w.stated_by(figure)], path
        drawn = [text(t) for t in chart.iter("text") if "chart-value" in (t.get("class") or "")]
        assert drawn == [w.value(figures_by_id[b]) for b in bars], path


def test_charts_are_named_described_and_run_in_the_pages_direction(built):
    """role="img" with a name and a description from the caption; on an Arabic page the drawing is
    right-to-left and every bar starts at its right edge, its label anchored there; on an English
    page bars start at the left."""
    for path, lang, chart in chart_pages(built):
        svg = chart.find(".//svg")
        assert svg.get("role") == "img", path
        for attribute in ("aria-labelledby", "aria-describedby"):
            target = chart.get_element_by_id(svg.get(attribute))
            assert text(target), (path, attribute)
        rtl = direction(lang) == "rtl"
        assert svg.get("direction") == ("rtl" if rtl else "ltr"), path
        for bar in svg.findall(".//rect"):
            x, width = float(bar.get("x").rstrip("%")), float(bar.get("width").rstrip("%"))
            assert (x + width if rtl else x) == pytest.approx(100 if rtl else 0, abs=0.01), path
        for label in svg.findall(".//text"):
            if "chart-label" in (label.get("class") or "") or "chart-group" in (label.get("class") or ""):
                assert label.get("x") == ("100%" if rtl else "0"), path
        assert chart.findall(".//details//table"), path
        links = {a.get("href").rsplit("/", 1)[-1]: a.get("download") for a in chart.iter("a")}
        # Saved under names of their own in each language: downloading both, neither overwrites the other.
        assert links["figures.csv"] == f"ai-race-figures-{lang}.csv" and links["figures.json"] == f"ai-race-figures-{lang}.json", path


def download(built, lang, name):
    data = (built.dir / built.prefix(lang) / name).read_bytes()
    # Excel reads a CSV as UTF-8 only after a byte-order mark; nothing else wants one.
    assert data.startswith(b"\xef\xbb\xbf") == name.endswith(".csv"), name
    return data.decode("utf-8-sig")


def test_downloads_hold_every_figure_of_the_ledger_in_each_language(built):
    figures_by_id = ledger(built)
    for lang in built.languages:
        w = writer(built, lang)
        offered = {a.get("href").rsplit("/", 1)[-1]: a.get("download")
                   for a in built.page(lang, "figures/").findall(".//p[@class='figures-downloads']/a")}
        assert offered == {"figures.csv": f"ai-race-figures-{lang}.csv", "figures.json": f"ai-race-figures-{lang}.json"}
        rows = list(csv.DictReader(io.StringIO(download(built, lang, "figures.csv"))))
        data = json.loads(download(built, lang, "figures.json"))
        assert list(rows[0])[:9] == ["id", "label", "value", "unit", "currency", "scale", "as_of", "stated_by", "articles"]
        assert [r["id"] for r in rows] == [d["id"] for d in data] == list(figures_by_id)
        for row, item in zip(rows, data):
            figure = figures_by_id[row["id"]]
            value = figure.get("range", figure.get("value"))
            assert item["value"] == value and item["label"] == row["label"] == figure[lang]["label"]
            assert row["value"] == ("-".join(figures.plain(v) for v in value) if isinstance(value, list) else figures.plain(value))
            assert row["currency"] == item["currency"] == figure.get("currency", "")
            assert (row["unit"], row["scale"], row["as_of"]) == (figure["unit"], figure["scale"], figure["as_of"])
            assert row["stated_by"] == item["stated_by"] == w.stated_by(figure)
            assert row["articles"].split(";") == item["articles"] == figure["articles"]


def test_figures_page_lists_every_figure_under_its_theme_with_every_chart(built):
    figures_by_id = ledger(built)
    chart_ids = {c["id"] for c in figures.charts_of(built.content)}
    for lang in built.languages:
        root = built.page(lang, "figures/")
        theme_of, theme = {}, None  # each element id -> the id of the h2 above it, in document order
        for element in root.iter():
            if element.tag == "h2":
                theme = element.get("id")
            elif element.get("id"):
                theme_of[element.get("id")] = theme
        for figure in figures.rows(list(figures_by_id.values())):
            anchor = root.get_element_by_id(figure["id"])
            assert theme_of[figure["id"]] == figure["theme"], (lang, figure["id"])
            row = [a for a in anchor.iterancestors() if a.tag == "tr"][0]
            assert len(row.findall(".//a")) == len(figure["articles"]), (lang, figure["id"])
        shown = {f.get("id").removeprefix("chart-") for f in root.iter("figure") if "figure-chart" in (f.get("class") or "")}
        assert shown == chart_ids, lang


# Where Chromium draws each chart's parts: the drawing's box, and each bar, label and value's box.
CHART_BOXES = """() => [...document.querySelectorAll("svg.chart")].map(svg => {
  const box = e => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
  return {id: svg.closest("figure").id, svg: box(svg),
          bars: [...svg.querySelectorAll("rect")].map(box),
          labels: [...svg.querySelectorAll(".chart-label, .chart-group")].map(box),
          values: [...svg.querySelectorAll(".chart-value")].map(e => ({...box(e), inside: e.classList.contains("chart-value-inside")}))};
})"""


@pytest.mark.parametrize("device", DEVICES)
def test_charts_as_drawn_run_in_the_pages_direction_and_fit_the_screen(site, built, context, device):
    """In Chromium, light and dark: on Arabic pages every bar and label starts at the drawing's right
    edge (left on English pages), every value sits inside the drawing, on its bar or just beyond its
    end, and nothing is wider than the screen. Screenshots of one article's charts go to test-artifacts/."""
    problems = []
    for scheme in ("light", "dark"):
        page = context(device, scheme).new_page()
        for lang in built.languages:
            rtl = direction(lang) == "rtl"
            for slug in built.content.article_slugs + [None]:
                path = f"articles/{slug}/" if slug else "figures/"
                page.goto(site.base + built.prefix(lang) + path)
                page.add_style_tag(content="* { content-visibility: visible !important; }")
                for chart in page.evaluate(CHART_BOXES):
                    where = f"{lang} {path} {chart['id']} {scheme} {device}"
                    start = (lambda b: b["right"]) if rtl else (lambda b: b["left"])
                    edge = start(chart["svg"])
                    for part in chart["bars"] + chart["labels"]:
                        if abs(start(part) - edge) > 3:  # a glyph's ink may reach past its advance by a pixel or two
                            problems.append(f"{where}: a bar or label does not start at the {'right' if rtl else 'left'} edge")
                    for bar, value in zip(chart["bars"], chart["values"]):
                        if value["left"] < chart["svg"]["left"] - 1 or value["right"] > chart["svg"]["right"] + 1:
                            problems.append(f"{where}: a value is cut off by the drawing's edge")
                        inside = bar["left"] - 1 <= value["left"] and value["right"] <= bar["right"] + 1
                        beyond = value["right"] <= bar["left"] + 1 if rtl else value["left"] >= bar["right"] - 1
                        if not (inside if value["inside"] else beyond):
                            problems.append(f"{where}: a value is not {'on' if value['inside'] else 'beyond the end of'} its bar")
                if page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") > 0:
                    problems.append(f"{lang} {path} {scheme} {device}: wider than the screen")
                if slug == "europe-after-deepseek":
                    page.evaluate("document.querySelectorAll('.figure-chart details').forEach(d => d.open = true)")
                    page.locator("#key-figures").scroll_into_view_if_needed()
                    screenshot(page, f"{lang}-charts-{device}-{scheme}", full_page=True)
        page.close()
    assert not problems, "\n".join(problems[:40])
