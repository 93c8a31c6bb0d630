"""Python-Markdown tree processors that the hooks add: term links, direction isolation and
focusable tables.

The first two rewrite runs of plain text into elements, in document order, leaving untouched
the parts of the tree that `skip` names (headings, code, links…).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Callable, Iterable

from markdown import util
from markdown.treeprocessors import Treeprocessor

from .site import direction
from .terms import TermMatcher

# Given the texts of a tree in document order, the spans to replace in each: (start, end, payload).
Finder = Callable[[list[str]], Iterable[Iterable[tuple[int, int, object]]]]
Builder = Callable[[str, object], etree.Element]

NEVER_TOUCH = {"code", "pre", "kbd", "samp", "script", "style", "math", "svg"}
# Python-Markdown leaves raw HTML as numbered placeholders in the text until the end.
PLACEHOLDER = re.compile(re.escape(util.HTML_PLACEHOLDER).replace("%s", r"\d+"))


def rewrite_text(root: etree.Element, find: Finder, build: Builder, skip: Callable[[etree.Element], bool]) -> None:
    """Replace each span that `find` reports in the texts of `root` by the element `build` makes."""

    def outside_placeholders(text: str, spans):
        held = [m.span() for m in PLACEHOLDER.finditer(text)]
        for start, end, payload in spans:
            if not any(start < h_end and h_start < end for h_start, h_end in held):
                yield start, end, payload

    def pieces(text: str, spans) -> tuple[str, list[etree.Element]]:
        made: list[etree.Element] = []
        before, position = None, 0
        for start, end, payload in outside_placeholders(text, spans):
            chunk = text[position:start]
            if made:
                made[-1].tail = chunk
            else:
                before = chunk
            made.append(build(text[start:end], payload))
            position = end
        if made:
            made[-1].tail = text[position:]
        return (before if before is not None else text), made

    # Where text is, in document order: (element, None) for its text, (parent, child) for the child's tail.
    places: list[tuple[etree.Element, etree.Element | None]] = []

    def visit(element: etree.Element) -> None:
        if skip(element):
            return
        if element.text:
            places.append((element, None))
        for child in element:
            visit(child)
            if child.tail:
                places.append((element, child))

    visit(root)
    texts = [element.text if child is None else child.tail for element, child in places]
    for (element, child), text, spans in zip(places, texts, find(texts)):
        if child is None:
            element.text, made = pieces(text, spans)
            for i, new in enumerate(made):
                element.insert(i, new)
        else:
            child.tail, made = pieces(text, spans)
            at = list(element).index(child)
            for i, new in enumerate(made, start=1):
                element.insert(at + i, new)


class TermLinks(Treeprocessor):
    """Links the first mention of each glossary term to its entry, with its definition as a tooltip."""

    SKIP_TAGS = NEVER_TOUCH | {"h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr", "time"}

    def __init__(self, md, matcher: TermMatcher, targets: dict[str, tuple[str, str]], lang: str):
        super().__init__(md)
        self.matcher = matcher
        self.targets = targets  # term id -> (link to its .md page, the term's name, one-sentence definition)
        self.lang = lang

    def run(self, root: etree.Element) -> None:
        def build(text: str, term_id) -> etree.Element:
            href, name, definition = self.targets[term_id]
            wrapper = etree.Element("span", {"class": "glossary-ref"})
            link = etree.SubElement(wrapper, "a", {
                "class": "glossary-term", "href": href, "data-term": term_id,
                "aria-describedby": f"glossary-tip-{term_id}",
            })
            link.text = text
            tip = etree.SubElement(wrapper, "span", {
                "class": "glossary-tip", "role": "tooltip", "id": f"glossary-tip-{term_id}",
                # The heading of the definition a tap shows on a touch screen (site.js).
                "data-term-name": name,
            })
            tip.text = definition
            return wrapper

        def skip(element: etree.Element) -> bool:
            lang = element.get("lang")
            return element.tag in self.SKIP_TAGS or (lang is not None and lang != self.lang) or "no-terms" in element.get("class", "")

        rewrite_text(root, self.matcher.first_mentions_in_order, build, skip)


# A run of Latin script inside Arabic text: letters, digits and the punctuation names carry
# (FLUX.1, GPT-4o, Xpert.Digital, Black Forest Labs), ending on a letter or digit.
LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f](?:[A-Za-z\u00c0-\u024f0-9.\-'’&/+ ]*[A-Za-z\u00c0-\u024f0-9])?")
ARABIC_RUN = re.compile(r"[\u0600-\u06ff](?:[\u0600-\u06ff\u064b-\u065f\s]*[\u0600-\u06ff])?")


def other_script(lang: str) -> tuple[str, str, re.Pattern]:
    """Language, direction and runs of the other script in text of `lang`: Latin in Arabic, Arabic in English."""
    return ("en", "ltr", LATIN_RUN) if direction(lang) == "rtl" else ("ar", "rtl", ARABIC_RUN)


class DirectionIsolation(Treeprocessor):
    """Marks runs of the other script with their language and direction, so the bidi algorithm
    keeps Latin names inside Arabic (and Arabic inside English) in their own order."""

    def __init__(self, md, lang: str, other_lang: str, other_dir: str, run: re.Pattern):
        super().__init__(md)
        self.lang, self.other_lang, self.other_dir, self.run_pattern = lang, other_lang, other_dir, run

    def run(self, root: etree.Element) -> None:
        def find(texts: list[str]):
            return [[(m.start(), m.end(), None) for m in self.run_pattern.finditer(text)] for text in texts]

        def build(text: str, _) -> etree.Element:
            span = etree.Element("span", {"lang": self.other_lang, "dir": self.other_dir})
            span.text = text
            return span

        def skip(element: etree.Element) -> bool:
            return element.tag in NEVER_TOUCH or element.get("lang") is not None or element.get("dir") is not None

        rewrite_text(root, find, build, skip)


class FocusableTables(Treeprocessor):
    """Puts every table in the Tab order: on a phone a wide table scrolls inside its own box, and
    a box scrolls from the keyboard only once it has the focus (WCAG 2.1.1)."""

    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            table.set("tabindex", "0")
