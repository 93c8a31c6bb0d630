"""Finding glossary terms in running text, in Arabic and in English.

Arabic words take attached prefixes (و ف ب ك ل and the article ال, e.g. «وبالاستدلال», «للأوزان»)
and suffixes (plural, dual, pronouns, the relative -ي/-ية), and are spelt with or without hamza,
ى/ي, ة/ه and short vowels. Text and terms are compared in a normalised form; matches are
reported as spans of the original text, so the caller can link them.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from .remember import remembered

_DIACRITIC_CLASS = r"\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_DIACRITICS = re.compile(f"[{_DIACRITIC_CLASS}]")
_WITHOUT_DIACRITICS = re.compile(f"[^{_DIACRITIC_CLASS}]+")
# Σ is folded here, because str.lower() would make a word-final Σ into ς: text is compared letter by letter.
# (A chain of str.replace: str.translate looks every letter of Arabic text up in a dict, many times slower.)
_LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "Σ": "σ"}
_ARABIC = re.compile(r"[\u0600-\u06ff]")

# Prefixes: a conjunction (و, ف), then a preposition (ب, ك, ل) and the article ال;
# ل + ال is written لل. Suffixes: plural and dual endings, pronouns, the relative ending.
_PREFIX_DEFINITE = r"[وف]?(?:[بك]?ال|لل)"
_PREFIX_BARE = r"[وف]?[بكل]?"
_SUFFIX_AR = r"(?:ات|ان|ين|ون|يه|ي|ها|هم|هما|ه)?"
_SUFFIX_EN = r"(?:s|es|'s)?"
# A one-word term drops its article before a possessive pronoun: «التقييم» → «تقييمها».
_PRONOUN = r"(?:ها|هما|هم|ه)"
# The most letters a prefix adds before a term's first word: و + ب + ال.
_LONGEST_PREFIX = 4


def normalise(text: str) -> tuple[str, list[int]]:
    """Text in matching form, and for each of its characters the index it came from."""
    # Run by run rather than letter by letter: the build normalises every paragraph of every article.
    out: list[str] = []
    where: list[int] = []
    for run in _WITHOUT_DIACRITICS.finditer(text):
        out.append(run.group())
        where.extend(range(run.start(), run.end()))
    folded = "".join(out)
    for letter, replacement in _LETTERS.items():
        folded = folded.replace(letter, replacement)
    return folded.lower(), where


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


def _head(variant: str) -> str:
    """The variant's first word, normalised, without an Arabic article (which prefixes replace)."""
    first = normalise(variant)[0].split()[0]
    return first[2:] if _ARABIC.search(variant) and first.startswith("ال") else first


class _Pattern(NamedTuple):
    term_id: str
    regex: re.Pattern
    on_original: bool  # runs on the original text rather than the normalised one
    heads: tuple[str, ...]  # every match is a word that starts with a prefix and then one of these

    def finditer(self, haystack: str):
        """The matches `regex.finditer` finds, tried only where one can start: at the start of a
        word that has a head at most a prefix into it. Many times faster than trying every letter."""
        starts = set()
        for head in self.heads:
            at = haystack.find(head)
            while at != -1:
                start = at
                while start > 0 and _is_word_letter(haystack[start - 1]) and at - start < _LONGEST_PREFIX:
                    start -= 1
                if start == 0 or not _is_word_letter(haystack[start - 1]):
                    starts.add(start)
                at = haystack.find(head, at + 1)
        position = 0
        for start in sorted(starts):
            if start >= position and (m := self.regex.match(haystack, start)):
                yield m
                position = m.end()


def _is_word_letter(char: str) -> bool:
    """What the patterns' \\w matches."""
    return char.isalnum() or char == "_"


@dataclass(frozen=True)
class Term:
    id: str
    forms: tuple[str, ...]  # the term and its variants, in one language
    abbr: str = ""


class TermMatcher:
    """Finds the terms of one language in text; longest and earliest match wins."""

    def __init__(self, terms: list[Term]):
        # What the matches depend on: part of the key under which they are remembered.
        self.version = hashlib.blake2b(repr(terms).encode(), digest_size=16).hexdigest()
        self._patterns: list[_Pattern] = []
        for term in terms:
            forms = [f for f in term.forms if f.strip()]
            alternatives = sorted(
                (_arabic_pattern(f) if _ARABIC.search(f) else _latin_pattern(f) for f in forms),
                key=len,
                reverse=True,
            )
            pattern = r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)"
            self._patterns.append(_Pattern(term.id, re.compile(pattern), False, tuple(_head(f) for f in forms)))
            if term.abbr:
                # Abbreviations are matched as written (GPU, not "gpu"), on the original text.
                abbr = re.compile(r"(?<!\w)" + re.escape(term.abbr) + r"s?(?!\w)")
                self._patterns.append(_Pattern(term.id, abbr, True, (term.abbr,)))

    def find(self, text: str):
        """Yield (start, end, term_id) of each match in `text`, left to right, without overlaps."""
        return _without_overlaps(self._matches(text))

    def _matches(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, term_id) of every match of every term, overlapping or not."""
        norm, where = normalise(text)
        matches = []
        for pattern in self._patterns:
            on_original, term_id = pattern.on_original, pattern.term_id
            for m in pattern.finditer(text if on_original else norm):
                if on_original:
                    start, end = m.start(), m.end()
                else:
                    start, end = where[m.start()], where[m.end() - 1] + 1
                    while end < len(text) and _DIACRITICS.match(text[end]):
                        end += 1  # the last letter's short vowel belongs to the word
                matches.append((start, end, term_id))
        return matches

    def first_mentions(self, text: str) -> list[tuple[int, int, str]]:
        """Like `find`, but each term once: its first mention."""
        return self.first_mentions_in_order([text])[0]

    def first_mentions_in_order(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        """The first mention of each term in texts read in order, as one list per text: a term found
        in one text is not found again in the ones after. The texts are searched as one (a page's texts are many and short),
        joined by a character no match can cross. Remembered by the texts (explainer/remember.py):
        each build links the terms of every article again."""
        return remembered("first-mentions", (self.version, tuple(texts)), lambda: self._first_mentions_in_order(texts))

    def _first_mentions_in_order(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        offsets, length = [], 0
        for text in texts:
            offsets.append(length)
            length += len(text) + len(_APART)
        by_text: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        for match in self._matches(_APART.join(texts)):
            by_text[bisect_right(offsets, match[0]) - 1].append(match)
        found, linked = [], set()
        for offset, matches in zip(offsets, by_text):
            mentions = []
            candidates = [m for m in matches if m[2] not in linked]
            for start, end, term_id in _without_overlaps(candidates):
                if term_id not in linked:
                    linked.add(term_id)
                    mentions.append((start - offset, end - offset, term_id))
            found.append(mentions)
        return found


# Between texts searched as one: no pattern matches it (not a letter, not white space).
_APART = "\x00"


def _without_overlaps(matches: list[tuple[int, int, str]]):
    """The matches that do not overlap, left to right; of those that start together, the longest."""
    position = 0
    for start, _, term_id, end in sorted((start, start - end, term_id, end) for start, end, term_id in matches):
        if start >= position:
            yield start, end, term_id
            position = end


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
