"""The figures ledger and its charts: data/figures.yml and data/charts.yml (their schemas in
data/schema/), the markers that place them, and prose that states a ledger figure differently."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..content import Content, Page, strip_code
from ..figures import SCALES, charts_of, equivalents, figures_of, of_article
from ..problems import Problem
from ..render import marker
from ..yamldata import line_of
from . import Kind, in_text
from .corrections import wrong_lines
from .files import data_file_problems, date_problems
from .glossary import duplicate_ids
from .timeline import UNKNOWN_ARTICLE

KIND = Kind("figures", order=55, title={"ar": "الأرقام والرسوم البيانية", "en": "Figures and charts"})

FIGURE_CURRENCY = KIND.rule(
    "figure-currency",
    ar=("مبلغ بلا عملة، أو عملة لغير مبلغ، أو رمز عملة لا يعرفه الموقع",
        "اكتب رمز ISO 4217 للمبالغ وحدها (USD, EUR, CNY) وأضف اسمه في data/labels.yml"),
    en=("money without a currency, a currency on something else, or a code the site does not know",
        "give money its ISO 4217 code (USD, EUR, CNY) and its name in data/labels.yml"),
)
UNKNOWN_FIGURE = KIND.rule(
    "unknown-figure",
    ar=("رسم بياني أو رقم يشير إلى رقم غير موجود في السجل", "صحّح المعرّف أو أضف الرقم إلى data/figures.yml"),
    en=("a chart or figure names a figure the ledger does not have", "fix the id, or add the figure to data/figures.yml"),
)
CHART_UNITS = KIND.rule(
    "chart-units",
    ar=("رسم بياني يقارن وحدات أو عملات مختلفة، أو نطاقًا", "اجعل أشرطة الرسم الواحد بوحدة واحدة وعملة واحدة وقيمة واحدة لكل شريط"),
    en=("a chart compares different units or currencies, or a range", "give one chart's bars one unit, one currency and a single value each"),
)
UNKNOWN_CHART = KIND.rule(
    "unknown-chart",
    ar=("علامة رسم بياني باسم غير موجود في data/charts.yml", "صحّح الاسم أو أضف الرسم إلى data/charts.yml"),
    en=("a chart marker names a chart data/charts.yml does not have", "fix the id, or add the chart to data/charts.yml"),
)
TYPED_KEY_FIGURES = KIND.rule(
    "typed-key-figures",
    ar=("قسم «أرقام أساسية» مكتوب باليد أو بلا أرقام في السجل",
        "ضع الأرقام في data/figures.yml مع articles: [المقال]، واكتب في القسم علامة الجدول المولَّد generated:key-figures"),
    en=("a key-figures section typed by hand, or with no figure in the ledger",
        "put the figures in data/figures.yml with articles: [slug], and write the generated:key-figures marker in the section"),
)
FIGURE_MISMATCH = KIND.rule(
    "figure-mismatch",
    ar=("النص يذكر رقمًا من السجل بقيمة أو عملة أخرى", "اكتب رقم السجل، أو صحّح data/figures.yml إن كان هو الخطأ"),
    en=("the text states a ledger figure with another number or currency",
        "write the ledger's figure, or correct data/figures.yml if the ledger is wrong"),
)

CHART_MARKER = re.compile(r"<!-- generated:chart ([^ ]*) -->")
KEY_FIGURES = "key-figures"


def _shown(content: Content, name: str) -> str:
    data_file = getattr(content, name)
    return content.site.rel(data_file.path) if data_file else f"data/{name}.yml"


def _currencies(content: Content) -> set[str]:
    labels = content.labels.data if content.labels and isinstance(content.labels.data, dict) else {}
    return {key.split(".", 1)[1] for key in labels if str(key).startswith("currency.")}


@KIND.check
def ledger(content: Content) -> list[Problem]:
    shown = _shown(content, "figures")
    problems = data_file_problems(content.figures, content, "figures")
    figures = figures_of(content)
    ids = [f["id"] for f in figures]
    problems += duplicate_ids(figures, shown, "figure")
    known = _currencies(content)
    slugs = content.article_slugs
    for figure in figures:
        dated = {"date": figure.get("as_of"), "date_precision": figure.get("as_of_precision")}
        problems += date_problems(dated, shown, line_of(figure, ["as_of"]), line_of(figure, ["as_of_precision"]))
        money, currency = figure.get("unit") == "money", figure.get("currency")
        if money and not currency:
            problems.append(FIGURE_CURRENCY.problem(shown, line_of(figure, ["unit"]), f"'{figure['id']}' is money but has no currency",
                                                    "add 'currency:' with its ISO 4217 code (USD, EUR, CNY…)"))
        elif currency and not money:
            problems.append(FIGURE_CURRENCY.problem(shown, line_of(figure, ["currency"]), f"'{figure['id']}' has a currency but its unit is '{figure.get('unit')}'",
                                                    "remove 'currency:', or set 'unit: money'"))
        elif currency and currency not in known:
            problems.append(FIGURE_CURRENCY.problem(shown, line_of(figure, ["currency"]), f"'{currency}' is not a currency the site knows",
                                                    f"use an ISO 4217 code ({', '.join(sorted(known))}), or add 'currency.{currency}: {{ar: …, en: …}}' to data/labels.yml"))
        if money and figure.get("scale") == "one":
            problems.append(FIGURE_CURRENCY.problem(shown, line_of(figure, ["scale"]), f"'{figure['id']}' is money written without a scale word",
                                                    "write money with a scale: 400 thousand is 'value: 400' with 'scale: thousand'"))
        for i, slug in enumerate(figure.get("articles") or []):
            if slug not in slugs:
                guess = difflib.get_close_matches(str(slug), slugs, n=1)
                problems.append(UNKNOWN_ARTICLE.problem(shown, line_of(figure, ["articles", i]), f"'{slug}' is not an article slug",
                                                        (f"did you mean '{guess[0]}'? " if guess else "") + "See docs/ar/articles/"))
        other = figure.get("equivalent_of")
        if other is not None and (other not in ids or other == figure["id"]):
            problems.append(_unknown_figure(other, ids, shown, line_of(figure, ["equivalent_of"])))
    return problems


def _unknown_figure(value, ids: list[str], shown: str, line: int) -> Problem:
    guess = difflib.get_close_matches(str(value), ids, n=1)
    return UNKNOWN_FIGURE.problem(shown, line, f"'{value}' is not a figure id of data/figures.yml",
                                  f"did you mean '{guess[0]}'?" if guess else "use an id from data/figures.yml")


@KIND.check
def charts(content: Content) -> list[Problem]:
    shown = _shown(content, "charts")
    problems = data_file_problems(content.charts, content, "charts")
    charts_ = charts_of(content)
    problems += duplicate_ids(charts_, shown, "chart")
    by_id = {f["id"]: f for f in figures_of(content)}
    for chart in charts_:
        kinds = set()
        for g, group in enumerate(chart.get("groups") or []):
            for b, bar in enumerate(group.get("bars") or [] if isinstance(group, dict) else []):
                where = line_of(chart, ["groups", g, "bars", b, "figure"])
                figure = by_id.get(bar.get("figure")) if isinstance(bar, dict) else None
                if figure is None:
                    problems.append(_unknown_figure(bar.get("figure") if isinstance(bar, dict) else bar, list(by_id), shown, where))
                    continue
                if "range" in figure:
                    problems.append(CHART_UNITS.problem(shown, where, f"'{figure['id']}' is a range; a bar needs one value",
                                                        "chart figures with a single value"))
                kinds.add((figure.get("unit"), figure.get("currency")))
        if len(kinds) > 1:
            described = ", ".join(sorted(f"{unit} {currency or ''}".strip() for unit, currency in kinds))
            problems.append(CHART_UNITS.problem(shown, line_of(chart, ["groups"]), f"the chart '{chart['id']}' mixes {described}",
                                                "compare figures of one unit and currency (a figure's 'equivalent_of' gives another currency)"))
    return problems


@KIND.check
def markers(content: Content) -> list[Problem]:
    chart_ids = [c["id"] for c in charts_of(content)]
    return [p for page in content.pages.values()
            for p in in_text("markers", content, page.shown_path, page.text, lambda: _page_markers(content, page, chart_ids))]


def _page_markers(content: Content, page: Page, chart_ids: list[str]) -> list[Problem]:
    problems = []
    for number, line in page.body_lines():
        for chart_id in CHART_MARKER.findall(strip_code(line)):
            if chart_id not in chart_ids:
                guess = difflib.get_close_matches(chart_id, chart_ids, n=1)
                problems.append(UNKNOWN_CHART.problem(page.shown_path, number, f"'{chart_id}' is not a chart of data/charts.yml",
                                                      f"did you mean '{guess[0]}'?" if guess else "use an id from data/charts.yml"))
    if page.kind == "article":
        problems += _key_figures_section(content, page)
    return problems


def _key_figures_section(content: Content, page: Page) -> list[Problem]:
    """The section holds the generated table and charts only, and the ledger has the article's figures."""
    headings = page.headings
    start = next((h for h in headings if h.id == KEY_FIGURES), None)
    if start is None:
        return []  # the articles' rules report a missing section
    end = next((h.line for h in headings if h.line > start.line and h.level <= start.level), None)
    lines = [(n, line) for n, line in page.body_lines() if start.line < n and (end is None or n < end)]
    fix = (f"put the figures in data/figures.yml with 'articles: [{page.slug}]', and write {marker(KEY_FIGURES)} here"
           " (charts: <!-- generated:chart ID -->)")
    typed = [(n, line) for n, line in lines if line.strip() and not line.strip().startswith("<!-- generated:")]
    if typed:
        return [TYPED_KEY_FIGURES.problem(page.shown_path, typed[0][0], "the key-figures section is typed by hand", fix)]
    if not any(line.strip() == marker(KEY_FIGURES) for _, line in lines):
        return [TYPED_KEY_FIGURES.problem(page.shown_path, start.line, f"the key-figures section has no {marker(KEY_FIGURES)}", fix)]
    if not of_article(content, page.slug):
        return [TYPED_KEY_FIGURES.problem(page.shown_path, start.line, f"no figure of data/figures.yml lists '{page.slug}'", fix)]
    return []


# ---------------------------------------------------------------- prose against the ledger

NUMBER = r"(?P<number>\d+(?:,\d{3})*(?:\.\d+)?)"
SCALE_WORDS = {
    "thousand": ["ألف", "آلاف", "ألفًا", "thousand"],
    "million": ["مليون", "ملايين", "مليونًا", "million"],
    "billion": ["مليار", "مليارات", "مليارًا", "billion", "bn"],
    "trillion": ["تريليون", "تريليونات", "تريليونًا", "trillion"],
}
CURRENCY_WORDS = {
    "USD": ["دولار", "دولارًا", "دولارات", "dollars", "dollar", "$"],
    "EUR": ["يورو", "euros", "euro", "€"],
    "CNY": ["يوان", "yuan"],
}
_SCALE = {w: s for s, words in SCALE_WORDS.items() for w in words}
_CURRENCY = {w: c for c, words in CURRENCY_WORDS.items() for w in words}


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


UNIT_WORDS = {
    "parameters": ["معامل", "معاملًا", "parameters"],
    "tokens": ["وحدة نصية", "وحدات نصية", "tokens"],
    "gpu-hours": ["ساعة تشغيل", "ساعة", "GPU hours", "hours"],
}
_UNIT = {w: u for u, words in UNIT_WORDS.items() for w in words}
_NOUNS = {**_CURRENCY, **_UNIT}

# "8 مليارات دولار", "3.25 billion dollars", "17%", "$500bn", "€200 billion", "2.8 مليون ساعة",
# "تريليون دولار" (one)
AMOUNT = re.compile(
    rf"(?:(?P<symbol>[$€])\s?)?(?<![\d.,]){NUMBER}(?:\s?(?P<percent>[%٪])|\s?(?P<scale>{_alternation(_SCALE)})(?!\w))?"
    rf"(?:\s(?P<noun>{_alternation(w for w in _NOUNS if w not in ('$', '€'))})(?!\w))?"
    rf"|(?<!\w)(?P<lone>مليار|تريليون|مليون)\s(?P<lone_currency>دولار|يورو|يوان)(?!\w)"
)
# A clause: where a measure and its amount are "next to" each other. Decimal points and
# thousands separators do not end one.
CLAUSE = re.compile(r"(?<!\d)\.|\.(?!\d)|[،؛;:!?؟]|,(?!\d{3})")


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    text: str
    number: float
    scale: str | None
    unit: str | None  # money (with a currency), percent, parameters…; None when the text does not say
    currency: str | None


def amounts(text: str) -> list[Amount]:
    """The amounts written in a text: a number with a scale word, a currency, a unit or a percent
    sign (bare numbers, years and counts are left alone)."""
    found = []
    for m in AMOUNT.finditer(text):
        if m.group("lone"):
            found.append(Amount(m.start(), m.end(), m.group(), 1.0, _SCALE[m.group("lone")], "money", _CURRENCY[m.group("lone_currency")]))
            continue
        scale, noun, symbol = m.group("scale"), m.group("noun"), m.group("symbol")
        currency = _CURRENCY.get(noun or "") or _CURRENCY.get(symbol or "")
        unit = "percent" if m.group("percent") else "money" if currency else _UNIT.get(noun or "")
        if not (scale or unit):
            continue
        found.append(Amount(m.start(), m.end(), m.group().strip(), float(m.group("number").replace(",", "")),
                            _SCALE[scale] if scale else None, unit, currency))
    return found


def _compatible(amount: Amount, figure: dict) -> bool:
    """Whether the amount could be this figure: the same unit, or a number whose unit the text leaves out."""
    if amount.unit is None:
        return figure.get("unit") != "percent"
    return amount.unit == figure.get("unit")


def _agrees(amount: Amount, figure: dict, ledger: dict[str, dict], converted: dict[str, list[dict]]) -> bool:
    """Whether the amount is the figure, its range, the article's own number or an equivalent."""
    versions = [figure] + converted.get(figure["id"], [])
    if figure.get("equivalent_of") in ledger:
        versions.append(ledger[figure["equivalent_of"]])
    for version in versions:
        if amount.currency and version.get("currency") and amount.currency != version["currency"]:
            continue
        numbers = list(version["range"]) if "range" in version else [version["value"]]
        if version.get("as_in_article"):
            numbers.append(version["as_in_article"]["value"])
        # A number written without a scale word is in the figure's scale ("68 مليارًا… and 15"), or whole ("400,000").
        for scale in [amount.scale] if amount.scale else [version["scale"], "one"]:
            written = amount.number * SCALES[scale]
            if any(abs(written - n * SCALES[version["scale"]]) <= 1e-9 * n * SCALES[version["scale"]] for n in numbers):
                return True
            if "range" in version and scale == version["scale"] and version["range"][0] <= amount.number <= version["range"][1]:
                return True
    return False


def _well_formed(figure: dict) -> bool:
    """A figure the schema accepts as to its numbers (the schema reports the others)."""
    def number(v):
        return isinstance(v, (int, float)) and not isinstance(v, bool)

    values = figure.get("range") if "range" in figure else [figure.get("value")]
    return isinstance(values, list) and all(number(v) for v in values) and figure.get("scale") in SCALES and isinstance(figure.get("unit"), str)


def _mentions(figure: dict) -> list[str]:
    return [m for lang in ("ar", "en") if isinstance(figure.get(lang), dict) for m in figure[lang].get("mentions") or []]


def mismatches(text: str, figures: list[dict], ledger: dict[str, dict], converted) -> list[tuple[dict, str, Amount]]:
    """(figure, the words that name it, the amount) for each ledger figure named in a clause of
    `text` whose nearest amount of its kind in that clause is another number or currency
    (`converted`: the ledger's `equivalents`)."""
    found = []
    for clause in CLAUSE.split(text):
        written = amounts(clause)
        if not written:
            continue
        lowered = clause.lower()
        for figure in figures:
            for mention in _mentions(figure):
                at = lowered.find(mention.lower())
                if at < 0:
                    continue
                candidates = [a for a in written if _compatible(a, figure)]
                if not candidates:
                    continue
                nearest = min(candidates, key=lambda a: max(a.start - (at + len(mention)), at - a.end, 0))
                if not _agrees(nearest, figure, ledger, converted):
                    found.append((figure, mention, nearest))
                break  # one mention of a figure per clause is enough
    return found


def _ledger_value(figure: dict) -> str:
    """The ledger's figure in a message: "about 590 billion USD", "40–50 billion EUR", "about 17%"."""
    value = "–".join(f"{v:g}" for v in figure["range"]) if "range" in figure else f"{figure['value']:g}"
    unit = "%" if figure["unit"] == "percent" else f" {figure['scale']}" if figure["scale"] != "one" else ""
    currency = f" {figure['currency']}" if figure.get("currency") else ""
    qualifier = figure.get("qualifier", "").replace("-", " ")
    return f"{qualifier} {value}{unit}{currency}".strip()


@KIND.check
def prose_against_ledger(content: Content) -> list[Problem]:
    """Each figure with `mentions` against the pages (both languages, front matter included) of
    the articles it lists: the words are specific there, and generic elsewhere ("valuation")."""
    ledger = {f["id"]: f for f in figures_of(content)}
    checked = [f for f in ledger.values() if _mentions(f) and _well_formed(f)]
    shown_ledger = _shown(content, "figures")
    converted = equivalents(list(ledger.values()))
    problems = []
    for page in content.pages.values():
        if page.kind != "article":
            continue
        figures = [f for f in checked if page.slug in (f.get("articles") or [])]
        if figures:
            problems += in_text("figure-mismatches", content, page.shown_path, page.text,
                                lambda: _page_mismatches(page, figures, ledger, converted, shown_ledger))
    return problems


def _page_mismatches(page: Page, figures: list[dict], ledger: dict[str, dict], converted, shown_ledger: str) -> list[Problem]:
    problems = []
    stated_wrong = wrong_lines(page)  # a correction's record of the old figure
    for number, line in enumerate(page.text.split("\n"), start=1):
        if line.lstrip().startswith(("<!--", "```")) or number in stated_wrong:
            continue
        for figure, mention, amount in mismatches(line, figures, ledger, converted):
            problems.append(FIGURE_MISMATCH.problem(
                page.shown_path, number,
                f"«{mention}» is stated here as «{amount.text}», but {shown_ledger} ({figure['id']}) has {_ledger_value(figure)}",
                "write the ledger's figure (or the article's own, in 'as_in_article'), or correct data/figures.yml if the ledger is wrong"))
    return problems
