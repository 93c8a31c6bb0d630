"""Interface labels: data/labels.yml, one `key: {ar: …, en: …}` a line."""
from __future__ import annotations

from ..content import Content
from ..problems import Problem
from ..yamldata import line_of
from . import Kind
from .files import BAD_YAML

KIND = Kind("labels", order=90, title={"ar": "نصوص الواجهة", "en": "Interface labels"})

MISSING_TRANSLATION = KIND.rule(
    "missing-translation",
    ar=("نص واجهة في `data/labels.yml` ينقصه لغة", "أضف النص الناقص"),
    en=("label lacks a language", "add the text"),
)

# Material writes a bare number where its strings have '#'; an Arabic noun after a number takes a
# form that changes with it (3 نتائج, 11 نتيجة, 2 نتيجتان), so no fixed wording after '#' reads right.
COUNT_BEFORE_WORDS = KIND.rule(
    "label-count",
    ar=("نص عربي في `data/labels.yml` يضع العدد `#` قبل كلمات، وصيغة المعدود تتغير مع العدد",
        "اجعل العدد في آخر النص بعد نقطتين: «النتائج المطابقة: #»"),
    en=("an Arabic label puts the number `#` before words, whose form changes with the number",
        "put the number last, after a colon: «النتائج المطابقة: #»"),
)


@KIND.check
def labels(content: Content) -> list[Problem]:
    if content.labels is None:
        return []
    shown = content.site.rel(content.labels.path)
    if content.labels.error is not None or not isinstance(content.labels.data, dict):
        return [BAD_YAML.problem(shown, getattr(content.labels.error, "line", 1), "the labels cannot be read",
                                 "write one 'key: {ar: …, en: …}' a line")]
    problems = []
    for key, texts in content.labels.data.items():
        for lang in content.site.languages:
            if not isinstance(texts, dict) or not texts.get(lang):
                problems.append(MISSING_TRANSLATION.problem(shown, line_of(content.labels.data, [key]),
                                                            f"the label '{key}' has no '{lang}' text", f"add '{lang}: …' under '{key}'"))
        arabic = texts.get("ar") if isinstance(texts, dict) else None
        if isinstance(arabic, str) and "#" in arabic and not arabic.endswith(": #"):
            problems.append(COUNT_BEFORE_WORDS.problem(shown, line_of(content.labels.data, [key]),
                                                       f"the label '{key}' reads «{arabic}»: the words after '#' cannot agree with every number"))
    return problems
