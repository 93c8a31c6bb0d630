"""Finding glossary terms in running text, in Arabic and in English.

Arabic words take attached prefixes (و ف ب ك ل and the article ال, e.g. «وبالاستدلال», «للأوزان»)
and suffixes (plural, dual, pronouns, the relative -ي/-ية), and are spelt with or without hamza,
ى/ي, ة/ه and short vowels. Text and terms are compared in a normalised form; matches are
reported as spans of the original text, so the caller can link them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_ARABIC = re.compile(r"[\u0600-\u06ff]")

# Prefixes: a conjunction (و, ف), then a preposition (ب, ك, ل) and the article ال;
# ل + ال is written لل. Suffixes: plural and dual endings, pronouns, the relative ending.
_PREFIX_DEFINITE = r"[وف]?(?:[بك]?ال|لل)"
_PREFIX_BARE = r"[وف]?[بكل]?"
_SUFFIX_AR = r"(?:ات|ان|ين|ون|يه|ي|ها|هم|هما|ه)?"
_SUFFIX_EN = r"(?:s|es|'s)?"
# A one-word term drops its article before a possessive pronoun: «التقييم» → «تقييمها».
_PRONOUN = r"(?:ها|هما|هم|ه)"


def normalise(text: str) -> tuple[str, list[int]]:
    """Text in matching form, and for each of its characters the index it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        if _DIACRITICS.match(char):
            continue
        out.append(char.translate(_LETTERS).lower())
        where.append(i)
    return "".join(out), where


def _arabic_pattern(variant: str) -> str:
    words = normalise(variant)[0].split()
    first = words[0]
    if first.startswith("ال"):
        head = _PREFIX_DEFINITE + re.escape(first[2:])
    else:
        head = _PREFIX_BARE + re.escape(first)
    middle = [re.escape(w) for w in words[1:]]
    body = r"\s+".join([head, *middle]) + _SUFFIX_AR
    if len(words) == 1 and first.startswith("ال"):
        body = f"(?:{body}|{_PREFIX_BARE}{re.escape(first[2:])}{_PRONOUN})"
    return body


def _latin_pattern(variant: str) -> str:
    return r"\s+".join(re.escape(w) for w in normalise(variant)[0].split()) + _SUFFIX_EN


@dataclass(frozen=True)
class Term:
    id: str
    forms: tuple[str, ...]  # the term and its variants, in one language
    abbr: str = ""


class TermMatcher:
    """Finds the terms of one language in text; longest and earliest match wins."""

    def __init__(self, terms: list[Term]):
        # (term id, pattern, whether it runs on the original text rather than the normalised one)
        self._patterns: list[tuple[str, re.Pattern, bool]] = []
        for term in terms:
            alternatives = sorted(
                (_arabic_pattern(f) if _ARABIC.search(f) else _latin_pattern(f) for f in term.forms if f.strip()),
                key=len,
                reverse=True,
            )
            pattern = r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)"
            self._patterns.append((term.id, re.compile(pattern), False))
            if term.abbr:
                # Abbreviations are matched as written (GPU, not "gpu"), on the original text.
                self._patterns.append((term.id, re.compile(r"(?<!\w)" + re.escape(term.abbr) + r"s?(?!\w)"), True))

    def find(self, text: str, skip: set[str] | frozenset = frozenset()):
        """Yield (start, end, term_id) of each match in `text`, left to right, without overlaps."""
        norm, where = normalise(text)
        candidates = []
        for term_id, pattern, on_original in self._patterns:
            if term_id in skip:
                continue
            haystack = text if on_original else norm
            for m in pattern.finditer(haystack):
                if on_original:
                    start, end = m.start(), m.end()
                else:
                    start, end = where[m.start()], where[m.end() - 1] + 1
                    while end < len(text) and _DIACRITICS.match(text[end]):
                        end += 1  # the last letter's short vowel belongs to the word
                candidates.append((start, -(end - start), term_id, end))
        candidates.sort()
        position = 0
        for start, _, term_id, end in candidates:
            if start >= position:
                yield start, end, term_id
                position = end

    def first_mentions(self, text: str, skip: set[str] | frozenset = frozenset()):
        """Like `find`, but each term once: its first mention."""
        seen = set(skip)
        for start, end, term_id in self.find(text, skip):
            if term_id not in seen:
                seen.add(term_id)
                yield start, end, term_id


def matcher_for(glossary: list[dict], lang: str) -> TermMatcher:
    """A matcher for the glossary entries (as in data/glossary.yml) in one language."""
    return TermMatcher(
        [
            Term(
                id=entry["id"],
                forms=(entry[lang]["term"], *entry[lang].get("variants", [])),
                abbr=entry.get("abbr", ""),
            )
            for entry in glossary
        ]
    )
