"""The glossary as a whole: which articles use each term, related terms both ways, index order."""
from __future__ import annotations

from .content import LINK, Content, Page, strip_code
from .remember import remembered
from .figures import of_article
from .render import marker
from .terms import TermMatcher, matcher_for, normalise


def complete_terms(content: Content, lang: str) -> list[dict]:
    """Entries that have a term in `lang` (the checks report the others)."""
    return [t for t in content.terms if isinstance(t.get(lang), dict) and isinstance(t[lang].get("term"), str)]


def matcher(content: Content, lang: str) -> TermMatcher:
    """The term matcher of one language, built once per loaded content (its patterns are large)."""
    return content.derived(f"matcher:{lang}", lambda c: matcher_for(complete_terms(c, lang), lang))


def prose(page: Page, content: Content) -> str:
    """The running text of a page, where terms are linked: no headings, code, link texts or HTML;
    an article's key-figures table (generated from data/figures.yml) is read as its labels."""
    kept = []
    for _, line in page.body_lines():
        if line.strip() == marker("key-figures") and page.kind == "article":
            kept += [f[page.lang]["label"] for f in of_article(content, page.slug)]
            continue
        if line.lstrip().startswith(("#", "<")):
            continue
        kept.append(LINK.sub(" ", strip_code(line)))
    return "\n".join(kept)


def terms_in(content: Content, page: Page) -> list[str]:
    """The glossary ids a page's running text mentions, in the order of their first mention (each
    is linked there). Remembered across rebuilds of `make serve` while the page and the data (the
    glossary; the figures an article's table shows) are unchanged."""
    return remembered("terms-in", (page.lang, page.rel, page.body, content.data_version),
                      lambda: list(dict.fromkeys(term_id for _, _, term_id in matcher(content, page.lang).find(prose(page, content)))))


def terms_used(content: Content) -> dict[str, list[str]]:
    """For each glossary id, the slugs of the articles whose text mentions it (in any language)."""
    return content.derived("terms_used", _terms_used)


def _terms_used(content: Content) -> dict[str, list[str]]:
    used: dict[str, set[str]] = {t["id"]: set() for t in content.terms}
    for lang in content.site.languages:
        for page in content.pages_of(lang, "article"):
            for term_id in terms_in(content, page):
                used[term_id].add(page.slug)
    return {k: sorted(v) for k, v in used.items()}


def related_both_ways(content: Content) -> dict[str, list[str]]:
    """Each term's related terms: those it lists and those that list it."""
    return content.derived("related_both_ways", _related_both_ways)


def _related_both_ways(content: Content) -> dict[str, list[str]]:
    ids = {t["id"] for t in content.terms}
    related: dict[str, set[str]] = {i: set() for i in ids}
    for term in content.terms:
        for other in term.get("related") or []:
            if other in ids and other != term["id"]:
                related[term["id"]].add(other)
                related[other].add(term["id"])
    return {k: sorted(v) for k, v in related.items()}


def sort_key(term: str, lang: str) -> str:
    """Dictionary order: Arabic ignores the article ال, hamza seats and short vowels; English ignores case."""
    norm = normalise(term)[0]
    if lang == "ar" and norm.startswith("ال") and len(norm) > 3:
        norm = norm[2:]
    return norm


def initial(term: str, lang: str) -> str:
    """The letter a term is filed under in the index."""
    key = sort_key(term, lang)
    return key[:1].upper() if key else "#"
