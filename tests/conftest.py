"""Shared fixtures. The real site is built once per test run, and every test reads or visits that build.

Sites (each an `explainer.serve.SiteServer`, bound to its port before its build starts)
  site        the site as GitHub Pages publishes it: built for a project address
              (http://127.0.0.1:<port>/ai-race-explained/) and served there as Pages serves it.
              `site.base`: where it is served (ends in /); `site.address`: the address it was built
              for (the same, unless SITE_DIR is set); `site.local(url)` maps an address the build
              wrote (sitemap, canonical) to where it is served; `site.directory`: its files.
              SITE_DIR=<folder> tests a site built elsewhere instead (the one a workflow deploys):
              its address is read from its home page's canonical link, and it is served at that path.
  root_site   the site built for, and served at, the root of an address (a user site, a custom
              domain): for what differs between deployments (404 pages, language links).
  site_rebuilt  a second build for `site.address`, to compare with the first.
  built       `site`'s files read with lxml (builtsite.BuiltSite).
  The builds the collected tests need start as soon as collection ends, one after the other (a
  build keeps a core busy; the other runs the tests that need no site), and a test waits only for
  the build it uses. With pytest-xdist (`make test` runs two workers), the controller builds and
  serves each site once for all workers (Builds.share).
Browser
  browser     Debian's Chromium, one per run.
  context     context("phone" | "desktop", scheme="light" | "dark"): one browser context of each kind,
              shared by the whole run. Change nothing that persists in it (storage, cookies, init
              scripts: use page.add_init_script); a test that must, opens its own browser.new_context.
  page        a new tab on a desktop (1280×900) for one test; console errors in `page.console_errors`.
  phone       the same on a phone (360×800, touch, no hover).
Many pages: tests/pages.py runs one check on a list of addresses.
Screenshots: `screenshot(page, name)` writes test-artifacts/<name>.png (not committed) when SCREENSHOTS
is set (`SCREENSHOTS=1 make test`), and in CI (which sets CI; the workflow uploads them), to be looked
at; otherwise the tests skip their cost (a second or more each).
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest

from builtsite import BuiltSite
from explainer import sitebuild
from explainer.chromium import CHROMIUM, CHROMIUM_ARGS
from explainer.serve import SiteServer

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
SUBPATH = "/ai-race-explained/"
# A phone (360 px, the narrowest common width; touch, so no hover) and a desktop.
DEVICES = {
    "phone": {"viewport": {"width": 360, "height": 800}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}
TIMEOUT_MS = 15_000
SITES = ("site", "root_site", "site_rebuilt")  # the fixtures that are builds
SHARED_BUILD_WAIT = 1800  # seconds a worker waits for the controller's build (CI's machines can be slow)
SCREENSHOTS = bool(os.environ.get("SCREENSHOTS") or os.environ.get("CI"))


def screenshot(page, name: str, full_page: bool = True) -> None:
    if SCREENSHOTS:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


class Addresses:
    """Where a built site is served (`base`) and the address it was built for (`address`)."""
    base: str
    address: str

    def local(self, url: str) -> str:
        return self.base + url.removeprefix(self.address) if url.startswith(self.address) else url


class TestedSite(Addresses, SiteServer):
    """A built site served here; `address` is the one it was built for."""

    def __init__(self, directory: Path, prefix: str, address: str | None = None):
        super().__init__(directory, prefix)
        self.address = address or self.base


class SharedSite(Addresses):
    """A site that the run's controller built and serves, as a worker sees it (pytest-xdist)."""

    def __init__(self, directory: str, base: str, address: str):
        self.directory, self.base, self.address = Path(directory), base, address


def built_address(directory: Path) -> str:
    """The address a built site was made for: its home page's canonical link."""
    home = lxml.html.parse(str(directory / "index.html")).getroot()
    return home.xpath("//link[@rel='canonical']/@href")[0]


class Builds:
    """The site builds of one test run, started in the background, awaited by the fixtures."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="site-builds-"))
        self.pool = ThreadPoolExecutor(max_workers=1)
        self.sites: dict[str, TestedSite] = {}
        self.done: dict[str, Future] = {}
        self.shared: SharedBuilds | None = None  # in a pytest-xdist worker: the controller's builds
        self.sharing = threading.Event()  # set when the controller stops sharing its builds
        self.answering = False

    def share(self) -> None:
        """In pytest-xdist's controller: build and serve the sites the workers ask for (by a file
        <name>.wanted in this run's folder), and describe each (<name>.json) once it is built."""
        if self.answering:
            return
        self.answering = True

        def answer():
            described = set()
            while not self.sharing.wait(0.05):
                wanted = {path.stem for path in self.folder.glob("*.wanted")}
                try:
                    self.start(wanted)
                except Exception as error:  # the workers are told, not left waiting
                    for name in wanted - described:
                        self.write_description(name, {"returncode": 1, "output": f"could not start: {error!r}"})
                    raise
                for name in set(self.sites) - described:
                    described.add(name)
                    if name in self.done:
                        self.done[name].add_done_callback(lambda future, name=name: self.describe(name, future))
                    else:
                        self.describe(name, None)

        threading.Thread(target=answer, daemon=True).start()

    def describe(self, name: str, build: Future | None) -> None:
        site = self.sites[name]
        result = build.result() if build and not build.exception() else None
        about = {"directory": str(getattr(site, "directory", site)), "base": getattr(site, "base", None),
                 "address": getattr(site, "address", None),
                 "returncode": result.returncode if result else (1 if build else 0),
                 "output": f"{result.stdout}\n{result.stderr}" if result else str(build.exception() if build else "")}
        self.write_description(name, about)

    def write_description(self, name: str, about: dict) -> None:
        partial = self.folder / f"{name}.json.partial"
        partial.write_text(json.dumps(about), encoding="utf-8")
        partial.rename(self.folder / f"{name}.json")  # whole, or not there yet

    def start(self, names: set[str]) -> None:
        names = {name for name in names if name in SITES and name not in self.sites}
        prebuilt = os.environ.get("SITE_DIR")
        if ("site" in names or "site_rebuilt" in names) and "site" not in self.sites:
            if prebuilt:
                address = built_address(Path(prebuilt))
                self.sites["site"] = TestedSite(Path(prebuilt).resolve(), urlsplit(address).path, address)
            else:
                self.serve_and_build("site", SUBPATH)
        if "root_site" in names:
            self.serve_and_build("root_site", "/")
        if "site_rebuilt" in names:
            self.sites["site_rebuilt"] = self.folder / "site_rebuilt"
            self.done["site_rebuilt"] = self.pool.submit(sitebuild.build, ROOT, self.sites["site_rebuilt"], self.sites["site"].address)

    def serve_and_build(self, name: str, prefix: str) -> None:
        # The port is taken first, so that nothing can take it between the build and the serving.
        server = self.sites[name] = TestedSite(self.folder / name, prefix)
        self.done[name] = self.pool.submit(sitebuild.build, ROOT, server.directory, server.base)

    def get(self, name: str):
        if self.shared:
            return self.shared.get(name)
        if name not in self.sites:  # a fixture asked for by another fixture at run time, not collected
            self.start({name})
        if name in self.done:
            result = self.done[name].result()
            assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
        return self.sites[name]

    def close(self) -> None:
        self.sharing.set()
        self.pool.shutdown(wait=True, cancel_futures=True)
        for site in self.sites.values():
            if isinstance(site, SiteServer):
                site.close()
        shutil.rmtree(self.folder, ignore_errors=True)


class SharedBuilds:
    """A pytest-xdist worker's view of the controller's builds (Builds.share), in `folder`."""

    def __init__(self, folder: Path):
        self.folder = folder

    def want(self, names: set[str]) -> None:
        for name in names & set(SITES):
            (self.folder / f"{name}.wanted").touch()

    def get(self, name: str):
        self.want({name})
        described = self.folder / f"{name}.json"
        deadline = time.monotonic() + SHARED_BUILD_WAIT
        while not described.exists():
            assert time.monotonic() < deadline, f"the controller did not build {name} within {SHARED_BUILD_WAIT} s"
            time.sleep(0.05)
        about = json.loads(described.read_text(encoding="utf-8"))
        assert about["returncode"] == 0, f"mkdocs build failed:\n{about['output']}"
        if about["base"] is None:  # site_rebuilt: only its files
            return Path(about["directory"])
        return SharedSite(about["directory"], about["base"], about["address"])


_builds = Builds()


def pytest_configure(config):
    shared = getattr(config, "workerinput", {}).get("site_builds")
    if shared:
        _builds.shared = SharedBuilds(Path(shared))


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """pytest-xdist's controller, for each worker: the sites are built once, here, for all of them."""
    _builds.share()
    node.workerinput["site_builds"] = str(_builds.folder)


def pytest_collection_finish(session):
    if session.config.option.collectonly:
        return
    names = {name for item in session.items for name in getattr(item, "fixturenames", ())}
    if _builds.shared:
        _builds.shared.want(names)
    else:
        _builds.start(names)


def pytest_sessionfinish(session):
    _builds.close()


@pytest.fixture(scope="session")
def site() -> TestedSite:
    return _builds.get("site")


@pytest.fixture(scope="session")
def subpath_site(site) -> TestedSite:
    """`site`, which is the sub-path deployment (the name older tests use)."""
    return site


@pytest.fixture(scope="session")
def root_site() -> TestedSite:
    return _builds.get("root_site")


@pytest.fixture(scope="session")
def site_rebuilt(site) -> Path:
    return _builds.get("site_rebuilt")


@pytest.fixture(scope="session")
def built(site) -> BuiltSite:
    return BuiltSite(site.directory, site.address)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def context(browser):
    contexts = {}

    def get(device: str = "desktop", scheme: str = "light"):
        if (device, scheme) not in contexts:
            made = contexts[device, scheme] = browser.new_context(**DEVICES[device], color_scheme=scheme)
            made.set_default_timeout(TIMEOUT_MS)
        return contexts[device, scheme]

    yield get
    for made in contexts.values():
        made.close()


def new_page(context):
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    return page


@pytest.fixture
def page(context):
    page = new_page(context("desktop"))
    yield page
    page.close()


@pytest.fixture
def phone(context):
    page = new_page(context("phone"))
    yield page
    page.close()
