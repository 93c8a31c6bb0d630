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
    return problems
