"""Every content check, as functions from the loaded content to a list of problems.

`check(content)` runs them all. The build (overrides/hooks/content_checks.py) and `make check`
(scripts/check.py) both call it, so they report the same problems with the same words.
"""
from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from pathlib import Path, PurePosixPath

from jsonschema import Draft202012Validator

from . import copied, dates
from .content import GLOSSARY, INDEX, LINK, Content, DataFile, Page, strip_code
from .problems import Problem
from .glossary import terms_used
from .yamldata import LineDict, line_of

# Sections every article page has, by heading id, in this order.
ARTICLE_SECTIONS = {
    "ar": ["takeaways", "context", "what-happened", "why-it-matters", "key-figures", "who-is-who", "debate", "what-to-watch"],
    "en": ["takeaways", "key-figures"],
}
TERM_SECTIONS = ["explanation", "why-it-matters"]
# Anchors the build adds to pages (see overrides/hooks/): links to them are valid.
GENERATED_IDS = {
    "article": {"source", "summary-en", "events", "related", "full-explainer", "corrections"},
    "term": {"definition", "related-terms", "reference", "appears-in"},
}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PLACEHOLDER = re.compile(r"\[\[to write:[^\]]*\]\]")
ATTR_ID = re.compile(r"\{[^}\n]*#([A-Za-z0-9_-]+)[^}\n]*\}")
HTML_ID = re.compile(r"""<[a-zA-Z][^>]*\sid=["']([^"']+)["']""")
UNSAFE_HTML = [
    (re.compile(r"<\s*script\b", re.I), "a <script> element"),
    (re.compile(r"<\s*(iframe|object|embed)\b", re.I), "an embedded frame or object"),
    (re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.I), "an on…= event attribute"),
    (re.compile(r"javascript\s*:", re.I), "a javascript: URL"),
]
EASTERN_DIGITS = re.compile(r"[\u0660-\u0669\u06f0-\u06f9]")
SCHEMA_DIR = "schema"


def check(content: Content, sources: Path | None = None) -> list[Problem]:
    """All problems of the content tree; with `sources`, also text copied from those originals."""
    problems: list[Problem] = []
    for run in (
        check_front_matter,
        check_counterparts,
        check_slugs,
        check_article_dates,
        check_sections,
        check_heading_ids,
        check_links,
        check_unsafe_html,
        check_digits,
        check_placeholders,
        check_glossary,
        check_timeline,
        check_labels,
    ):
        problems.extend(run(content))
    if sources is not None:
        problems.extend(check_copied_text(content, sources))
    return sorted(set(problems))


# ---------------------------------------------------------------- schemas


@lru_cache(maxsize=None)
def _schema(data_dir: Path, name: str) -> dict:
    return json.loads((data_dir / SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def schema_for(page: Page) -> str:
    if page.kind == "article":
        return "article" if page.lang == page.site.default_language else "article-translation"
    return "page"


def validate(data, schema: dict, shown_path: str) -> list[Problem]:
    """Problems of `data` (loaded with line numbers) against a JSON Schema, one per mistake."""
    problems = []
    for err in Draft202012Validator(schema).iter_errors(data):
        path = list(err.absolute_path)
        where = line_of(data, path)
        field = ".".join(str(p) for p in path) or "(top)"
        sub = err.schema if isinstance(err.schema, dict) else {}
        if err.validator == "required":
            for name in err.validator_value:
                if isinstance(err.instance, dict) and name not in err.instance:
                    described = sub.get("properties", {}).get(name, {}).get("description", "")
                    key = ".".join(str(p) for p in [*path, name])
                    problems.append(Problem(shown_path, where, "missing-field", f"required field '{key}' is missing",
                                            f"add '{name}:' ({described})" if described else f"add '{name}:'"))
        elif err.validator == "additionalProperties":
            known = sorted(sub.get("properties", {}))
            for name in sorted(set(err.instance) - set(known)):
                guess = difflib.get_close_matches(str(name), known, n=1)
                fix = f"did you mean '{guess[0]}'?" if guess else f"known fields here: {', '.join(known)}"
                problems.append(Problem(shown_path, line_of(data, [*path, name]), "unknown-field",
                                        f"'{name}' is not a known field", fix))
        elif err.validator == "type":
            expected = err.validator_value if isinstance(err.validator_value, str) else "/".join(err.validator_value)
            words = {"string": "a text", "array": "a list", "object": "a set of fields", "integer": "a whole number"}
            problems.append(Problem(shown_path, where, "wrong-type",
                                    f"'{field}' should be {words.get(expected, expected)}, not {_kind(err.instance)}",
                                    _described_fix(sub, f"write '{field}' as {words.get(expected, expected)}")))
        elif err.validator in ("minLength", "minItems"):
            problems.append(Problem(shown_path, where, "empty-field", f"'{field}' is empty",
                                    _described_fix(sub, f"fill in '{field}'")))
        elif err.validator == "pattern" and path and path[-1] == "date":
            problems.append(Problem(shown_path, where, "bad-date", f"'{err.instance}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
                                    "write it as 2025, 2025-03 or 2025-03-01, as precise as is known"))
        elif err.validator in ("enum", "pattern", "const"):
            allowed = ", ".join(map(str, err.validator_value)) if err.validator == "enum" else sub.get("description", err.validator_value)
            problems.append(Problem(shown_path, where, "bad-value", f"'{field}' has the value {err.instance!r}, which is not allowed",
                                    f"use one of: {allowed}" if err.validator == "enum" else f"expected: {allowed}"))
        elif err.validator == "uniqueItems":
            problems.append(Problem(shown_path, where, "duplicate-value", f"'{field}' lists the same value twice",
                                    "remove the repeated value"))
        else:
            problems.append(Problem(shown_path, where, "bad-value", f"'{field}': {err.message}", _described_fix(sub, "see the schema")))
    return problems


def _described_fix(sub: dict, default: str) -> str:
    return f"{default}: {sub['description']}" if sub.get("description") else default


def _kind(value) -> str:
    """How a YAML value reads to a contributor."""
    kinds = [(type(None), "nothing"), (bool, "true/false"), (str, "a text"), (list, "a list"), (dict, "a set of fields"), ((int, float), "a number")]
    return next((word for kind, word in kinds if isinstance(value, kind)), type(value).__name__)


def _duplicate_keys(data, shown_path: str) -> list[Problem]:
    problems = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, LineDict):
            for key, line in node.duplicate_keys:
                problems.append(Problem(shown_path, line, "duplicate-key", f"'{key}' is written twice",
                                        "keep one of the two; YAML would silently drop the first"))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return problems


# ---------------------------------------------------------------- pages


def check_front_matter(content: Content) -> list[Problem]:
    problems = []
    for page in content.pages.values():
        shown = page.shown_path
        if page.meta_error is not None:
            problems.append(Problem(shown, page.meta_error.line, "bad-front-matter",
                                    f"the front matter cannot be read: {page.meta_error}",
                                    "fix the YAML between the two '---' lines (quote values that contain ':' or '#')"))
            continue
        if page.kind == "term":
            if page.meta:
                problems.append(Problem(shown, 1, "unknown-field", "a glossary page takes no front matter",
                                        "move the term's facts to data/glossary.yml and keep only the prose here"))
            continue
        if page.meta is None:
            problems.append(Problem(shown, 1, "no-front-matter", "the page has no front matter",
                                    "start the file with '---', the fields 'title:' and 'description:' (and for an Arabic article the source block), then '---'"))
            continue
        problems.extend(_duplicate_keys(page.meta, shown))
        problems.extend(validate(page.meta, _schema(page.site.data_dir, schema_for(page)), shown))
    return problems


def check_counterparts(content: Content) -> list[Problem]:
    problems = []
    languages = content.site.languages
    for (lang, rel), page in sorted(content.pages.items()):
        for other in languages:
            if other != lang and content.page(other, rel) is None:
                twin = f"{content.site.rel(content.site.docs_dir)}/{other}/{rel}"
                problems.append(Problem(page.shown_path, 1, "missing-counterpart",
                                        f"this page has no counterpart in '{other}' ({twin})",
                                        f"create {twin} (make new-article / make new-term create both languages), or remove this page"))
    return problems


def check_slugs(content: Content) -> list[Problem]:
    return [
        Problem(page.shown_path, 1, "bad-slug", f"'{page.slug}' is not a valid slug",
                "rename the file with lowercase ASCII letters, digits and '-' (e.g. black-forest-labs.md); the slug is its address")
        for page in content.pages.values()
        if page.kind in ("article", "term") and not SLUG.match(page.slug)
    ]


def _date_problems(entry, shown: str, where_date: int, where_precision: int) -> list[Problem]:
    date, precision = entry.get("date"), entry.get("date_precision")
    if not isinstance(date, str) or not re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", date):
        return []  # the schema reports the form
    reason = dates.date_error(date)
    if reason:
        return [Problem(shown, where_date, "bad-date", f"'{date}' is not a real date ({reason})",
                        "check the source and write a date that exists")]
    if precision in ("year", "month", "day") and dates.precision_of(date) != precision:
        return [Problem(shown, where_precision, "date-precision",
                        f"date_precision is '{precision}' but '{date}' is written to the {dates.precision_of(date)}",
                        f"set date_precision: {dates.precision_of(date)}, or write the date to the {precision}")]
    return []


def check_article_dates(content: Content) -> list[Problem]:
    problems = []
    for page in content.pages_of(content.site.default_language, "article"):
        source = (page.meta or {}).get("source")
        if isinstance(source, LineDict):
            problems.extend(_date_problems(source, page.shown_path, line_of(source, ["date"]),
                                           line_of(source, ["date_precision"])))
    return problems


def check_sections(content: Content) -> list[Problem]:
    problems = []
    for page in content.pages.values():
        if page.kind == "article":
            required = ARTICLE_SECTIONS.get(page.lang, ARTICLE_SECTIONS["en"])
        elif page.kind == "term":
            required = TERM_SECTIONS
        else:
            continue
        present = [h.id for h in page.headings if h.level == 2]
        for section in required:
            if section not in present:
                problems.append(Problem(page.shown_path, page.body_line, "missing-section",
                                        f"the section with id '{section}' is missing",
                                        f"add a heading '## … {{#{section}}}' (see CONTRIBUTING.md for the page's sections)"))
    return problems


def check_heading_ids(content: Content) -> list[Problem]:
    problems = []
    for page in content.pages.values():
        for heading in page.headings:
            if heading.level >= 2 and not heading.id:
                problems.append(Problem(page.shown_path, heading.line, "heading-without-id",
                                        f"the heading '{heading.text}' has no fixed id",
                                        "end it with a Latin id, the same in every language, e.g. '## السياق {#context}'"))
    default = content.site.default_language
    for page in content.pages_of(default):
        ids = {h.id: h for h in page.headings if h.id}
        for other in content.site.languages[1:]:
            twin = content.page(other, page.rel)
            if twin is None:
                continue
            twin_ids = {h.id: h for h in twin.headings if h.id}
            for hid, heading in twin_ids.items():
                if hid not in ids:
                    problems.append(Problem(twin.shown_path, heading.line, "heading-mismatch",
                                            f"heading id '{hid}' does not exist in {page.shown_path}",
                                            "use the same heading ids in both languages (check the spelling), or add the section to the other page"))
            if page.kind == "article":
                continue  # the other languages' article pages are summaries: a subset of the sections
            for hid, heading in ids.items():
                if hid not in twin_ids:
                    problems.append(Problem(page.shown_path, heading.line, "heading-mismatch",
                                            f"heading id '{hid}' does not exist in {twin.shown_path}",
                                            "use the same heading ids in both languages, or add the section to the other page"))
    return problems


def defined_ids(page: Page, content: Content) -> set[str]:
    """The anchors a page will have once built: its headings, attribute ids and what the build adds."""
    ids = {h.id for h in page.headings if h.id}
    ids.update(ATTR_ID.findall(page.body))
    ids.update(HTML_ID.findall(page.body))
    ids.update(GENERATED_IDS.get(page.kind, set()))
    if page.rel == "timeline.md":
        ids.update(e["id"] for e in content.events)
    return ids


def check_links(content: Content) -> list[Problem]:
    problems = []
    for page in content.pages.values():
        for number, line in page.body_lines():
            for target in LINK.findall(strip_code(line)):
                problem = _link_problem(page, content, target, number)
                if problem:
                    problems.append(problem)
    return problems


def _link_problem(page: Page, content: Content, target: str, number: int) -> Problem | None:
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
        return None  # another site, mailto:…; javascript: is reported as unsafe
    path, _, anchor = target.partition("#")
    if path.startswith("/"):
        return Problem(page.shown_path, number, "broken-link", f"'{target}' is an absolute link",
                       "link to the .md file by its relative path, e.g. ../glossary/gpai.md, so it works under any address")
    if path:
        resolved = PurePosixPath(page.rel).parent
        for part in PurePosixPath(path).parts:
            resolved = resolved.parent if part == ".." else resolved / part
        rel = resolved.as_posix()
        if rel.endswith("/") or not PurePosixPath(rel).suffix:
            rel = f"{rel.rstrip('/')}/{INDEX}"
        if not rel.endswith(".md"):
            exists = (content.site.docs_dir / page.lang / rel).exists() or (content.site.docs_dir / rel).exists()
            return None if exists else Problem(page.shown_path, number, "broken-link", f"'{target}' does not exist",
                                                "check the path; files are linked relative to this page")
        target_page = content.page(page.lang, rel)
        if target_page is None:
            near = difflib.get_close_matches(rel, [r for (l, r) in content.pages if l == page.lang], n=1)
            hint = f"did you mean '{near[0]}'?" if near else "check the file name"
            return Problem(page.shown_path, number, "broken-link", f"'{target}' points to a page that does not exist", hint)
    else:
        target_page = page
    if anchor and anchor not in defined_ids(target_page, content):
        near = difflib.get_close_matches(anchor, sorted(defined_ids(target_page, content)), n=1)
        hint = f"did you mean '#{near[0]}'?" if near else f"use one of the heading ids of {target_page.shown_path}"
        return Problem(page.shown_path, number, "broken-anchor", f"'#{anchor}' is not an anchor of {target_page.shown_path}", hint)
    return None


def check_unsafe_html(content: Content) -> list[Problem]:
    problems = []
    for page in content.pages.values():
        for number, line in page.body_lines():
            text = strip_code(line)
            for pattern, what in UNSAFE_HTML:
                if pattern.search(text):
                    problems.append(Problem(page.shown_path, number, "unsafe-html", f"the page contains {what}",
                                            "remove it: pages are Markdown, and scripts come only from the theme (ask in an issue if a page needs one)"))
    return problems


def check_digits(content: Content) -> list[Problem]:
    problems = []
    default = content.site.default_language
    for page in content.pages_of(default):
        for number, line in enumerate(page.text.split("\n"), start=1):
            if EASTERN_DIGITS.search(line):
                problems.append(Problem(page.shown_path, number, "wrong-digits", "Eastern Arabic digits (٠١٢…) in the text",
                                        "write numbers with the digits 0–9, as the style guide says"))
    for data_file in (content.glossary, content.timeline):
        if data_file is None:
            continue
        for number, line in enumerate(data_file.text.split("\n"), start=1):
            if EASTERN_DIGITS.search(line):
                problems.append(Problem(content.site.rel(data_file.path), number, "wrong-digits",
                                        "Eastern Arabic digits (٠١٢…) in the text", "write numbers with the digits 0–9, as the style guide says"))
    return problems


def check_placeholders(content: Content) -> list[Problem]:
    problems = []
    files = [(p.shown_path, p.text) for p in content.pages.values()]
    files += [(content.site.rel(f.path), f.text) for f in (content.glossary, content.timeline) if f is not None]
    for shown, text in files:
        for number, line in enumerate(text.split("\n"), start=1):
            for marker in PLACEHOLDER.findall(line):
                problems.append(Problem(shown, number, "placeholder", f"still to be written: {marker}",
                                        "replace the [[to write: …]] marker with the real text"))
    return problems


# ---------------------------------------------------------------- data


def _data_problems(data_file: DataFile | None, content: Content, schema: str) -> tuple[str, list[Problem]]:
    shown = content.site.rel(data_file.path) if data_file else f"data/{schema}.yml"
    if data_file is None:
        return shown, []
    if data_file.error is not None:
        return shown, [Problem(shown, data_file.error.line, "bad-yaml", f"the file cannot be read: {data_file.error}",
                               "fix the YAML (quote values that contain ':' or '#'; indent with spaces)")]
    return shown, _duplicate_keys(data_file.data, shown) + validate(data_file.data, _schema(content.site.data_dir, schema), shown)


def _duplicate_ids(entries, shown: str, what: str) -> list[Problem]:
    problems, seen = [], {}
    for entry in entries:
        if entry["id"] in seen:
            problems.append(Problem(shown, line_of(entry, ["id"]), "duplicate-id",
                                    f"the {what} id '{entry['id']}' is used twice (first at line {seen[entry['id']]})",
                                    f"give each {what} its own id, or merge the two"))
        else:
            seen[entry["id"]] = line_of(entry, ["id"])
    return problems


def _unknown(kind: str, value, known: list[str], shown: str, line: int) -> Problem:
    guess = difflib.get_close_matches(str(value), known, n=1)
    hint = f"did you mean '{guess[0]}'? " if guess else ""
    code, folder = ("unknown-term", "data/glossary.yml") if kind == "term" else ("unknown-article", "docs/ar/articles/")
    return Problem(shown, line, code, f"'{value}' is not {'a glossary id' if kind == 'term' else 'an article slug'}",
                   f"{hint}See {folder}")


def check_glossary(content: Content) -> list[Problem]:
    shown, problems = _data_problems(content.glossary, content, "glossary")
    terms = content.terms
    ids = [t["id"] for t in terms]
    problems += _duplicate_ids(terms, shown, "term")
    for term in terms:
        for i, related in enumerate(term.get("related") or []):
            if related not in ids or related == term["id"]:
                problems.append(_unknown("term", related, ids, shown, line_of(term, ["related", i])))
        for lang in content.site.languages:
            if content.page(lang, f"{GLOSSARY}/{term['id']}.md") is None:
                problems.append(Problem(shown, line_of(term, ["id"]), "missing-page",
                                        f"the term '{term['id']}' has no page docs/{lang}/glossary/{term['id']}.md",
                                        f"create it (make new-term ID={term['id']} creates both languages)"))
    for lang in content.site.languages:
        for page in content.pages_of(lang, "term"):
            if page.slug not in ids:
                problems.append(_unknown("term", page.slug, ids, page.shown_path, 1))
    if content.article_slugs:
        for term_id, slugs in terms_used(content).items():
            if not slugs:
                term = next(t for t in terms if t["id"] == term_id)
                problems.append(Problem(shown, line_of(term, ["id"]), "unused-term",
                                        f"no article uses the term '{term_id}'",
                                        "use its wording (or add the form the articles use to its variants), or remove the term"))
    return problems


def check_timeline(content: Content) -> list[Problem]:
    shown, problems = _data_problems(content.timeline, content, "timeline")
    events = content.events
    slugs = content.article_slugs
    term_ids = [t["id"] for t in content.terms]
    problems += _duplicate_ids(events, shown, "event")
    told: set[str] = set()
    for event in events:
        problems += _date_problems(event, shown, line_of(event, ["date"]), line_of(event, ["date_precision"]))
        for i, slug in enumerate(event.get("articles") or []):
            told.add(slug)
            if slug not in slugs:
                problems.append(_unknown("article", slug, slugs, shown, line_of(event, ["articles", i])))
        for i, term_id in enumerate(event.get("terms") or []):
            if term_id not in term_ids:
                problems.append(_unknown("term", term_id, term_ids, shown, line_of(event, ["terms", i])))
    if content.timeline is not None and content.timeline.error is None:
        for page in content.pages_of(content.site.default_language, "article"):
            if page.slug not in told:
                problems.append(Problem(page.shown_path, 1, "no-events", f"no timeline event comes from '{page.slug}'",
                                        f"add the article's dated events to {shown} with 'articles: [{page.slug}]'"))
    return problems


def check_labels(content: Content) -> list[Problem]:
    if content.labels is None:
        return []
    shown = content.site.rel(content.labels.path)
    if content.labels.error is not None or not isinstance(content.labels.data, dict):
        return [Problem(shown, getattr(content.labels.error, "line", 1), "bad-yaml", "the labels cannot be read",
                        "write one 'key: {ar: …, en: …}' a line")]
    problems = []
    for key, texts in content.labels.data.items():
        for lang in content.site.languages:
            if not isinstance(texts, dict) or not texts.get(lang):
                problems.append(Problem(shown, line_of(content.labels.data, [key]), "missing-translation",
                                        f"the label '{key}' has no '{lang}' text", f"add '{lang}: …' under '{key}'"))
    return problems


def check_copied_text(content: Content, sources: Path) -> list[Problem]:
    grams = copied.source_runs(sources)
    problems = []
    files = [(p.shown_path, p.text) for p in content.pages.values()]
    files += [(content.site.rel(f.path), f.text) for f in (content.glossary, content.timeline) if f is not None]
    for shown, text in files:
        for number, run in copied.shared_runs(text, grams):
            problems.append(Problem(shown, number, "copied-text", f"{len(run.split())} words copied from a source: «{run}»",
                                    "say it in your own words; facts, figures and names may stay"))
    return problems
