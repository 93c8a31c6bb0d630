"""Every page, whatever its kind: a counterpart in each language, a slug for a name, one title,
fixed heading ids, links that resolve, no scripts, Western digits, no scaffold marker left, no
text copied from a source (the last three in the data files too); in Arabic, no bold or italics."""
from __future__ import annotations

import difflib
import posixpath
import re
from pathlib import Path

from .. import copied
from ..content import INDEX, LINK, Content, Page, strip_code
from ..problems import Problem
from ..render import has_marker
from . import Kind, in_text, kinds

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
# Emphasis as Markdown writes it (**bold**, __bold__, *italic*, _italic_) or as HTML.
EMPHASIS = re.compile(
    r"\*\*(?=\S).+?\*\*|(?<!\w)__(?=\S).+?__(?!\w)|(?<![\w*])\*(?=[^\s*]).+?(?<=[^\s*])\*(?![\w*])"
    r"|(?<!\w)_(?=[^\s_]).+?(?<=[^\s_])_(?!\w)|<(?:b|strong|i|em)(?:\s[^>]*)?>",
    re.I,
)
EASTERN_DIGITS = re.compile(r"[\u0660-\u0669\u06f0-\u06f9]")
# Anchors the build adds to pages (see overrides/hooks/): links to them are valid.
GENERATED_IDS = {
    "article": {"source", "summary-en", "events", "related", "full-explainer", "corrections"},
    "term": {"definition", "related-terms", "reference", "appears-in"},
    "entity": {"description", "mentions", "events", "related-terms", "related"},
}
# The scaffold that creates one missing language of a page, by page kind.
SCAFFOLD_COMMAND = {"article": "make new-article SLUG={slug} LANG={lang}", "term": "make new-term ID={slug} LANG={lang}",
                    "entity": "make new-entity ID={slug}"}

KIND = Kind("pages", order=20, title={"ar": "كل الصفحات", "en": "Every page"})

MISSING_COUNTERPART = KIND.rule(
    "missing-counterpart",
    ar=("لا صفحة مقابلة في اللغة الأخرى", "أنشئها (`make new-article SLUG=my-slug LANG=en` تنشئ الصفحة الناقصة وحدها)"),
    en=("no page in the other language", "create it (`make new-article SLUG=my-slug LANG=en` creates only the missing page)"),
)
BAD_SLUG = KIND.rule(
    "bad-slug",
    ar=("اسم الملف ليس معرّفًا صالحًا", "أعد تسميته بحروف لاتينية صغيرة و`-`"),
    en=("file name not a slug", "rename: lowercase ASCII, `-`"),
)
EXTRA_TITLE = KIND.rule(
    "extra-title",
    ar=("عنوان `# ` في نص الصفحة (فيصير لها عنوانان رئيسيان)", "العنوان يأتي من `title:`؛ اجعله `## …` أو احذفه"),
    en=("a `# ` title in the text (the page would have two main headings)", "the title comes from `title:`; make it `## …` or remove it"),
)
HEADING_WITHOUT_ID = KIND.rule(
    "heading-without-id",
    ar=("عنوان بلا معرّف ثابت", "أنهِه بمعرّف مثل `{{#context}}`"),
    en=("heading without id", "end it with `{{#some-id}}`"),
)
HEADING_MISMATCH = KIND.rule(
    "heading-mismatch",
    ar=("معرّف عنوان موجود في لغة واحدة", "استعمل المعرّفات نفسها في اللغتين"),
    en=("id in one language only", "use the same ids"),
)
BROKEN_LINK = KIND.rule(
    "broken-link",
    ar=("رابط مطلق أو هدف غير موجود", "مسار `.md` نسبي إلى الصفحة، كما يقترحه الفحص"),
    en=("absolute link or missing target", "a `.md` path relative to the page, as the check suggests"),
)
OTHER_LANGUAGE_LINK = KIND.rule(
    "other-language-link",
    ar=("رابط إلى صفحات اللغة الأخرى", "اربط بالصفحة في لغة الصفحة نفسها؛ مبدّل اللغة يقود إلى الأخرى"),
    en=("link into the other language's pages", "link to the page in this page's language; the language switch leads to the other"),
)
BROKEN_ANCHOR = KIND.rule(
    "broken-anchor",
    ar=("المرساة `#` غير موجودة في الصفحة الهدف", "استعمل أحد معرّفات عناوينها"),
    en=("anchor not on the target page", "use one of its ids"),
)
UNSAFE_HTML_RULE = KIND.rule(
    "unsafe-html",
    ar=("`<script>` أو إطار مضمّن أو سمة `on…=` أو `javascript:` خارج الشيفرة", "احذفه"),
    en=("script, frame, `on…=` or `javascript:` outside code", "remove it"),
)
WRONG_DIGITS = KIND.rule(
    "wrong-digits",
    ar=("أرقام مشرقية في صفحة عربية أو في ملفات البيانات", "اكتب 0 إلى 9"),
    en=("Eastern digits in Arabic pages or data", "write 0–9"),
)
PLACEHOLDER_RULE = KIND.rule(
    "placeholder",
    ar=("علامة من القالب لم تُستبدل", "اكتب النص الحقيقي"),
    en=("scaffold marker left", "write the text"),
)
EMPHASIS_RULE = KIND.rule(
    "emphasis",
    ar=("خط عريض أو مائل في نص عربي", "احذفه؛ ليكن التوكيد بالصياغة"),
    en=("bold or italics in Arabic running text", "remove it; emphasise with the wording"),
)
MISSING_SECTION = KIND.rule(
    "missing-section",
    ar=("قسم مطلوب غائب", "أضف العنوان بمعرّفه"),
    en=("required section absent", "add its heading and id"),
)
COPIED_TEXT = KIND.rule(
    "copied-text",
    ar=("8 كلمات أو أكثر من مصدر (مع `SOURCES=`)", "أعد الصياغة بكلماتك"),
    en=("8+ words from a source (with `SOURCES=`)", "rewrite in your own words"),
)


@KIND.check
def counterparts(content: Content) -> list[Problem]:
    problems = []
    site = content.site
    for (lang, rel), page in sorted(content.pages.items()):
        for other in site.languages:
            if other != lang and content.page(other, rel) is None:
                twin = f"{site.rel(site.docs_dir)}/{other}/{rel}"
                command = SCAFFOLD_COMMAND.get(page.kind, "").format(slug=page.slug, lang=other)
                how = f"run '{command}' to create it" if command else f"create {twin}"
                problems.append(MISSING_COUNTERPART.problem(page.shown_path, 1, f"this page has no counterpart in '{other}' ({twin})",
                                                            f"{how}, or remove this page"))
    return problems


@KIND.check
def slugs(content: Content) -> list[Problem]:
    return [
        BAD_SLUG.problem(page.shown_path, 1, f"'{page.slug}' is not a valid slug",
                         "rename the file with lowercase ASCII letters, digits and '-' (e.g. black-forest-labs.md); the slug is its address")
        for page in content.pages.values()
        if page.kind in ("article", "term", "entity") and not SLUG.match(page.slug)
    ]


def _first_body_line(page: Page) -> int | None:
    return next((number for number, line in page.body_lines() if line.strip()), None)


def required_sections(page: Page, sections: list[str]) -> list[Problem]:
    """A page's missing `## … {#id}` sections (articles here, terms in glossary.py)."""
    present = [h.id for h in page.headings if h.level == 2]
    return [
        MISSING_SECTION.problem(page.shown_path, page.body_line, f"the section with id '{section}' is missing",
                                f"add a heading '## … {{#{section}}}' (see the contributor guide for the page's sections)")
        for section in sections
        if section not in present
    ]


@KIND.check
def titles(content: Content) -> list[Problem]:
    """A page's title is its front matter's `title:` (overrides/hooks/title_heading.py); a plain
    page may instead open with it as `# …`. Any other `# ` heading would be a second <h1>."""
    problems = []
    for page in content.pages.values():
        allowed = _first_body_line(page) if page.kind == "page" else None
        for heading in page.headings:
            if heading.level == 1 and heading.line != allowed:
                problems.append(EXTRA_TITLE.problem(page.shown_path, heading.line, f"'# {heading.text}' is a second title for the page",
                                                    "the title comes from 'title:' (glossary pages: data/glossary.yml); make this a section, '## … {#some-id}', or remove it"))
    return problems


@KIND.check
def heading_ids(content: Content) -> list[Problem]:
    problems = []
    for page in content.pages.values():
        for heading in page.headings:
            if heading.level >= 2 and not heading.id:
                problems.append(HEADING_WITHOUT_ID.problem(page.shown_path, heading.line, f"the heading '{heading.text}' has no fixed id",
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
                    problems.append(HEADING_MISMATCH.problem(twin.shown_path, heading.line, f"heading id '{hid}' does not exist in {page.shown_path}",
                                                             "use the same heading ids in both languages (check the spelling), or add the section to the other page"))
            if page.kind == "article":
                continue  # the other languages' article pages are summaries: a subset of the sections
            for hid, heading in ids.items():
                if hid not in twin_ids:
                    problems.append(HEADING_MISMATCH.problem(page.shown_path, heading.line, f"heading id '{hid}' does not exist in {twin.shown_path}",
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
    if has_marker(page.body, "check-table"):  # overrides/hooks/check_table.py: a heading per kind
        ids.update(f"checks-{kind.name}" for kind in kinds())
    return ids


@KIND.check
def links(content: Content) -> list[Problem]:
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
    site = content.site
    if path.startswith("/"):
        return BROKEN_LINK.problem(page.shown_path, number, f"'{target}' is an absolute link",
                                   "link to the .md file by its path from this page, e.g. ../glossary/gpai.md, so it works under any address")
    if not path:
        target_page = page
    else:
        here = posixpath.dirname(page.rel)
        # Where the link leads, inside the docs folder: "<lang>/<path of the page>".
        resolved = posixpath.normpath(posixpath.join(page.lang, here, path))
        lang, _, rel = resolved.partition("/")
        if lang in site.languages and lang != page.lang and _page_at(content, lang, rel) is not None:
            same = _page_at(content, page.lang, rel)
            fix = f"link to '{_relative(page, same.rel, anchor)}', this language's page" if same else "link to a page of this language"
            return OTHER_LANGUAGE_LINK.problem(page.shown_path, number, f"'{target}' leads to the {lang} pages ({_page_at(content, lang, rel).shown_path})",
                                               f"{fix}; readers reach the other language with the language switch")
        if posixpath.splitext(path)[1] not in ("", ".md") and not path.endswith("/"):  # an image, a file to download
            exists = (site.docs_dir / resolved).exists() or (site.docs_dir / rel).exists()
            return None if exists else BROKEN_LINK.problem(page.shown_path, number, f"'{target}' does not exist",
                                                           "check the path; files are linked relative to this page")
        target_page = _page_at(content, page.lang, rel) if lang == page.lang and path.endswith(".md") else None
        if target_page is None:
            return _missing_page(page, content, target, path, anchor, rel if lang == page.lang else None, number)
    if anchor and anchor not in defined_ids(target_page, content):
        near = difflib.get_close_matches(anchor, sorted(defined_ids(target_page, content)), n=1)
        hint = f"did you mean '#{near[0]}'?" if near else f"use one of the heading ids of {target_page.shown_path}"
        return BROKEN_ANCHOR.problem(page.shown_path, number, f"'#{anchor}' is not an anchor of {target_page.shown_path}", hint)
    return None


def _page_at(content: Content, lang: str, rel: str) -> Page | None:
    """The page a link's path names inside a language: a .md file, or a folder's index.md."""
    return content.page(lang, rel) or content.page(lang, posixpath.join(rel, INDEX))


def _missing_page(page: Page, content: Content, target: str, path: str, anchor: str, rel: str | None, number: int) -> Problem:
    """A link to no page: the page meant, guessed from the folder URL, case or missing .md forms,
    the file name elsewhere, or a close spelling, and the link to it from this page."""
    pages = [r for (lang, r) in content.pages if lang == page.lang]
    meant = None
    if rel is not None:
        stem = rel.rstrip("/").removesuffix(".md")
        forms = [f"{stem}.md", posixpath.join(stem, INDEX)]
        by_case = {r.lower(): r for r in pages}
        meant = next((by_case[f.lower()] for f in forms if f.lower() in by_case), None)
    if meant is None:
        name = posixpath.basename(path.rstrip("/")).removesuffix(".md").lower()
        same_name = [r for r in pages if posixpath.basename(r).removesuffix(".md").lower() == name]
        meant = same_name[0] if len(same_name) == 1 else None
    if meant is None and rel is not None:
        near = difflib.get_close_matches(rel, pages, n=1)
        meant = near[0] if near else None
    hint = f"did you mean '{_relative(page, meant, anchor)}'? (links are relative to this page's folder)" if meant else "check the file name; links are relative to this page's folder"
    return BROKEN_LINK.problem(page.shown_path, number, f"'{target}' points to a page that does not exist", hint)


def _relative(page: Page, rel: str, anchor: str = "") -> str:
    """The link from `page` to the page at `rel` of the same language, as written in Markdown."""
    link = posixpath.relpath(rel, posixpath.dirname(page.rel) or ".")
    return f"{link}#{anchor}" if anchor else link


@KIND.check
def unsafe_html(content: Content) -> list[Problem]:
    return [p for page in content.pages.values() for p in in_text("unsafe-html", content, page.shown_path, page.text, lambda: _unsafe_html(page))]


def _unsafe_html(page: Page) -> list[Problem]:
    problems = []
    for number, line in page.body_lines():
        text = strip_code(line)
        for pattern, what in UNSAFE_HTML:
            if pattern.search(text):
                problems.append(UNSAFE_HTML_RULE.problem(page.shown_path, number, f"the page contains {what}",
                                                         "remove it: pages are Markdown, and scripts come only from the theme (ask in an issue if a page needs one)"))
    return problems


@KIND.check
def emphasis(content: Content) -> list[Problem]:
    """Arabic is emphasised by its wording: bold breaks the letters' joins in many fonts, and
    Arabic has no italics."""
    return [p for page in content.pages_of(content.site.default_language)
            for p in in_text("emphasis", content, page.shown_path, page.text, lambda: _emphasis(page))]


def _emphasis(page: Page) -> list[Problem]:
    problems = []
    for number, line in page.body_lines():
        text = LINK.sub(lambda m: m.group(0).split("](")[0], strip_code(line))  # link targets hold _ and *
        found = EMPHASIS.search(re.sub(r"^\s*[-*+]\s", "", text))
        if found:
            problems.append(EMPHASIS_RULE.problem(page.shown_path, number, f"{found.group(0)!r} is bold or italic",
                                                  "remove the marks (**, __, *, _ or <b>, <strong>, <i>, <em>); emphasise with the wording"))
    return problems


def _texts(content: Content, pages) -> list[tuple[str, str]]:
    """(shown path, text) of the given pages and of every data file."""
    return [(p.shown_path, p.text) for p in pages] + [(content.site.rel(f.path), f.text) for f in content.data_files()]


@KIND.check
def digits(content: Content) -> list[Problem]:
    return [p for shown, text in _texts(content, content.pages_of(content.site.default_language))
            for p in in_text("digits", content, shown, text, lambda: [
                WRONG_DIGITS.problem(shown, number, "Eastern Arabic digits (٠١٢…) in the text", "write numbers with the digits 0–9, as the style guide says")
                for number, line in enumerate(text.split("\n"), start=1) if EASTERN_DIGITS.search(line)])]


@KIND.check
def placeholders(content: Content) -> list[Problem]:
    return [p for shown, text in _texts(content, content.pages.values())
            for p in in_text("placeholders", content, shown, text, lambda: [
                PLACEHOLDER_RULE.problem(shown, number, f"still to be written: {marker}", "replace the [[to write: …]] marker with the real text")
                for number, line in enumerate(text.split("\n"), start=1) for marker in PLACEHOLDER.findall(line)])]


def copied_text(content: Content, sources: Path) -> list[Problem]:
    """Runs only when `make check SOURCES=DIR` names the source articles (kept out of the repository)."""
    grams = copied.source_runs(sources)
    problems = []
    for shown, text in _texts(content, content.pages.values()):
        for number, run in copied.shared_runs(text, grams):
            problems.append(COPIED_TEXT.problem(shown, number, f"{len(run.split())} words copied from a source: «{run}»",
                                                "say it in your own words; facts, figures and names may stay"))
    return problems

