"""Start each page with its title as a Markdown heading, `# Title {#title}`, unless it has one.

Material's skip link leads to the first entry of the table of contents, and Material writes the
title itself (outside the Markdown, so outside the table of contents) when a page has no <h1>.
Without a title heading a page had no skip link at all (the articles index, the timeline) or one
that jumped past its opening (an article's source box, a term's definition). As Markdown, the
title also has its names in the other script marked, like every heading.
"""
import re

from mkdocs.plugins import event_priority

# What Markdown would read as markup in a title (code, emphasis, links, attribute lists, a closing #).
MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]#])")


@event_priority(-100)  # after the hooks that put generated parts (an article's source box) at the top
def on_page_markdown(markdown, page, config, files):
    if markdown.lstrip().startswith("# ") or not page.title:
        return markdown
    title = MARKDOWN_PUNCTUATION.sub(r"\\\1", page.title)
    return f"# {title} {{#title}}\n\n{markdown}"
