"""`make bench`: a synthetic site passes the project's checks and builds strictly in both
configurations; the stock configuration drops only what needs the project's code; the table,
the targets and the JSON say what the figures say."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.config import load_config

from explainer import bench, checks, content, search
from explainer.site import Site
from scripts import bench as bench_cli
from test_rehearsal import keep_build_cache

ROOT = Path(__file__).resolve().parent.parent


def test_synthetic_site_passes_the_checks_and_builds_in_both_configurations(tmp_path):
    real, _ = bench.counts(ROOT)
    site = bench.synthetic_site(ROOT, tmp_path / "site", real + 2)
    keep_build_cache(site)  # what it shares with this checkout (social images above all) is not made again
    loaded = content.load(Site.load(site / "mkdocs.yml"))
    assert checks.check(loaded) == []
    clones = [slug for slug in loaded.article_slugs if "-copy-" in slug]
    assert len(clones) == 2 and len(loaded.article_slugs) == real + 2
    for slug in clones:
        assert all(loaded.page(lang, f"articles/{slug}.md") for lang in loaded.site.languages)
        assert [e for e in loaded.events if e["articles"] == [slug]], f"{slug} has no events of its own"

    # (No warm-up builds: the copy has this checkout's cache, and each configuration is built anyway.)
    size = bench.measure_size(site, "synthetic", 1, tmp_path / "out", warm_up=False)
    assert size.articles == real + 2
    assert size.pages == len(loaded.pages)
    for name in bench.VARIANTS:
        built = size.variants[name].builds[0]
        assert built.seconds > 0 and built.cpu_seconds > 0 and built.peak_kib > 10_000
        assert built.search_files and all(raw >= served > 0 for raw, served in built.search_files.values())
    # The project's build is the one that adds the generated parts.
    project_page = (tmp_path / "out" / "project" / "articles" / clones[0] / "index.html").read_text(encoding="utf-8")
    stock_page = (tmp_path / "out" / "stock" / "articles" / clones[0] / "index.html").read_text(encoding="utf-8")
    assert 'class="glossary-term"' in project_page and 'class="glossary-term"' not in stock_page

    # The floor: stock builds without its search index, and the project's index is made again.
    index = tmp_path / "out" / "project" / "search" / search.ENTRY
    index.unlink()
    floor = bench.measure_floor(site, 1, tmp_path / "out")
    assert not (tmp_path / "out" / "stock-bare" / "search").exists()
    assert search.pages_per_language(index.parent) == {lang: sum(1 for lang_, _ in loaded.pages if lang_ == lang) for lang in loaded.site.languages}
    assert 0 < floor.bare_cpu_seconds < size.variants["stock"].cpu_seconds * 1.5 and floor.search_cpu_seconds > 0


def test_adding_fewer_articles_than_the_site_has_is_refused(tmp_path):
    site = bench.copy_project(ROOT, tmp_path / "site")
    with pytest.raises(ValueError, match="already has"):
        bench.add_articles(site, 1)


def test_stock_configuration_drops_only_what_needs_the_project_code(tmp_path):
    site = bench.synthetic_site(ROOT, tmp_path / "site")
    project = load_config(config_file=str(site / bench.PROJECT_CONFIG))
    stock = load_config(config_file=str(site / bench.STOCK_CONFIG))
    assert project.hooks and project.theme.custom_dir and project.extra_css and project.extra_javascript
    assert not stock.hooks and stock.theme.custom_dir is None and not stock.extra_css and not stock.extra_javascript
    # (repr: the toc extension's slugify, built by a YAML tag, is a new function object each time)
    for key in ("site_url", "docs_dir", "strict", "nav", "not_in_nav", "validation", "markdown_extensions", "mdx_configs"):
        assert repr(stock[key]) == repr(project[key]), key
    assert list(stock.plugins) == [name for name in project.plugins if name not in project.hooks]
    assert stock.plugins["i18n"].config.languages == project.plugins["i18n"].config.languages
    assert stock.theme["features"] == project.theme["features"]
    bare = load_config(config_file=str(site / bench.BARE_CONFIG))
    assert list(bare.plugins) == [name for name in stock.plugins if name != "material/search"]


def test_a_failed_build_says_why(tmp_path):
    with pytest.raises(bench.BuildFailed, match="missing.yml"):
        bench.measure_build(tmp_path, "missing.yml", tmp_path / "out")


def sized(articles: int, pages: int, stock_seconds: float, project_seconds: float, label: str = "synthetic") -> bench.Size:
    search = {"search/search_index.json": (20480, 4096)}
    return bench.Size(label, articles, pages, {
        "stock": bench.Variant([bench.Build(stock_seconds, stock_seconds, 102400, search)]),
        "project": bench.Variant([bench.Build(project_seconds, project_seconds * 0.9, 153600, {**search, "search/en.json": (10240, 1024)})]),
        "project-cold": bench.Variant([bench.Build(project_seconds * 2, project_seconds * 1.8, 153600, {**search, "search/en.json": (10240, 1024)})]),
    })


def test_table_shows_medians_ratios_memory_and_search_size():
    real = sized(5, 98, 1.0, 1.2, "real")
    real.variants["project"].builds += [bench.Build(9.0, 1.0, 153600, {}), bench.Build(1.4, 1.0, 153600, {})]
    lines = bench.format_table([real, sized(50, 300, 2.0, 2.4)]).splitlines()
    assert lines[0].split() == ["articles/lang", "pages", "stock", "s", "project", "s", "ratio", "CPU", "ratio", "cold", "s",
                                "cold", "CPU", "ratio", "peak", "MiB", "stock/project", "search", "KiB", "raw/gzip:", "stock", "project"]
    assert set(lines[1]) == {"-", " "}
    # The median of 1.2, 9.0 and 1.4; the search size of the last build; 1.4 / 1.0.
    assert lines[2].split() == ["5", "(real)", "98", "1.00", "1.40", "1.40×", "1.00×", "2.40", "2.16×", "100", "/", "150", "20", "/", "4", "0", "/", "0"]
    assert lines[3].split() == ["50", "300", "2.00", "2.40", "1.20×", "1.08×", "4.80", "2.16×", "100", "/", "150", "20", "/", "4", "30", "/", "5"]


def test_verdicts_on_ratio_refresh_and_growth():
    real = sized(5, 100, 1.0, 1.2, "real")
    lines, met = bench.verdicts([real, sized(50, 190, 2.0, 2.4), sized(200, 490, 5.0, 6.0)], bench.Refresh([9.0, 4.0, 3.5], [2.5, 2.9, 3.4]))
    assert met
    assert lines == [
        "project within 2.0× of stock at 200 articles/language: yes (CPU 1.08×, wall 1.20×; "
        "with nothing kept from an earlier build, as on a fresh clone: CPU 2.16×)",
        "edit to refresh under make serve at 200 articles/language within 3 s: yes (CPU: median 2.90 s of 2.50, 2.90, 3.40; wall: 9.00, 4.00, 3.50 s)",
        "stock: time per page 10.0 → 10.5 → 10.2 ms; each added article costs 22.2 ms of CPU (5 → 50), "
        "then 20.0 ms (50 → 200): ×0.90, linear or better",
        "project: time per page 12.0 → 12.6 → 12.2 ms; each added article costs 24.0 ms of CPU (5 → 50), "
        "then 21.6 ms (50 → 200): ×0.90, linear or better",
        "project-cold: time per page 24.0 → 25.3 → 24.5 ms; each added article costs 48.0 ms of CPU (5 → 50), "
        "then 43.2 ms (50 → 200): ×0.90, linear or better",
    ]

    lines, met = bench.verdicts([real, sized(50, 190, 2.0, 2.4), sized(200, 490, 5.0, 12.0)])
    assert not met and lines[0].startswith("project within 2.0× of stock at 200 articles/language: NO (CPU 2.16×, wall 2.40×;")

    lines, met = bench.verdicts([real, sized(50, 190, 2.0, 2.4), sized(200, 490, 5.0, 12.0)], floor=bench.Floor(4.0, 6.5))
    assert not met and lines[1] == ("  its floor: stock without its search 4.00 s + the project's search index made alone 6.50 s "
                                    "= 10.50 s of CPU, 2.10× stock, were the project's own hooks, checks and templates free")

    lines, met = bench.verdicts([real, sized(50, 190, 2.0, 2.4), sized(200, 490, 5.0, 6.0)], bench.Refresh([3.5, 3.1, 2.0], [3.5, 3.1, 2.0]))
    assert not met and lines[1].startswith("edit to refresh under make serve at 200 articles/language within 3 s: NO (CPU: median 3.10 s")

    lines, met = bench.verdicts([real, sized(50, 190, 2.0, 2.4), sized(200, 490, 6.0, 7.2)])
    assert not met and lines[0].startswith("project within 2.0× of stock at 200 articles/language: yes")
    assert lines[2].endswith("then 28.8 ms (50 → 200): ×1.20, WORSE than linear")


def test_cli_prints_the_table_writes_json_and_fails_on_a_missed_target(tmp_path, monkeypatch, capsys):
    measured = {None: sized(5, 98, 1.0, 1.1, "real"), 50: sized(50, 300, 2.0, 2.2), 200: sized(200, 1200, 8.0, 20.8)}
    monkeypatch.setattr(bench, "synthetic_site", lambda root, dest, articles=None: articles)
    monkeypatch.setattr(bench, "measure_size", lambda site, label, repeat, out, report: measured[site])
    monkeypatch.setattr(bench, "measure_refresh", lambda site: bench.Refresh([1.5, 1.25, 2.0], [1.0, 1.25, 0.5]) if site == 200 else None)
    monkeypatch.setattr(bench, "measure_floor", lambda site, repeat, out, report: bench.Floor(6.0, 7.0) if site == 200 else None)
    status = bench_cli.main(["--json", str(tmp_path / "bench.json")])
    out = capsys.readouterr().out
    assert status == 1 and "❌ a target is missed" in out
    assert "project within 2.0× of stock at 200 articles/language: NO (CPU 2.34×, wall 2.60×;" in out
    assert "edit to refresh under make serve at 200 articles/language within 3 s: yes (CPU: median 1.00 s of 1.00, 1.25, 0.50; wall: 1.50, 1.25, 2.00 s)" in out
    figures = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))
    assert [s["articles_per_language"] for s in figures["sizes"]] == [5, 50, 200]
    assert figures["sizes"][2]["variants"]["project"]["search_files"]["search/en.json"] == {"bytes": 10240, "gzip_bytes": 1024}
    assert figures["sizes"][2]["ratio"] == pytest.approx(2.6)
    assert figures["refresh_seconds"] == [1.5, 1.25, 2.0] and figures["refresh_cpu_seconds"] == [1.0, 1.25, 0.5]
    assert "its floor: stock without its search 6.00 s + the project's search index made alone 7.00 s = 13.00 s of CPU, 1.62× stock" in out
    assert figures["floor_cpu_seconds"] == {"stock_without_search": 6.0, "search_index_alone": 7.0}

    measured[200] = sized(200, 1200, 5.0, 6.0)
    assert bench_cli.main(["--json", str(tmp_path / "bench.json")]) == 0
    assert "✅ every target met" in capsys.readouterr().out
