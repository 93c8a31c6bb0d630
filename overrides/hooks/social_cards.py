"""A social preview image for every page, in its language (explainer/social.py draws it):
assets/social/<page address>.png, which main.html names in og:image with its size and alt text.
Images are drawn into a cache folder (.cache/social/, by a hash of what they show) and copied
into the site, so a build redraws only the pages whose card changed. The build stops, with
what to install, if Pillow cannot shape Arabic."""
import shutil
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError

from explainer import build, social

FOLDER = "assets/social"


def on_config(config):
    try:
        social.require_raqm()
    except social.RaqmMissing as err:
        raise PluginError(str(err)) from None


def card_for(page, config, here) -> social.Card:
    kinds = {"article": "social.article", "term": "social.term", "entity": "social.entity"}
    source = here.source
    kind = here.labels(kinds[source.kind]) if source and source.kind in kinds else ""
    # A home page's title is the site's name, already on every card: it shows what the site is.
    title = config.site_description if page.is_homepage or page.url == f"{here.lang}/" else page.title
    return social.Card(lang=here.lang, kind=kind, title=str(title), site_name=config.site_name)


def on_page_context(context, page, config, nav):
    here = build.page_context(page, config)
    card = card_for(page, config, here)
    name = f"{FOLDER}/{page.url.rstrip('/') or 'index'}.png"
    target = Path(config.site_dir) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(social.cached_png(card, here.content.site.root / social.CACHE), target)
    page.meta["social_image"] = {
        "url": urljoin(config.site_url or "", name), "alt": card.alt, "width": social.WIDTH, "height": social.HEIGHT,
    }
    return context
