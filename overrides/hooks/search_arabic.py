"""Make Arabic search forgiving of spelling: fold hamza seats, ى/ي and ة/ه before Material's
Arabic stemmer (lunr-languages) runs, by appending search_arabic.js to the built lunr.ar."""
from pathlib import Path

from mkdocs.plugins import event_priority

SCRIPT = Path(__file__).with_suffix(".js")
LUNR_ARABIC = "assets/javascripts/lunr/min/lunr.ar.min.js"


@event_priority(-200)  # after every language is built
def on_post_build(config):
    target = Path(config.site_dir) / LUNR_ARABIC
    text = target.read_text(encoding="utf-8")
    addition = SCRIPT.read_text(encoding="utf-8")
    if addition not in text:
        target.write_text(text + "\n" + addition, encoding="utf-8")
