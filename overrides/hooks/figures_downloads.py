"""Write the figures ledger as downloads at the root of each language: /figures.csv and
/figures.json for the default language, /<lang>/figures.csv and .json for the others, with the
columns id, label, value, unit, currency, scale, as_of, stated_by, articles (then qualifier,
as_of_precision, theme, note). Labels and "stated by" are in the folder's language. The CSV
starts with a byte-order mark, by which Excel reads it as UTF-8."""
import json
from pathlib import Path

from mkdocs.plugins import event_priority

from explainer import build, figures


@event_priority(-200)  # after the i18n plugin's own post-build, which builds the other languages
def on_post_build(config):
    content = build.current(config)
    site = content.site
    for lang in site.languages:
        folder = Path(config.site_dir) / ("" if lang == site.default_language else lang)
        folder.mkdir(parents=True, exist_ok=True)
        rows = figures.download_rows(content, lang)
        (folder / "figures.csv").write_text(figures.csv_text(rows), encoding=figures.CSV_ENCODING)
        (folder / "figures.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
