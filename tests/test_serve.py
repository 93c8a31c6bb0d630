"""`make serve` (mkdocs serve --dirty, overrides/hooks/serve_rebuilds.py) on a copy of the project:
an edit to an article shows on its page and on its other-language page (they share its front
matter); an edit to data/ (a glossary definition) shows on the pages built from it."""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from explainer import bench
from explainer.sitebuild import build_env
from test_rehearsal import keep_build_cache, project_files

ROOT = Path(__file__).resolve().parent.parent


def served_with(url: str, text: str, server: subprocess.Popen, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline and server.poll() is None:
        if text in (bench.fetch(url) or ""):
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def serving(tmp_path):
    copy = tmp_path / "project"
    for name in project_files(ROOT):
        if name.startswith(("docs/", "data/", "overrides/")) or name == "mkdocs.yml":
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    keep_build_cache(copy)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(bench.serve_command(f"127.0.0.1:{port}"), cwd=copy, env=build_env(), stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    assert served_with(base, "<html", server, 600), (tmp_path / "serve.log").read_text()
    yield copy, base, server
    server.terminate()
    server.wait(timeout=30)
    log.close()


def edit(path: Path, old: str, new: str) -> None:
    time.sleep(1.1)  # a newer modification time than the pages built, whatever the file system's resolution
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_edits_to_an_article_and_to_the_data_show_on_the_pages_built_from_them(serving):
    copy, base, server = serving
    slug = "europe-after-deepseek"
    summary = "A short news report"
    edit(copy / "docs/ar/articles" / f"{slug}.md", summary, "A brief news report")
    for page in (f"articles/{slug}/", f"en/articles/{slug}/"):  # the English page shows the Arabic page's summary
        assert served_with(base + page, "A brief news report", server, 300), page

    edit(copy / "data/glossary.yml", 'definition: "An AI model trained on large amounts of data',
         'definition: "An edited definition: an AI model trained on large amounts of data')
    for page in ("en/glossary/gpai/", "en/glossary/"):
        assert served_with(base + page, "An edited definition", server, 300), page
