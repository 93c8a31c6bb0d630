"""Date every page by Git: the date of its last content change, shown at its end in the page's
language (overrides/partials/source-file.html), and an article's structured data gains
datePublished and dateModified. The dates of all pages come from one `git log` per build
(explainer/history.py)."""
from explainer import build, history


def on_page_context(context, page, config, nav):
    here = build.page_context(page, config)
    dates = history.page_dates(here.content)[(here.lang, here.rel)]
    updated = dates.updated.date().isoformat()
    page.meta["updated"] = {"iso": updated, "text": here.labels.date(updated)}
    data = page.meta.get("structured_data")
    if data:
        data["datePublished"] = dates.published.date().isoformat()
        data["dateModified"] = updated
    return context
