"""The glossary: data/glossary.yml (data/schema/glossary.schema.json) and the term pages,
docs/<lang>/glossary/<id>.md."""
from __future__ import annotations

import difflib

from ..content import GLOSSARY, Content
from ..glossary import terms_used
from ..problems import Problem
from ..yamldata import line_of
from . import Kind
from .files import data_file_problems
from .pages import required_sections

TERM_SECTIONS = ["explanation", "why-it-matters"]

KIND = Kind("glossary", order=40, title={"ar": "المسرد", "en": "Glossary"})

DUPLICATE_ID = KIND.rule(
    "duplicate-id",
    ar=("مصطلحان أو حدثان بالمعرّف نفسه", "غيّر أحدهما أو ادمجهما"),
    en=("term or event id used twice", "rename or merge"),
)
UNKNOWN_TERM = KIND.rule(
    "unknown-term",
    ar=("معرّف مصطلح غير موجود", "صحّحه أو أضف المصطلح"),
    en=("glossary id does not exist", "fix it or add the term"),
)
MISSING_PAGE = KIND.rule(
    "missing-page",
    ar=("مصطلح بلا صفحة في إحدى اللغتين", "أنشئها (`make new-term ID=my-term LANG=en`)"),
    en=("term lacks a page in a language", "create it (`make new-term ID=my-term LANG=en`)"),
)
UNUSED_TERM = KIND.rule(
    "unused-term",
    ar=("لا يستعمل المصطلحَ أي مقال", "استعمله، أو أضف صيغة، أو احذفه"),
    en=("no article uses the term", "use it, add a variant, or remove it"),
)


def duplicate_ids(entries, shown: str, what: str) -> list[Problem]:
    """Entries of a data file (dicts with an 'id') whose id was used before."""
    problems, seen = [], {}
    for entry in entries:
        if entry["id"] in seen:
            problems.append(DUPLICATE_ID.problem(shown, line_of(entry, ["id"]),
                                                 f"the {what} id '{entry['id']}' is used twice (first at line {seen[entry['id']]})",
                                                 f"give each {what} its own id, or merge the two"))
        else:
            seen[entry["id"]] = line_of(entry, ["id"])
    return problems


def unknown_term(value, known: list[str], shown: str, line: int) -> Problem:
    guess = difflib.get_close_matches(str(value), known, n=1)
    hint = f"did you mean '{guess[0]}'? " if guess else ""
    return UNKNOWN_TERM.problem(shown, line, f"'{value}' is not a glossary id", f"{hint}See data/glossary.yml")


@KIND.check
def glossary(content: Content) -> list[Problem]:
    problems = data_file_problems(content.glossary, content, "glossary")
    shown = content.site.rel(content.glossary.path) if content.glossary else "data/glossary.yml"
    terms = content.terms
    ids = [t["id"] for t in terms]
    problems += duplicate_ids(terms, shown, "term")
    for term in terms:
        for i, related in enumerate(term.get("related") or []):
            if related not in ids or related == term["id"]:
                problems.append(unknown_term(related, ids, shown, line_of(term, ["related", i])))
        for lang in content.site.languages:
            if content.page(lang, f"{GLOSSARY}/{term['id']}.md") is None:
                problems.append(MISSING_PAGE.problem(shown, line_of(term, ["id"]),
                                                     f"the term '{term['id']}' has no page docs/{lang}/glossary/{term['id']}.md",
                                                     f"create it: make new-term ID={term['id']} LANG={lang}"))
    for lang in content.site.languages:
        for page in content.pages_of(lang, "term"):
            if page.slug not in ids:
                problems.append(unknown_term(page.slug, ids, page.shown_path, 1))
            problems += required_sections(page, TERM_SECTIONS)
    if content.article_slugs:
        for term_id, slugs in terms_used(content).items():
            if not slugs:
                term = next(t for t in terms if t["id"] == term_id)
                problems.append(UNUSED_TERM.problem(shown, line_of(term, ["id"]), f"no article uses the term '{term_id}'",
                                                    "use its wording (or add the form the articles use to its variants), or remove the term"))
    return problems
