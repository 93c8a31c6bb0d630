"""Put the HTML that hooks generate back into each page once Markdown has converted it
(explainer.render.html_block: Markdown sees a comment in its place, not the HTML)."""
from mkdocs.plugins import event_priority

from explainer.render import put_back_html_blocks


@event_priority(100)  # first: every other hook reading the page's HTML sees it whole
def on_page_content(html, page, config, files):
    return put_back_html_blocks(html)
