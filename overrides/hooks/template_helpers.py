"""Give the theme's templates what they need beyond Material's own: the interface labels of
data/labels.yml, as label("key"), and absolute_url(link) for hreflang and Open Graph links."""
from urllib.parse import urljoin

from explainer import build
from explainer.render import Labels


def on_env(env, config, files):
    env.globals["label"] = Labels(build.current(config), config.theme["language"])
    # Links are site-relative ("en/about/") or, on the 404 pages, absolute paths ("/repo/en/").
    env.globals["absolute_url"] = lambda link: urljoin(config.site_url or "", link)
    return env
