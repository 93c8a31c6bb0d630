"""Runs of words that a page shares with a source article (the site explains; it never copies).

Words are compared as the project's overlap tool compares them: Unicode-normalised, without
Arabic short vowels, with one form of alef, ي for ى, ه for ة, Western digits, lower case.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

RUN = 8  # shortest shared run that counts as copied
_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_WORD = re.compile(r"\w+")
_ALEF = str.maketrans("أإآٱ", "اااا")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text).translate(_ALEF).translate(_DIGITS).lower()
    return _WORD.findall(text.replace("ى", "ي").replace("ة", "ه"))


def source_runs(sources: Path, n: int = RUN) -> set[tuple[str, ...]]:
    grams: set[tuple[str, ...]] = set()
    for path in sorted(sources.glob("*.txt")):
        w = words(path.read_text(encoding="utf-8"))
        grams.update(tuple(w[i:i + n]) for i in range(len(w) - n + 1))
    return grams


def shared_runs(text: str, grams: set, n: int = RUN):
    """Yield (line number, the shared words) for each run of `text` found in `grams` (1-based lines)."""
    tokens: list[tuple[str, int]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        tokens.extend((w, number) for w in words(line))
    start = end = None
    for i in range(len(tokens) - n + 1):
        if tuple(w for w, _ in tokens[i:i + n]) in grams:
            if start is not None and i <= end:
                end = i + n
                continue
            if start is not None:
                yield tokens[start][1], " ".join(w for w, _ in tokens[start:end])
            start, end = i, i + n
    if start is not None:
        yield tokens[start][1], " ".join(w for w, _ in tokens[start:end])
