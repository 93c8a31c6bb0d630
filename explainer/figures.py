"""The figures ledger (data/figures.yml) and its charts (data/charts.yml): each figure written
out in a language, the bars of a chart, and the rows of the downloads.

Arabic pages write numbers with the digits 0–9 (the contributor guide's rule), the scale word in
the form the number calls for («3 مليارات», «671 مليار», «مليار» for one), and the currency by
its Arabic name; English pages write "3.25 billion dollars".
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from .content import Content
from .render import Labels, relative

SCALES = {"one": 1, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# Arabic scale words: (after 1 and after 11 or more, after 3 to 10, the dual before a noun, the dual alone)
ARABIC_SCALE = {
    "thousand": ("ألف", "آلاف", "ألفا", "ألفان"),
    "million": ("مليون", "ملايين", "مليونا", "مليونان"),
    "billion": ("مليار", "مليارات", "مليارا", "ملياران"),
    "trillion": ("تريليون", "تريليونات", "تريليونا", "تريليونان"),
}
# Units written after the number (with their label); the others are named by the figure's label.
NAMED_UNITS = {"parameters", "tokens", "gpu-hours"}
CSV_COLUMNS = ["id", "label", "value", "unit", "currency", "scale", "as_of", "stated_by", "articles",
               "qualifier", "as_of_precision", "theme", "note"]


def figures_of(content: Content) -> list[dict]:
    """The ledger's figures that have an id (the checks report the others)."""
    data = content.figures.data if content.figures else None
    return [f for f in data or [] if isinstance(f, dict) and isinstance(f.get("id"), str)]


def charts_of(content: Content) -> list[dict]:
    data = content.charts.data if content.charts else None
    return [c for c in data or [] if isinstance(c, dict) and isinstance(c.get("id"), str)]


def absolute(figure: dict, value: float | None = None) -> float:
    """The figure's value (or `value` in its scale) as a plain number: 3.25 billion -> 3.25e9."""
    number = figure["value"] if value is None else value
    return number * SCALES[figure["scale"]]


def plain(number: float, grouped: bool = False) -> str:
    """3.25 -> "3.25", 671.0 -> "671", 400000 -> "400,000" when grouped."""
    if float(number).is_integer():
        whole = int(number)
        return f"{whole:,}" if grouped and whole >= 10000 else str(whole)
    return f"{number:.6f}".rstrip("0").rstrip(".")


def _arabic(number: float, scale: str, noun: str) -> str:
    """A number with its Arabic scale word and noun: «5 مليارات يورو», «671 مليار معامل», «مليار»."""
    digits = plain(number)
    if scale == "one":
        return f"{digits} {noun}".strip()
    single, few, dual_before_noun, dual = ARABIC_SCALE[scale]
    whole = float(number).is_integer()
    if whole and number == 1:
        words = single
    elif whole and number == 2:
        words = dual_before_noun if noun else dual
    elif whole and 3 <= number <= 10:
        words = f"{digits} {few}"
    elif whole and not noun and int(number) % 100 >= 11:
        words = f"{digits} {single}ًا"  # «671 مليارًا»: the accusative of a number from 11 on, alone
    else:
        words = f"{digits} {single}"
    return f"{words} {noun}".strip()


def _english(number: float, scale: str, noun: str) -> str:
    if scale in ("one", "thousand"):
        text = plain(number * SCALES[scale], grouped=True)
    else:
        text = f"{plain(number)} {scale}"
    return f"{text} {noun}".strip()


@dataclass
class Writer:
    """Writes figures in one language, with the interface labels of data/labels.yml."""

    labels: Labels

    @property
    def lang(self) -> str:
        return self.labels.lang

    def noun(self, figure: dict) -> str:
        if figure["unit"] == "money":
            return self.labels(f"currency.{figure['currency']}")
        if figure["unit"] in NAMED_UNITS:
            return self.labels(f"unit.{figure['unit']}")
        return ""

    def amount(self, figure: dict, number: float) -> str:
        noun = self.noun(figure)
        if figure["unit"] == "percent":
            return f"{plain(number)}%"
        return (_arabic if self.lang == "ar" else _english)(number, figure["scale"], noun)

    def value(self, figure: dict, number: float | None = None, qualifier: str | None = None) -> str:
        """The figure as a page writes it: «نحو 590 مليار دولار», "40 to 50 billion euros"."""
        if number is None and "range" in figure:
            low, high = figure["range"]
            text = f"{self._bare(figure, low)} {self.labels('figure.to')} {self.amount(figure, high)}"
        else:
            text = self.amount(figure, figure["value"] if number is None else number)
        qualifier = figure.get("qualifier") if number is None else qualifier
        return f"{self.labels('figure.' + qualifier)} {text}" if qualifier else text

    def _bare(self, figure: dict, number: float) -> str:
        """The low end of a range: the number alone (the high end carries scale and unit)."""
        return f"{plain(number)}%" if figure["unit"] == "percent" else plain(number)

    def stated_by(self, figure: dict) -> str:
        who = figure["stated_by"]
        return self.labels("figure.according_to_article") if who["kind"] == "article" else who[self.lang]

    def as_of(self, figure: dict) -> str:
        return self.labels.date(figure["as_of"])

    def full_value(self, figure: dict, equivalents: list[dict]) -> str:
        """The value with its other-currency equivalents and the article's own number, if any:
        «11.7 مليار يورو (نحو 14 مليار دولار بحسب المقال)»."""
        text = self.value(figure)
        extras = [f"{self.value(eq)} {self.labels('figure.per_article_short')}" if eq["stated_by"]["kind"] == "article"
                  else self.value(eq) for eq in equivalents]
        stated = figure.get("as_in_article")
        if stated:
            extras.append(f"{self.labels('figure.article_says')} {self.value(figure, stated['value'], stated.get('qualifier'))}")
        return text + "".join(f" ({extra})" for extra in extras)


def equivalents(figures: list[dict]) -> dict[str, list[dict]]:
    """id -> the figures that give it in another currency (equivalent_of)."""
    found: dict[str, list[dict]] = {}
    for figure in figures:
        if figure.get("equivalent_of"):
            found.setdefault(figure["equivalent_of"], []).append(figure)
    return found


def rows(figures: list[dict]) -> list[dict]:
    """The figures shown as rows of a table: all but those that only convert another one."""
    return [f for f in figures if not f.get("equivalent_of")]


def of_article(content: Content, slug: str) -> list[dict]:
    """The rows of an article's key-figures table, in ledger order."""
    return [f for f in rows(figures_of(content)) if slug in (f.get("articles") or [])]


@dataclass
class Bar:
    figure: dict
    label: str
    fraction: float  # its length as a share of the longest bar's (the chart's largest value)
    series: int  # its place in its group when there are several groups (bars of one place share a colour), else 0


def bars(chart: dict, by_id: dict[str, dict], lang: str) -> list[tuple[str, list[Bar]]]:
    """(group name, its bars) in drawing order; lengths proportional to the ledger's values."""
    largest = max(absolute(by_id[b["figure"]]) for g in chart["groups"] for b in g["bars"])
    grouped = len(chart["groups"]) > 1
    return [
        (group.get(lang, ""), [
            Bar(by_id[b["figure"]], b[lang], absolute(by_id[b["figure"]]) / largest, i if grouped else 0)
            for i, b in enumerate(group["bars"])
        ])
        for group in chart["groups"]
    ]


def download_rows(content: Content, lang: str) -> list[dict]:
    """Every figure as a row of figures.csv / figures.json in `lang` (CSV_COLUMNS)."""
    writer = Writer(Labels(content, lang))
    out = []
    for figure in figures_of(content):
        value = figure["range"] if "range" in figure else figure["value"]
        out.append({
            "id": figure["id"],
            "label": figure[lang]["label"],
            "value": value,
            "unit": figure["unit"],
            "currency": figure.get("currency", ""),
            "scale": figure["scale"],
            "as_of": figure["as_of"],
            "stated_by": writer.stated_by(figure),
            "articles": list(figure["articles"]),
            "qualifier": figure.get("qualifier", ""),
            "as_of_precision": figure["as_of_precision"],
            "theme": figure["theme"],
            "note": figure[lang].get("note", ""),
        })
    return out


# The ledger's downloads, at the root of each language's folder (figures_downloads.py writes them).
DOWNLOADS = ("csv", "json")
# Before the CSV's first byte: the mark by which Excel knows UTF-8 (without it, Arabic is garbled).
CSV_ENCODING = "utf-8-sig"


def downloads(here_url: str, lang: str, default_language: str) -> dict[str, dict[str, str]]:
    """Each download (by extension): its address from the page at `here_url`, and the name it is
    saved under, with the language in it (the two languages' files would overwrite each other)."""
    prefix = "" if lang == default_language else f"{lang}/"
    return {extension: {"url": relative(here_url, f"{prefix}figures.{extension}"), "name": f"ai-race-figures-{lang}.{extension}"}
            for extension in DOWNLOADS}


def csv_text(rows_: list[dict]) -> str:
    """CSV with a header; a range is written "40-50" and several articles "a;b"."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows_:
        flat = dict(row)
        flat["value"] = "-".join(plain(v) for v in row["value"]) if isinstance(row["value"], list) else plain(row["value"])
        flat["articles"] = ";".join(row["articles"])
        writer.writerow(flat)
    return buffer.getvalue()
