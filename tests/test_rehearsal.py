"""A contributor's pull request, rehearsed on a copy of the project: a sixth article scaffolded in
both languages with `make new-article`, filled as the contributor guide says, its events added with
`make new-event` and a figure with `make new-figure`; then `make check`, `make build` and the
per-page tests of the built site pass, and nothing but the article's two pages, its coverage list,
the timeline and the figures ledger changed. The copy shares this checkout's virtual environment
(nothing is installed again)."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from explainer.checks.articles import FEW_EVENTS
from test_scaffold import fill

ROOT = Path(__file__).resolve().parent.parent
SLUG = "rehearsal-story"
# Made by the build and the tests, not by the contributor.
OUTPUT = {"site", "test-artifacts", ".pytest_cache", "__pycache__", ".cache"}


def project_files(root: Path) -> list[str]:
    """The project's files as a clone has them: tracked, or new and not ignored."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                            cwd=root, capture_output=True, text=True, check=True).stdout
    return sorted(name for name in listed.split("\0") if name and (root / name).is_file())


def digests(root: Path) -> dict[str, str]:
    found = {}
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if path.is_file() and not path.is_symlink() and rel.parts[0] != ".venv" and not OUTPUT & set(rel.parts):
            found[rel.as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


# Run from `make test SOURCES=…`, make's own variables and those set on its command line (which
# make exports) would reach the copy's make (SOURCES relative to another folder): a contributor's
# shell has none of them.
MAKE_VARIABLES = {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"}
# The options of the pytest running this test are not the contributor's (a -p plugin given there broke the inner run).
PYTEST_VARIABLES = {"PYTEST_ADDOPTS", "PYTEST_PLUGINS"}


def contributor_shell(environ: dict[str, str]) -> dict[str, str]:
    overrides = environ.get("MAKEFLAGS", "").partition(" -- ")[2].split()
    dropped = MAKE_VARIABLES | PYTEST_VARIABLES | {item.partition("=")[0] for item in overrides if "=" in item}
    return {name: value for name, value in environ.items() if name not in dropped}


def keep_build_cache(copy: Path) -> None:
    """What this checkout's builds kept (.cache/: social images, derived results; written whole or
    not at all), as a contributor's checkout keeps what their earlier builds made: the copy's build
    then draws and derives only what the new article changes."""
    if (ROOT / ".cache").is_dir():
        shutil.copytree(ROOT / ".cache", copy / ".cache", ignore=shutil.ignore_patterns("*.tmp", "tmp*"))


def run(command: list[str], cwd: Path, **env: str) -> str:
    shell = contributor_shell(dict(os.environ))
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                            env={**shell, "PYTHONPATH": str(cwd), "NO_MKDOCS_2_WARNING": "1", **env})
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_a_new_article_goes_from_scaffold_to_passing_tests_without_touching_other_files(tmp_path):
    copy = tmp_path / "project"
    for name in project_files(ROOT):
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, copy / name)  # times kept: make sees the environment as up to date
    (copy / ".venv").symlink_to(Path(sys.prefix))
    keep_build_cache(copy)
    before = digests(copy)

    written = run(["make", "new-article", f"SLUG={SLUG}"], copy)
    pages = [copy / "docs" / lang / "articles" / f"{SLUG}.md" for lang in ("ar", "en")]
    assert all(f"wrote {p.relative_to(copy).as_posix()}" in written for p in pages), written
    for page in pages:
        fill(page, copy, SLUG)
    for number in range(FEW_EVENTS.limits["min"]):
        run(["make", "new-event", f"ID={SLUG}-{number}", f"ARTICLE={SLUG}"], copy)
    fill(copy / "data" / "timeline.yml", copy, SLUG)
    run(["make", "new-figure", f"ID={SLUG}-figure", f"ARTICLE={SLUG}"], copy)
    fill(copy / "data" / "figures.yml", copy, SLUG)
    fill(copy / "data" / "coverage" / f"{SLUG}.yml", copy, SLUG)

    assert "✅" in run(["make", "check"], copy)
    run(["make", "build"], copy)
    run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_built_site.py"], copy,
        SITE_DIR=str(copy / "site"))

    after = digests(copy)
    changed = {name for name in set(before) | set(after) if before.get(name) != after.get(name)}
    assert changed == {f"docs/ar/articles/{SLUG}.md", f"docs/en/articles/{SLUG}.md", "data/timeline.yml",
                       "data/figures.yml", f"data/coverage/{SLUG}.yml"}
