"""The rule book: every content rule, once, with its code, its threshold, the fix it names, and a
golden test (tests/test_checks.py fails for a rule without one).

`check(content)` runs every rule. The build (overrides/hooks/content_checks.py) and `make check`
(scripts/check.py) both call it, so they report the same problems with the same words:
`path:line: code: what is wrong — how to fix it`. The contributors' guide lists the rules from
here (overrides/hooks/check_table.py), so the guide and the checks cannot drift.

One module per kind of content, each beside the schema of that kind in data/schema/:

    files.py     front matter and data files: YAML, schema fields, duplicate keys, dates
    pages.py     every page: counterparts, slugs, one title, heading ids, links, HTML, digits,
                 placeholders, no bold or italics in Arabic, copied text
    articles.py  articles: sections, source date, takeaways, English summary, terms, events
    glossary.py  data/glossary.yml and the term pages
    timeline.py  data/timeline.yml
    entities.py, figures.py, coverage.py   data/entities.yml, data/figures.yml, data/coverage/
    labels.py    data/labels.yml

To add rules for a NEW kind of content (say data/entities.yml), write `explainer/checks/entities.py`;
it is found by its presence, no list to edit:

    from . import Kind

    KIND = Kind("entities", order=60, title={"ar": "الأعلام", "en": "Who's who"})

    UNKNOWN_PARENT = KIND.rule(
        "unknown-parent",
        ar=("…", "…"),                                   # the guide's «معناه» and «طريقة الإصلاح»
        en=("an entity's parent is not an entity id", "use an id from data/entities.yml"),
    )

    @KIND.check
    def parents(content):                                # the loaded content -> problems
        for entity in ...:
            yield UNKNOWN_PARENT.problem("data/entities.yml", line, f"'{x}' is not an entity id",
                                         "did you mean '…'?")

then give every rule a case in tests/test_checks.py (CASES: the edit of the fixture tree and the
exact message line). A rule with a threshold keeps it in `limits`, read by its check and shown in
its texts: `KIND.rule("few-events", limits={"min": 4}, en=("fewer than {min} events", …), …)`,
`FEW_EVENTS.limits["min"]`. Rules of other modules can be imported and raised from anywhere
(`from .glossary import UNKNOWN_TERM`). Helpers for data files are in files.py
(`data_file_problems` reads, schema-validates and reports duplicate keys of a DataFile).
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ..content import Content
from ..remember import remembered
from ..problems import Problem


@dataclass(frozen=True)
class Rule:
    """One rule: its code, the kind of content it belongs to, its thresholds, and its line in the
    guide's table in each language: (what is wrong, how to fix it)."""

    code: str
    kind: str
    texts: dict  # language -> (meaning, fix), with {limit} fields filled from `limits`
    limits: dict = field(default_factory=dict)

    def text(self, lang: str) -> tuple[str, str]:
        meaning, fix = self.texts[lang]
        return meaning.format(**self.limits), fix.format(**self.limits)

    def problem(self, path: str, line: int, message: str, fix: str | None = None) -> Problem:
        """This rule broken at path:line; `fix` defaults to the rule's own (English) fix."""
        return Problem(path, line, self.code, message, fix if fix is not None else self.text("en")[1])


Check = Callable[[Content], Iterable[Problem]]


@dataclass
class Kind:
    """A kind of content and its rules; `order` places it in the guide's table."""

    name: str
    order: int
    title: dict  # language -> heading of its part of the guide's table
    rules: list = field(default_factory=list)
    checks: list = field(default_factory=list)

    def rule(self, code: str, *, limits: dict | None = None, **texts: tuple[str, str]) -> Rule:
        if code in RULES:
            raise ValueError(f"rule code '{code}' is declared twice ({RULES[code].kind} and {self.name})")
        made = Rule(code, self.name, texts, dict(limits or {}))
        RULES[code] = made
        self.rules.append(made)
        return made

    def check(self, function: Check) -> Check:
        """Register `function(content) -> problems` to run on every check."""
        self.checks.append(function)
        return function


RULES: dict[str, Rule] = {}  # code -> rule, filled as the modules load


def in_text(check: str, content: Content, shown: str, text: str, find: Callable[[], list[Problem]]) -> list[Problem]:
    """find(): what `check` finds in one page or data file (`shown`, its whole `text`), remembered
    across the rebuilds of `make serve` while that text and the data are unchanged, so after an
    edit only the edited file is read again. For checks whose findings in a file depend on nothing
    but the file and data/."""
    return list(remembered(f"check:{check}", (shown, text, content.data_version), find))


def kinds() -> list[Kind]:
    """Every kind of content with its rules, in the guide's order."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            if isinstance(getattr(module, "KIND", None), Kind):
                found.append(module.KIND)
    return sorted(found, key=lambda k: (k.order, k.name))


def check(content: Content, sources: Path | None = None) -> list[Problem]:
    """All problems of the content tree; with `sources` (a folder of the original articles), also
    text copied from them."""
    problems: list[Problem] = []
    for kind in kinds():
        for run in kind.checks:
            problems.extend(run(content))
    if sources is not None:
        from .pages import copied_text

        problems.extend(copied_text(content, sources))
    unknown = {p.code for p in problems} - set(RULES)
    if unknown:
        raise ValueError(f"problems with codes no rule declares: {sorted(unknown)}")
    return sorted(set(problems))


kinds()  # load every module, so RULES is complete on import
