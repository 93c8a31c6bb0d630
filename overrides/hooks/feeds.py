"""Each language's Atom feed (feed.xml, en/feed.xml; explainer/feeds.py) and the link to it in
every page's head (main.html reads feed_url). Each language's build writes its own feed, with
that language's site name and description."""
from pathlib import Path

from explainer import build, feeds


def _language(config) -> str:
    return config.theme["language"]


def on_env(env, config, files):
    site = build.current(config).site
    env.globals["feed_url"] = feeds.feed_url(config.site_url or "", _language(config), site.default_language)
    env.globals["feed_type"] = feeds.TYPE
    return env


def on_post_build(config):
    content = build.current(config)
    lang = _language(config)
    target = Path(config.site_dir) / feeds.feed_path(lang, content.site.default_language)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(feeds.atom(content, lang, config.site_url or "", config.site_name, config.site_description))
