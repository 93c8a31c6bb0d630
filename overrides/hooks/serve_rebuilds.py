"""Under `make serve` (mkdocs serve --dirty), rebuild after an edit only the pages it changes, so
the page being written refreshes in a second or two even on a large site: the edited page and its
counterparts in the other languages (an article's English page shows the Arabic page's front
matter). An edit to data/, overrides/ or mkdocs.yml changes pages everywhere: every page is
rebuilt. Lists on other pages (article cards, a term's "appears in", related articles) follow at
the next full rebuild: a data edit, or restarting `make serve`. Search is indexed again in the
background after each rebuild (overrides/hooks/search_index.py). A plain build (`make build`, CI)
always builds every page."""
import logging
import os
from pathlib import Path

from mkdocs.plugins import event_priority

from explainer.build import DIRTY
from explainer.render import page_rel

DIRTY_WARNING = "A 'dirty' build is being performed"


class AskedForDirtyBuild(logging.Filter):
    """MkDocs warns of every dirty build, and strict mode (mkdocs.yml) would stop on that warning:
    here the dirty build is what was asked for, so it is said as information; other warnings stay."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and record.getMessage().startswith(DIRTY_WARNING):
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def on_config(config):
    builds = logging.getLogger("mkdocs.commands.build")
    if DIRTY and not any(type(f).__name__ == AskedForDirtyBuild.__name__ for f in builds.filters):
        builds.addFilter(AskedForDirtyBuild())  # once: mkdocs serve loads this hook again for every rebuild


def newest_change(*paths: Path) -> float:
    """The latest modification time of the files at or under `paths`."""
    newest = 0.0
    for path in paths:
        if path.is_file():
            newest = max(newest, path.stat().st_mtime)
        for folder, _, names in os.walk(path):
            newest = max([newest, *(os.stat(os.path.join(folder, n)).st_mtime for n in names)])
    return newest


def _modified_since(file, changed: float):
    stock = file.is_modified
    return lambda: stock() or not os.path.isfile(file.abs_dest_path) or os.path.getmtime(file.abs_dest_path) < changed


@event_priority(-200)  # after the i18n plugin's (-100), which makes each file anew for its language
def on_files(files, config):
    if not DIRTY:
        return files
    root = Path(config.config_file_path).resolve().parent
    shared = newest_change(root / "data", Path(config.theme.custom_dir), Path(config.config_file_path))
    docs = Path(config.docs_dir)
    languages = tuple(lang.locale for lang in config.plugins["i18n"].config.languages)
    for file in files.documentation_pages():
        _, rel = page_rel(file.src_uri, languages)
        counterparts = newest_change(*(docs / lang / rel for lang in languages))
        file.is_modified = _modified_since(file, max(shared, counterparts))
    return files
