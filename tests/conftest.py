"""Shared fixtures: the real site built once per test run (at the root and under a GitHub Pages
sub-path), served over HTTP the way GitHub Pages serves it, and Debian's Chromium."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest

from explainer import sitebuild
from explainer.chromium import CHROMIUM, CHROMIUM_ARGS
from explainer.serve import SiteServer

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_site(site_url: str, out: Path) -> Path:
    """A strict build of the real site for `site_url`."""
    result = sitebuild.build(ROOT, out, site_url)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return out


def _built_and_served(tmp_path_factory, prefix: str):
    port = free_port()
    out = build_site(f"http://127.0.0.1:{port}{prefix}", tmp_path_factory.mktemp("site") / "site")
    server = SiteServer(out, prefix, port)
    yield server
    server.close()


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> SiteServer:
    """The site built for, and served at, the root of an address (as `make serve` does)."""
    yield from _built_and_served(tmp_path_factory, "/")


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory) -> SiteServer:
    """The site built for, and served under, a GitHub Pages project path: /<repo>/."""
    yield from _built_and_served(tmp_path_factory, "/ai-race-explained/")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    yield page
    context.close()
