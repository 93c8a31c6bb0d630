"""Corrections: the `corrections:` list of an Arabic article's front matter (its fields are in
data/schema/article.schema.json). Each is shown at the end of the article, in the feeds and on the
corrections page, numbered in the order recorded: #correction-1 is the article's first."""
from __future__ import annotations

from .. import dates
from ..content import Content
from ..problems import Problem
from ..yamldata import LineDict, LineList, line_of
from . import Kind

KIND = Kind("corrections", order=35, title={"ar": "التصحيحات", "en": "Corrections"})

CORRECTION_DATE = KIND.rule(
    "correction-date",
    ar=("تاريخ التصحيح ليس يومًا بعينه موجودًا في التقويم", "اكتب يوم التصحيح بالصيغة YYYY-MM-DD"),
    en=("a correction's date is not a real day", "write the day of the correction as YYYY-MM-DD"),
)
CORRECTION_ORDER = KIND.rule(
    "correction-order",
    ar=("التصحيحات ليست مرتبة من الأقدم إلى الأحدث", "أضف كل تصحيح جديد في آخر القائمة"),
    en=("corrections are not oldest first", "add each new correction at the end of the list"),
)
CORRECTION_UNCHANGED = KIND.rule(
    "correction-unchanged",
    ar=("«wrong» و«now» في تصحيح متطابقان", "اكتب في `wrong` ما كانت الصفحة تقوله، وفي `now` ما تقوله بعد التصحيح"),
    en=("a correction's `wrong` and `now` are the same", "write in `wrong` what the page said, in `now` what it says after the fix"),
)


def _entries(page):
    """(index, correction) of the front matter's corrections that are sets of fields."""
    found = (page.meta or {}).get("corrections")
    if not isinstance(found, LineList):
        return []
    return [(i, entry) for i, entry in enumerate(found) if isinstance(entry, LineDict)]


def wrong_lines(page) -> set[int]:
    """The file lines of the corrections' `wrong:` texts: they state what was wrong on purpose, so
    checks of the text against the data (figures) skip them."""
    lines = set()
    for i, entry in _entries(page):
        for lang, text in entry.items():
            if isinstance(text, LineDict) and "wrong" in text:
                start = line_of(page.meta, ["corrections", i, lang, "wrong"])
                after = [line for key, line in text.key_lines.items() if line > start]
                lines.update(range(start, min(after, default=start + 1)))
    return lines


@KIND.check
def corrections(content: Content) -> list[Problem]:
    problems = []
    for page in content.pages_of(content.site.default_language, "article"):
        shown, previous = page.shown_path, None
        for i, entry in _entries(page):
            date, where = entry.get("date"), line_of(page.meta, ["corrections", i, "date"])
            if not isinstance(date, str):
                continue  # the schema reports it
            if dates.precision_of(date) != "day" or dates.date_error(date):
                problems.append(CORRECTION_DATE.problem(shown, where, f"the correction's date '{date}' is not a day of the calendar",
                                                        "write the day the page was corrected, as YYYY-MM-DD (e.g. 2026-11-30)"))
                continue
            if previous is not None and date < previous:
                problems.append(CORRECTION_ORDER.problem(shown, where, f"the correction of {date} comes after one of {previous}",
                                                         "keep corrections oldest first: add a new one at the end (readers' links to #correction-N depend on it)"))
            previous = date
            for lang in content.site.languages:
                text = entry.get(lang)
                if isinstance(text, dict) and text.get("wrong") and " ".join(str(text["wrong"]).split()) == " ".join(str(text.get("now", "")).split()):
                    problems.append(CORRECTION_UNCHANGED.problem(shown, line_of(page.meta, ["corrections", i, lang, "now"]),
                                                                 f"the '{lang}' correction says the same in 'wrong' and 'now'",
                                                                 "write in 'wrong' what the page said, and in 'now' what it says after the fix"))
    return problems
