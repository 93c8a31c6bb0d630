#!/usr/bin/env python3
"""Make the site's self-hosted web fonts: IBM Plex Sans Arabic and IBM Plex Sans, cut down to
the characters the site writes, as woff2 (a maintainer's tool; the results are committed).

    pip install fonttools==4.68.0 brotli==1.2.1
    npm pack @fontsource/ibm-plex-sans-arabic@5.3.0 @fontsource/ibm-plex-sans@5.3.0
    python3 scripts/subset_fonts.py FONTSOURCE_ARABIC_DIR FONTSOURCE_LATIN_DIR

Both families are under the SIL Open Font License 1.1 (docs/assets/fonts/OFL.txt).
"""
from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

OUT = Path(__file__).resolve().parent.parent / "docs" / "assets" / "fonts"
# Arabic letters, short vowels and punctuation of Modern Standard Arabic (no Eastern digits:
# the site writes 0–9), the bidi controls and joiners that shaping needs.
ARABIC = "U+0600-065F,U+066A-066D,U+0670,U+200C-200F,U+2010-2011,U+FD3E-FD3F"
# Basic Latin and the Latin-1 letters of European names, typographic punctuation, the euro sign.
LATIN = "U+0020-007E,U+00A0-00FF,U+0131,U+0152-0153,U+2013-2014,U+2018-201E,U+2022,U+2026,U+20AC,U+2212"
FONTS = [
    ("arabic", "ibm-plex-sans-arabic-arabic-{w}-normal.woff2", "plex-arabic-{w}.woff2", ARABIC, (400, 700)),
    ("latin", "ibm-plex-sans-latin-{w}-normal.woff2", "plex-latin-{w}.woff2", LATIN, (400, 700)),
]


def main(arabic_dir: str, latin_dir: str) -> int:
    folders = {"arabic": Path(arabic_dir) / "files", "latin": Path(latin_dir) / "files"}
    for kind, source_name, out_name, ranges, weights in FONTS:
        for weight in weights:
            options = subset.Options()
            options.flavor = "woff2"
            options.layout_features = ["*"]  # keep every shaping feature: Arabic joins through GSUB
            options.name_IDs = ["*"]  # keep the copyright and licence names
            options.desubroutinize = True
            font = subset.load_font(str(folders[kind] / source_name.format(w=weight)), options)
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=subset.parse_unicodes(ranges))
            subsetter.subset(font)
            target = OUT / out_name.format(w=weight)
            subset.save_font(font, str(target), options)
            print(f"{target.name}: {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
