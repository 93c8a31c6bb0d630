"""Front matter and data files: readable YAML, the fields their JSON Schema (data/schema/) asks
for, no key written twice. `data_file_problems` is what a new kind of data file calls first."""
from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator

from .. import dates
from ..content import Content, DataFile, Page
from ..remember import remembered
from ..problems import Problem
from ..yamldata import LineDict, line_of
from . import Kind

SCHEMA_DIR = "schema"
# Pages whose facts (title, description…) come from a data file: front matter there would be ignored.
DATA_PAGES = {"term": ("glossary", "data/glossary.yml"), "entity": ("who's who", "data/entities.yml")}

KIND = Kind("files", order=10, title={"ar": "الترويسة وملفات البيانات", "en": "Front matter and data files"})

NO_FRONT_MATTER = KIND.rule(
    "no-front-matter",
    ar=("لا ترويسة", "ابدأ بـ `---` و`title:` و`description:` ثم `---`"),
    en=("no front matter", "start with `---`, `title:`, `description:`, `---`"),
)
BAD_FRONT_MATTER = KIND.rule(
    "bad-front-matter",
    ar=("الترويسة ليست YAML صالحًا", "ضع بين علامتي تنصيص كل قيمة فيها `:` أو `#`"),
    en=("front matter is not valid YAML", "quote values containing `:` or `#`"),
)
BAD_YAML = KIND.rule(
    "bad-yaml",
    ar=("ملف بيانات لا يُقرأ", "صحّح صياغة YAML والإزاحة"),
    en=("data file unreadable", "fix the YAML"),
)
MISSING_FIELD = KIND.rule(
    "missing-field",
    ar=("حقل مطلوب غائب", "أضفه"),
    en=("required field missing", "add it"),
)
EMPTY_FIELD = KIND.rule(
    "empty-field",
    ar=("حقل أو قائمة فارغة", "املأه"),
    en=("field or list empty", "fill it in"),
)
WRONG_TYPE = KIND.rule(
    "wrong-type",
    ar=("نص مكان قائمة أو العكس", "اكتبه بالشكل المذكور"),
    en=("text where a list is due, or the reverse", "use the form named"),
)
UNKNOWN_FIELD = KIND.rule(
    "unknown-field",
    ar=("حقل غير معروف، أو ترويسة في صفحة مصطلح أو طرف", "صحّح الاسم، أو انقله إلى `data/glossary.yml` أو `data/entities.yml`"),
    en=("unknown field, or front matter on a term or entity page", "fix the name, or move it to `data/glossary.yml` or `data/entities.yml`"),
)
BAD_VALUE = KIND.rule(
    "bad-value",
    ar=("قيمة خارج القيم أو الصيغة المسموح بها", "استعمل إحدى القيم المذكورة"),
    en=("value not allowed", "use a listed value"),
)
DUPLICATE_VALUE = KIND.rule(
    "duplicate-value",
    ar=("قيمة مكررة في قائمة", "احذف المكرر"),
    en=("list repeats a value", "remove it"),
)
DUPLICATE_KEY = KIND.rule(
    "duplicate-key",
    ar=("مفتاح مكتوب مرتين", "أبقِ واحدًا"),
    en=("key written twice", "keep one"),
)
BAD_DATE = KIND.rule(
    "bad-date",
    ar=("ليس بصيغة `YYYY` أو `YYYY-MM` أو `YYYY-MM-DD`، أو تاريخ غير موجود", "صحّح التاريخ"),
    en=("wrong form, or no such date", "correct it"),
)


@lru_cache(maxsize=None)
def schema(data_dir: Path, name: str) -> dict:
    """data/schema/<name>.schema.json."""
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
                    problems.append(MISSING_FIELD.problem(shown_path, where, f"required field '{key}' is missing",
                                                          f"add '{name}:' ({described})" if described else f"add '{name}:'"))
        elif err.validator == "additionalProperties":
            known = sorted(sub.get("properties", {}))
            for name in sorted(set(err.instance) - set(known)):
                guess = difflib.get_close_matches(str(name), known, n=1)
                fix = f"did you mean '{guess[0]}'?" if guess else f"known fields here: {', '.join(known)}"
                problems.append(UNKNOWN_FIELD.problem(shown_path, line_of(data, [*path, name]),
                                                      f"'{name}' is not a known field", fix))
        elif err.validator == "type":
            expected = err.validator_value if isinstance(err.validator_value, str) else "/".join(err.validator_value)
            words = {"string": "a text", "array": "a list", "object": "a set of fields", "integer": "a whole number"}
            problems.append(WRONG_TYPE.problem(shown_path, where,
                                               f"'{field}' should be {words.get(expected, expected)}, not {_kind(err.instance)}",
                                               _described_fix(sub, f"write '{field}' as {words.get(expected, expected)}")))
        elif err.validator in ("minLength", "minItems"):
            problems.append(EMPTY_FIELD.problem(shown_path, where, f"'{field}' is empty", _described_fix(sub, f"fill in '{field}'")))
        elif err.validator == "pattern" and path and path[-1] == "date":
            problems.append(BAD_DATE.problem(shown_path, where, f"'{err.instance}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
                                             "write it as 2025, 2025-03 or 2025-03-01, as precise as is known"))
        elif err.validator in ("enum", "pattern", "const"):
            allowed = ", ".join(map(str, err.validator_value)) if err.validator == "enum" else sub.get("description", err.validator_value)
            problems.append(BAD_VALUE.problem(shown_path, where, f"'{field}' has the value {err.instance!r}, which is not allowed",
                                              f"use one of: {allowed}" if err.validator == "enum" else f"expected: {allowed}"))
        elif err.validator == "uniqueItems":
            problems.append(DUPLICATE_VALUE.problem(shown_path, where, f"'{field}' lists the same value twice", "remove the repeated value"))
        else:
            problems.append(BAD_VALUE.problem(shown_path, where, f"'{field}': {err.message}", _described_fix(sub, "see the schema")))
    return problems


def _described_fix(sub: dict, default: str) -> str:
    return f"{default}: {sub['description']}" if sub.get("description") else default


def _kind(value) -> str:
    """How a YAML value reads to a contributor."""
    kinds = [(type(None), "nothing"), (bool, "true/false"), (str, "a text"), (list, "a list"), (dict, "a set of fields"), ((int, float), "a number")]
    return next((word for kind, word in kinds if isinstance(value, kind)), type(value).__name__)


def duplicate_keys(data, shown_path: str) -> list[Problem]:
    problems = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, LineDict):
            for key, line in node.duplicate_keys:
                problems.append(DUPLICATE_KEY.problem(shown_path, line, f"'{key}' is written twice",
                                                      "keep one of the two; YAML would silently drop the first"))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return problems


def data_file_problems(data_file: DataFile | None, content: Content, schema_name: str) -> list[Problem]:
    """A data file unreadable, against data/schema/<schema_name>.schema.json, or with a key twice."""
    if data_file is None:
        return []
    shown = content.site.rel(data_file.path)
    if data_file.error is not None:
        return [BAD_YAML.problem(shown, data_file.error.line, f"the file cannot be read: {data_file.error}",
                                 "fix the YAML (quote values that contain ':' or '#'; indent with spaces)")]
    # Schema validation is slow, and most files are as they were at the last build of `make serve`.
    # A new list: callers add to it, and the remembered one must stay as it was.
    return list(remembered("data-file-problems", (shown, schema_name, data_file.text), lambda: duplicate_keys(data_file.data, shown)
                           + validate(data_file.data, schema(content.site.data_dir, schema_name), shown)))


@KIND.check
def front_matter(content: Content) -> list[Problem]:
    problems = []
    for page in content.pages.values():
        shown = page.shown_path
        if page.meta_error is not None:
            problems.append(BAD_FRONT_MATTER.problem(shown, page.meta_error.line, f"the front matter cannot be read: {page.meta_error}",
                                                     "fix the YAML between the two '---' lines (quote values that contain ':' or '#')"))
            continue
        if page.kind in DATA_PAGES:
            if page.meta:
                what, data = DATA_PAGES[page.kind]
                problems.append(UNKNOWN_FIELD.problem(shown, 1, f"a {what} page takes no front matter",
                                                      f"move the facts to {data} and keep only the prose here"))
            continue
        if page.meta is None:
            problems.append(NO_FRONT_MATTER.problem(shown, 1, "the page has no front matter",
                                                    "start the file with '---', the fields 'title:' and 'description:' (and for an Arabic article the source block), then '---'"))
            continue
        problems.extend(remembered("front-matter-problems", (shown, schema_for(page), page.text), lambda: duplicate_keys(page.meta, shown)
                                   + validate(page.meta, schema(page.site.data_dir, schema_for(page)), shown)))
    return problems


DATE_PRECISION = KIND.rule(
    "date-precision",
    ar=("`date_precision` لا يطابق صيغة التاريخ", "اجعلهما متطابقين"),
    en=("precision does not match the date", "make them agree"),
)


def date_problems(entry, shown: str, where_date: int, where_precision: int) -> list[Problem]:
    """A `date` that does not exist, or a `date_precision` that does not match how it is written
    (the schema reports a date of the wrong form)."""
    date, precision = entry.get("date"), entry.get("date_precision")
    if not isinstance(date, str) or not re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", date):
        return []
    reason = dates.date_error(date)
    if reason:
        return [BAD_DATE.problem(shown, where_date, f"'{date}' is not a real date ({reason})", "check the source and write a date that exists")]
    if precision in ("year", "month", "day") and dates.precision_of(date) != precision:
        return [DATE_PRECISION.problem(shown, where_precision,
                                       f"date_precision is '{precision}' but '{date}' is written to the {dates.precision_of(date)}",
                                       f"set date_precision: {dates.precision_of(date)}, or write the date to the {precision}")]
    return []
