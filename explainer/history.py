"""When each page was first published and last changed, from Git: one `git log` for the whole
content tree per build (a call per page would cost seconds at a few hundred pages). Dates come
from commits, never from the clock, so two builds of one commit are identical."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .content import ARTICLES, GLOSSARY, INDEX, WHO, Content, Page

COMMIT = "\x1e"  # starts each commit's record in the log below


@dataclass(frozen=True)
class Dates:
    published: dt.datetime  # the first commit that had the file (UTC)
    updated: dt.datetime  # the last commit that changed it (UTC)


def parse_log(log: str) -> dict[str, Dates]:
    """Dates per path from `git log --format=%x1e%ct --name-only` (newest commit first)."""
    dates: dict[str, Dates] = {}
    for record in log.split(COMMIT)[1:]:
        stamp, *paths = record.strip().split("\n")
        when = dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc)
        for path in filter(None, paths):
            known = dates.get(path)
            dates[path] = Dates(published=when, updated=known.updated if known else when)
    return dates


def file_dates(root: Path, folders: tuple[str, ...]) -> dict[str, Dates]:
    """Dates of every committed file under `folders`, by path relative to `root`; {} outside Git
    (or in a clone without history: CI must fetch it whole, `fetch-depth: 0`)."""
    command = ["git", "-c", "core.quotepath=off", "log", f"--format={COMMIT}%ct", "--name-only", "--no-renames", "--", *folders]
    try:
        log = subprocess.run(command, cwd=root, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    return parse_log(log)


def _sources(page: Page, content: Content) -> list[Path]:
    """The files whose edits change what a page shows: the page itself, the Arabic page of an
    article (its source box and summary), the data a generated page is made from."""
    site = content.site
    files = [page.path]
    if page.kind == "article" and page.lang != site.default_language:
        files.append(site.docs_dir / site.default_language / page.rel)
    if page.kind == "term" or page.rel == f"{GLOSSARY}/{INDEX}":
        files.append(site.data_dir / "glossary.yml")
    if page.kind == "entity" or page.rel == f"{WHO}/{INDEX}":
        files.append(site.data_dir / "entities.yml")
    if page.rel == "timeline.md":
        files.append(site.data_dir / "timeline.yml")
    if page.rel == f"{ARTICLES}/{INDEX}":
        files += [p.path for p in content.pages_of(page.lang, "article")]
    return files


def build_time() -> dt.datetime:
    """The build's own date: its last commit's, which overrides/hooks/build_date.py puts in
    SOURCE_DATE_EPOCH (the clock only outside Git, as MkDocs itself does)."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc) if stamp else dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def page_dates(content: Content) -> dict[tuple[str, str], Dates]:
    """(language, path) -> the page's dates, for every page: a page none of whose sources is
    committed yet (a new file, being previewed) is dated by the build."""
    return content.derived("page_dates", _page_dates)


def _page_dates(content: Content) -> dict[tuple[str, str], Dates]:
    site = content.site
    folders = tuple(site.rel(folder) for folder in (site.docs_dir, site.data_dir))
    by_file = file_dates(site.root, folders)
    uncommitted = Dates(build_time(), build_time())
    dates = {}
    for key, page in content.pages.items():
        known = [by_file[site.rel(path)] for path in _sources(page, content) if site.rel(path) in by_file]
        own = by_file.get(site.rel(page.path), uncommitted)
        dates[key] = Dates(published=own.published, updated=max([own.updated, *(d.updated for d in known)]))
    return dates
