"""`make bench`: how long the project's build takes, and how much memory, against a stock
Material + i18n build of the same Markdown, on the real site and on larger synthetic ones.

A synthetic site is a copy of the project (mkdocs.yml, overrides/, data/, docs/) whose real
articles are cloned under new slugs, each clone with its own copies of its original's timeline
events, so that it passes the project's checks and builds strictly. The stock configuration is
the project's without what needs the project's code: its hooks, its theme overrides and its own
CSS and JavaScript.
"""
from __future__ import annotations

import gzip
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import content as content_module
from . import remember, search
from .build import TEMPLATE_CACHE
from .content import ARTICLES, COVERAGE
from .serve import COMPRESSIBLE
from .site import Site
from .sitebuild import build_command, build_env

PROJECT_PARTS = ("mkdocs.yml", "overrides", "data", "docs")
PROJECT_CONFIG = "mkdocs.yml"
ARTICLES_LIST = re.compile(r"^(  articles: )\[([^\]\n]*)\]", re.M)
STOCK_CONFIG = "mkdocs.stock.yml"
# Stock without its search plugin: what any build of these pages costs before its search index.
BARE_CONFIG = "mkdocs.stock-bare.yml"
# "project" builds over what the build before derived and kept (.cache/derived/, .cache/templates/),
# as every build but a fresh clone's does; "project-cold" without it. Social images are kept in
# both: make bench measures them on their own.
VARIANTS = {"stock": STOCK_CONFIG, "project": PROJECT_CONFIG, "project-cold": PROJECT_CONFIG}
COLD_CLEARS = (remember.CACHE, TEMPLATE_CACHE)
# The targets, at the largest size measured (200 articles per language by default): the project's
# full build within TARGET_RATIO of stock's (in CPU time: a shared machine moves wall time more), and
# an edit shown by `make serve` within REFRESH_TARGET seconds.
TARGET_RATIO = 2.0
REFRESH_TARGET = 3.0
# Medians of three builds on a shared machine still move by several percent.
GROWTH_TOLERANCE = 1.10


# ---------------------------------------------------------------- synthetic sites


def copy_project(root: Path, dest: Path) -> Path:
    """The parts of the project a build reads, copied into `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    return dest


def add_articles(site_root: Path, total: int) -> list[str]:
    """Clone the site's articles (every language, their timeline events, their figures in the
    ledger and their coverage lists) under new slugs until each language has `total` articles;
    returns the new slugs."""
    site = Site.load(site_root / PROJECT_CONFIG)
    originals = content_module.load(site).article_slugs
    if total < len(originals):
        raise ValueError(f"the site already has {len(originals)} articles per language, more than {total}")
    timeline_path = site.data_dir / "timeline.yml"
    events = yaml.safe_load(timeline_path.read_text(encoding="utf-8")) or []
    added, added_events = [], []
    for n in range(total - len(originals)):
        original = originals[n % len(originals)]
        slug = f"{original}-copy-{n // len(originals) + 2}"
        for lang in site.languages:
            folder = site.docs_dir / lang / ARTICLES
            shutil.copyfile(folder / f"{original}.md", folder / f"{slug}.md")
        coverage = site.data_dir / COVERAGE / f"{original}.yml"
        if coverage.exists():
            shutil.copyfile(coverage, coverage.with_name(f"{slug}.yml"))
        added_events += [
            {**event, "id": f"{slug}-{event['id']}", "articles": [slug]}
            for event in events
            if original in event.get("articles", [])
        ]
        added.append(slug)
    if added_events:
        with timeline_path.open("a", encoding="utf-8") as timeline:
            timeline.write("\n" + yaml.safe_dump(added_events, allow_unicode=True, sort_keys=False, width=1000))
    _share_figures(site.data_dir / "figures.yml", added)
    return added


def _share_figures(ledger: Path, clones: list[str]) -> None:
    """Each figure of an original article also lists its clones (the ledger's flow lists,
    `articles: [a, b]`, edited in place so the file keeps its form), so a clone's key-figures
    table is as full as its original's."""
    if not ledger.exists() or not clones:
        return

    def with_clones(match: re.Match) -> str:
        slugs = [s.strip() for s in match.group(2).split(",") if s.strip()]
        return f"{match.group(1)}[{', '.join(slugs + [c for c in clones if c.rsplit('-copy-', 1)[0] in slugs])}]"

    ledger.write_text(ARTICLES_LIST.sub(with_clones, ledger.read_text(encoding="utf-8")), encoding="utf-8")


class _Tagged:
    """A YAML value with a tag PyYAML's safe loader does not build (!ENV, !!python/…), kept as written."""

    def __init__(self, tag: str, value):
        self.tag, self.value = tag, value


class _KeepTagsLoader(yaml.SafeLoader):
    pass


class _KeepTagsDumper(yaml.SafeDumper):
    pass


def _load_tagged(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(node.tag, loader.construct_sequence(node, deep=True))
    if isinstance(node, yaml.MappingNode):
        return _Tagged(node.tag, loader.construct_mapping(node, deep=True))
    return _Tagged(node.tag, loader.construct_scalar(node))


def _dump_tagged(dumper: yaml.SafeDumper, value: _Tagged) -> yaml.Node:
    if isinstance(value.value, list):
        return dumper.represent_sequence(value.tag, value.value)
    if isinstance(value.value, dict):
        return dumper.represent_mapping(value.tag, value.value)
    return dumper.represent_scalar(value.tag, value.value)


_KeepTagsLoader.add_multi_constructor("", _load_tagged)
_KeepTagsDumper.add_representer(_Tagged, _dump_tagged)


def stock_config(project_config: str, search: bool = True) -> str:
    """The project's mkdocs.yml without what needs the project's code: hooks, theme overrides
    (overrides/main.html calls the hooks' helpers) and the site's own CSS and JavaScript; without
    Material's search plugin too unless `search`."""
    config = yaml.load(project_config, Loader=_KeepTagsLoader)
    for key in ("hooks", "extra_css", "extra_javascript"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    if not search:
        config["plugins"] = [p for p in config["plugins"] if p != "search" and not (isinstance(p, dict) and "search" in p)]
    return yaml.dump(config, Dumper=_KeepTagsDumper, allow_unicode=True, sort_keys=False)


def synthetic_site(root: Path, dest: Path, articles: int | None = None) -> Path:
    """A copy of the project in `dest` with `articles` articles per language (None: the real
    ones only), and its stock configuration beside its mkdocs.yml."""
    copy_project(root, dest)
    if articles is not None:
        add_articles(dest, articles)
    project = (dest / PROJECT_CONFIG).read_text(encoding="utf-8")
    (dest / STOCK_CONFIG).write_text(stock_config(project), encoding="utf-8")
    (dest / BARE_CONFIG).write_text(stock_config(project, search=False), encoding="utf-8")
    return dest


def counts(site_root: Path) -> tuple[int, int]:
    """(articles per language, Markdown pages of every language: what both configurations render)."""
    loaded = content_module.load(Site.load(site_root / PROJECT_CONFIG))
    return len(loaded.article_slugs), len(loaded.pages)


# ---------------------------------------------------------------- measuring


class BuildFailed(RuntimeError):
    pass


@dataclass
class Build:
    seconds: float  # wall time
    cpu_seconds: float  # user + system time of the build process (less moved by other work)
    peak_kib: int  # the build process's peak resident memory
    search_files: dict[str, tuple[int, int]]  # file under search/ -> (bytes, bytes served)


def search_files(site_dir: Path) -> dict[str, tuple[int, int]]:
    """Every file under the built search/ folder: its size, raw and as Pages serves it (gzipped
    if it is text; Pagefind's own files are compressed already)."""
    sizes = {}
    for path in sorted((site_dir / "search").rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            served = len(gzip.compress(data, mtime=0)) if path.suffix in COMPRESSIBLE else len(data)
            sizes[path.relative_to(site_dir).as_posix()] = (len(data), served)
    return sizes


def measure_build(site_root: Path, config_name: str, out: Path) -> Build:
    """Build once in a child process: its wall time and, from wait4, its CPU time and peak memory."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen(build_command(out, config_name), cwd=site_root, env=build_env(), stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
        if child.returncode != 0:
            log.seek(0)
            raise BuildFailed(f"{config_name} in {site_root} failed:\n{log.read().decode(errors='replace')}")
    return Build(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, search_files(out))


def serve_command(address: str) -> list[str]:
    """`make serve`, as the Makefile runs it."""
    return [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", address]


def fetch(url: str) -> str | None:
    """The body of the page at `url`, or None while nothing is served there."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def cpu_seconds_of(pid: int) -> float:
    """User + system time a running process has used (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Refresh:
    """Edit-to-refresh times of `make serve`, per edit: wall seconds, and the CPU seconds the
    server used meanwhile (what the wait would be on a machine of its own)."""

    seconds: list[float]
    cpu_seconds: list[float]


def measure_refresh(site_root: Path, edits: int = 3, first_build_timeout: float = 900) -> Refresh:
    """From saving an edit of an article to `make serve` serving its page with the edit, for each
    of `edits` edits: the Arabic page of the site's last article gains a paragraph, then its
    address is fetched every 50 ms until the paragraph is there. The file is restored after."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    site = Site.load(site_root / PROJECT_CONFIG)
    slug = content_module.load(site).article_slugs[-1]
    source = site.docs_dir / site.default_language / ARTICLES / f"{slug}.md"
    original = source.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}/{ARTICLES}/{slug}/"
    times = Refresh([], [])
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(serve_command(f"127.0.0.1:{port}"), cwd=site_root, env=build_env(), stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + first_build_timeout
            while fetch(url) is None:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise BuildFailed(f"make serve did not serve {url}:\n{log.read().decode(errors='replace')[-3000:]}")
                time.sleep(0.5)
            for edit in range(1, edits + 1):
                mark = f"refresh mark {edit} {time.time_ns()}"
                time.sleep(1.1)  # a new modification time, whatever the file system's resolution
                used = cpu_seconds_of(server.pid)
                source.write_text(f"{original.rstrip()}\n\n{mark}\n", encoding="utf-8")
                saved = time.perf_counter()
                while mark not in (fetch(url) or ""):
                    if time.perf_counter() - saved > 300 or server.poll() is not None:
                        log.seek(0)
                        raise BuildFailed(f"the edit never showed at {url}:\n{log.read().decode(errors='replace')[-3000:]}")
                    time.sleep(0.05)
                times.seconds.append(time.perf_counter() - saved)
                times.cpu_seconds.append(cpu_seconds_of(server.pid) - used)
        finally:
            source.write_text(original, encoding="utf-8")
            server.terminate()
            server.wait(timeout=30)
    return times


# ---------------------------------------------------------------- figures


@dataclass
class Variant:
    """The repeated builds of one configuration of one site, summarised by their medians."""

    builds: list[Build]

    @property
    def seconds(self) -> float:
        return statistics.median(b.seconds for b in self.builds)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(b.cpu_seconds for b in self.builds)

    @property
    def peak_mib(self) -> float:
        return statistics.median(b.peak_kib for b in self.builds) / 1024

    @property
    def search_files(self) -> dict[str, tuple[int, int]]:
        return self.builds[-1].search_files  # the same in every build

    @property
    def search_bytes(self) -> tuple[int, int]:
        """(raw, served) bytes of the whole search/ folder."""
        files = self.search_files.values()
        return sum(raw for raw, _ in files), sum(zipped for _, zipped in files)


@dataclass
class Size:
    label: str  # "real" or "synthetic"
    articles: int  # per language
    pages: int  # Markdown pages, every language
    variants: dict[str, Variant] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.variants["project"].seconds / self.variants["stock"].seconds

    @property
    def cpu_ratio(self) -> float:
        return self.variants["project"].cpu_seconds / self.variants["stock"].cpu_seconds

    @property
    def cold_cpu_ratio(self) -> float:
        return self.variants["project-cold"].cpu_seconds / self.variants["stock"].cpu_seconds

    def per_page_ms(self, variant: str) -> float:
        return self.variants[variant].seconds / self.pages * 1000


def measure_size(site_root: Path, label: str, repeat: int, out_root: Path, report=lambda line: None, warm_up: bool = True) -> Size:
    """Each variant built `repeat` times, taking turns, so that load from other work falls on all,
    after one build of each configuration that is not measured (`warm_up`: it draws the social
    images, which are measured on their own, and leaves what the next build may reuse)."""
    size = Size(label, *counts(site_root), {name: Variant([]) for name in VARIANTS})
    for config_name in dict.fromkeys(VARIANTS.values()) if warm_up else ():
        measure_build(site_root, config_name, out_root / "warm-up")
    for run in range(1, repeat + 1):
        for name, config_name in VARIANTS.items():
            if name == "project-cold":
                for cache in COLD_CLEARS:
                    shutil.rmtree(site_root / cache, ignore_errors=True)
            build = measure_build(site_root, config_name, out_root / name)
            size.variants[name].builds.append(build)
            report(f"{size.articles} articles/language, {name} build {run}/{repeat}: {build.seconds:.2f} s")
    return size


@dataclass
class Floor:
    """What the project's build cannot go below whatever its own code costs: stock's build without
    its search (the same pages, theme and languages) plus the project's search index made alone
    (Pagefind on the project's built pages, and the copy of them it reads). Medians of CPU seconds."""

    bare_cpu_seconds: float
    search_cpu_seconds: float

    @property
    def cpu_seconds(self) -> float:
        return self.bare_cpu_seconds + self.search_cpu_seconds

    def ratio(self, size: Size) -> float:
        return self.cpu_seconds / size.variants["stock"].cpu_seconds


def search_index_cpu_seconds(site_dir: Path, additions: dict[str, str]) -> float:
    """The CPU time of indexing the built site in `site_dir` again with `additions`, as its build
    does (this process's share and Pagefind's)."""
    before = time.process_time(), resource.getrusage(resource.RUSAGE_CHILDREN)
    search.index_site(site_dir, additions)
    after = time.process_time(), resource.getrusage(resource.RUSAGE_CHILDREN)
    children = (after[1].ru_utime + after[1].ru_stime) - (before[1].ru_utime + before[1].ru_stime)
    return after[0] - before[0] + children


def measure_floor(site_root: Path, repeat: int, out_root: Path, report=lambda line: None) -> Floor:
    """`repeat` builds of the stock configuration without search, and as many indexings of the
    project's last build under `out_root` (measure_size's)."""
    bare, indexing = [], []
    additions = search.index_additions(content_module.load(Site.load(site_root / PROJECT_CONFIG)))
    for run in range(1, repeat + 1):
        bare.append(measure_build(site_root, BARE_CONFIG, out_root / "stock-bare").cpu_seconds)
        indexing.append(search_index_cpu_seconds(out_root / "project", additions))
        report(f"floor {run}/{repeat}: stock without search {bare[-1]:.2f} s, the search index alone {indexing[-1]:.2f} s of CPU")
    return Floor(statistics.median(bare), statistics.median(indexing))


def cpu_per_added_article_ms(smaller: Size, larger: Size, variant: str) -> float:
    """The CPU time each article adds to the build, from the smaller site to the larger. (CPU, not
    wall time: sizes are built minutes apart, and other work on the machine changes in between.)"""
    added = larger.variants[variant].cpu_seconds - smaller.variants[variant].cpu_seconds
    return added / (larger.articles - smaller.articles) * 1000


def format_table(sizes: list[Size]) -> str:
    header = ("articles/lang", "pages", "stock s", "project s", "ratio", "CPU ratio", "cold s", "cold CPU ratio",
              "peak MiB stock/project", "search KiB raw/gzip: stock", "project")
    rows = [header]
    for size in sizes:
        stock, project = size.variants["stock"], size.variants["project"]
        (stock_raw, stock_gz), (project_raw, project_gz) = stock.search_bytes, project.search_bytes
        rows.append((
            f"{size.articles} ({size.label})" if size.label == "real" else str(size.articles),
            str(size.pages),
            f"{stock.seconds:.2f}",
            f"{project.seconds:.2f}",
            f"{size.ratio:.2f}×",
            f"{size.cpu_ratio:.2f}×",
            f"{size.variants['project-cold'].seconds:.2f}",
            f"{size.cold_cpu_ratio:.2f}×",
            f"{stock.peak_mib:.0f} / {project.peak_mib:.0f}",
            f"{stock_raw / 1024:.0f} / {stock_gz / 1024:.0f}",
            f"{project_raw / 1024:.0f} / {project_gz / 1024:.0f}",
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.rjust(width) for cell, width in zip(row, widths)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def verdicts(sizes: list[Size], refresh: Refresh | None = None, floor: Floor | None = None) -> tuple[list[str], bool]:
    """Lines on the targets, and whether all are met: at the largest size, the project's build
    within TARGET_RATIO of stock's CPU time and (when measured) the median edit-to-refresh time of
    `make serve` within REFRESH_TARGET (in the server's CPU time, as the build's ratio: on a shared
    machine the wall time says more about the other work); at every size, time growing no worse than linearly with the
    articles: the CPU time an article adds between the two largest sizes no more than between the
    two before (per page, time rises anyway: the larger the site, the more of its pages are long
    articles). With `floor` (measured at the largest size), what no work on the project's own code
    can bring the ratio below."""
    largest = sizes[-1]
    ratio_met = largest.cpu_ratio <= TARGET_RATIO
    lines = [f"project within {TARGET_RATIO}× of stock at {largest.articles} articles/language: {'yes' if ratio_met else 'NO'}"
             f" (CPU {largest.cpu_ratio:.2f}×, wall {largest.ratio:.2f}×; with nothing kept from an earlier build, "
             f"as on a fresh clone: CPU {largest.cold_cpu_ratio:.2f}×)"]
    if floor:
        lines.append(f"  its floor: stock without its search {floor.bare_cpu_seconds:.2f} s + the project's search index "
                     f"made alone {floor.search_cpu_seconds:.2f} s = {floor.cpu_seconds:.2f} s "
                     f"of CPU, {floor.ratio(largest):.2f}× stock, were the project's own hooks, checks and templates free")
    refresh_met = True
    if refresh:
        median = statistics.median(refresh.cpu_seconds)
        refresh_met = median <= REFRESH_TARGET
        lines.append(f"edit to refresh under make serve at {largest.articles} articles/language within {REFRESH_TARGET:g} s: "
                     f"{'yes' if refresh_met else 'NO'} (CPU: median {median:.2f} s of " + ", ".join(f"{t:.2f}" for t in refresh.cpu_seconds)
                     + "; wall: " + ", ".join(f"{t:.2f}" for t in refresh.seconds) + " s)")
    growth_met = True
    for variant in VARIANTS:
        line = f"{variant}: time per page " + " → ".join(f"{size.per_page_ms(variant):.1f}" for size in sizes) + " ms"
        if len(sizes) >= 3:
            first, middle, last = sizes[-3:]
            before = cpu_per_added_article_ms(first, middle, variant)
            after = cpu_per_added_article_ms(middle, last, variant)
            linear = after <= before * GROWTH_TOLERANCE
            if variant == "project":
                growth_met = linear
            line += (f"; each added article costs {before:.1f} ms of CPU ({first.articles} → {middle.articles}), "
                     f"then {after:.1f} ms ({middle.articles} → {last.articles}): ×{after / before:.2f}, "
                     f"{'linear or better' if linear else 'WORSE than linear'}")
        lines.append(line)
    return lines, ratio_met and refresh_met and growth_met


def figures(sizes: list[Size], refresh: Refresh | None = None, floor: Floor | None = None) -> dict:
    """Everything measured, for JSON: each build of each size and variant, the medians, and the
    edit-to-refresh times of `make serve` at the largest size."""
    return {
        "target_ratio": TARGET_RATIO,
        "refresh_target_seconds": REFRESH_TARGET,
        "refresh_seconds": refresh.seconds if refresh else [],
        "refresh_cpu_seconds": refresh.cpu_seconds if refresh else [],
        "floor_cpu_seconds": {"stock_without_search": floor.bare_cpu_seconds, "search_index_alone": floor.search_cpu_seconds} if floor else None,
        "sizes": [
            {
                "label": size.label, "articles_per_language": size.articles, "pages": size.pages,
                "ratio": size.ratio, "cpu_ratio": size.cpu_ratio,
                "variants": {
                    name: {
                        "median_seconds": variant.seconds, "median_cpu_seconds": variant.cpu_seconds,
                        "median_peak_mib": variant.peak_mib,
                        "builds": [{"seconds": b.seconds, "cpu_seconds": b.cpu_seconds, "peak_kib": b.peak_kib}
                                   for b in variant.builds],
                        "search_files": {path: {"bytes": raw, "gzip_bytes": zipped}
                                         for path, (raw, zipped) in variant.search_files.items()},
                    }
                    for name, variant in size.variants.items()
                },
            }
            for size in sizes
        ],
    }
