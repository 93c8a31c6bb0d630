"""Add an article page's generated parts around what its author wrote: the dek and source box,
the English summary, the link to the full Arabic explainer, its timeline events, related
articles and corrections. Each comes from one place (the Arabic page's front matter,
data/timeline.yml), so both language pages show the same facts. The HTML is article_parts.html, next to this file.
"""
import re
from pathlib import Path

from markupsafe import Markup

from explainer import build, corrections, stories
from explainer.render import html_block, render
from explainer.site import direction

TEMPLATE = Path(__file__).with_suffix(".html")
CONTEXT_HEADING = re.compile(r"^##[^\n]*\{#context\}[^\n]*$", re.M)


def paragraphs(text: str) -> Markup:
    """Plain text with blank lines between paragraphs, as HTML paragraphs (no markup passes)."""
    return Markup("\n").join(Markup("<p>{}</p>").format(" ".join(p.split())) for p in text.split("\n\n") if p.strip())


def structured_data(article, source: dict, lang: str, url: str | None, site_name: str) -> dict:
    """schema.org Article for this page, based on the source article (its publisher and date)."""
    based_on = {"@type": "Article", "headline": source["title"], "inLanguage": source["language"]}
    if source["date"]:
        based_on["datePublished"] = source["date"]
    for field, kind in (("publisher", "Organization"), ("author", "Person")):
        if source[field] != "not stated":
            based_on[field] = {"@type": kind, "name": source[field]}
    if source["url"] != "not stated":
        based_on["url"] = source["url"]
    data = {
        "@context": "https://schema.org", "@type": "Article", "headline": article.title,
        "description": (article.meta or {}).get("description", ""), "inLanguage": lang,
        "publisher": {"@type": "Organization", "name": site_name}, "isBasedOn": based_on,
    }
    if url:
        data["url"] = data["mainEntityOfPage"] = url
    return data


UNSTATED_FIELDS = ("title", "publisher", "author", "original_language", "url")


def unstated_sentence(source: dict, t) -> str:
    """One sentence naming what the source does not state ("" when it states everything), in the
    page's language: «لا يذكر المقال عنوانه ولا ناشره…», "The article does not state its title, …"."""
    missing = [t(f"source.unstated.{field}") for field in UNSTATED_FIELDS if source[field] == "not stated"]
    if not missing:
        return ""
    fields = missing[0] if len(missing) == 1 else (
        t("source.unstated.separator").join(missing[:-1]) + t("source.unstated.last_separator") + missing[-1])
    return t("source.unstated").replace("{fields}", fields)


def on_page_markdown(markdown, page, config, files):
    here = build.page_context(page, config)
    source_page = here.source
    if source_page is None or source_page.kind != "article":
        return markdown
    content, lang, rel, t = here.content, here.lang, here.rel, here.labels
    default = here.default_language
    meta = content.article_meta(source_page.slug)

    def part(name, **extra):
        return html_block(render(TEMPLATE, part=name, lang=lang, t=t, **extra))

    arabic_page = content.page(default, rel)
    header = part(
        "header",
        dek=(source_page.meta or {}).get("description", ""),
        source=meta["source"],
        source_dir=direction(meta["source"]["language"]),
        unstated=unstated_sentence(meta["source"], t),
        default_language=default,
        full_explainer_url=here.link(rel, lang=default) if lang != default else "",
        full_explainer_title=arabic_page.title if arabic_page else "",
    )
    summary = f"## {t('article.summary')} {{#summary-en}}\n\n" + part(
        "summary", summary_html=paragraphs(meta["summary_en"])
    )
    events = stories.events_of(content, source_page.slug)
    timeline_url = here.link("timeline.md")
    tail = ""
    if events:
        tail += f"\n\n## {t('article.events')} {{#events}}\n\n" + part("events", events=events, timeline_url=timeline_url)
    related_slugs = stories.related(content, source_page.slug)
    if related_slugs:
        related = []
        for slug in related_slugs:
            other = content.page(lang, f"articles/{slug}.md")
            related.append({
                "url": here.link(f"articles/{slug}.md"),
                "title": other.title,
                "dek": (other.meta or {}).get("description", ""),
            })
        tail += f"\n\n## {t('article.related')} {{#related}}\n\n" + part("related", related=related)
    fixed = corrections.of_article(content, source_page.slug)
    if fixed:
        tail += f"\n\n## {t('corrections.heading')} {{#corrections}}\n\n" + part("corrections", corrections=fixed)

    page.meta["structured_data"] = structured_data(source_page, meta["source"], lang, page.canonical_url, config.site_name)
    if lang == default:
        # The English block follows «باختصار», just before the context section.
        body = CONTEXT_HEADING.sub(lambda m: summary + "\n\n" + m.group(0), markdown, count=1)
    else:
        body = summary + "\n\n" + markdown
    return header + "\n\n" + body + tail + "\n"
