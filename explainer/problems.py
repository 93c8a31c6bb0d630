"""A problem found in the content, and its one-line message."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file: `path:line: code: what is wrong — how to fix it`."""

    path: str
    line: int
    code: str
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code}: {self.message} — {self.fix}"


class ContentError(Exception):
    """Raised by the build when the content has problems; its text lists them, one a line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
