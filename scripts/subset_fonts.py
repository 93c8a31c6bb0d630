#!/usr/bin/env python3
"""Make the site's self-hosted web fonts from IBM Plex Sans Arabic (its Arabic and its Latin,
which is IBM Plex Sans), cut down to the characters the site writes, as woff2 (a maintainer's
tool; the results are committed).

    pip install fonttools==4.68.0 brotli==1.2.1
    npm pack @fontsource/ibm-plex-sans-arabic@5.3.0 && tar xzf fontsource-ibm-plex-sans-arabic-5.3.0.tgz
    python3 scripts/subset_fonts.py package

The family is under the SIL Open Font License 1.1 (docs/assets/fonts/OFL.txt). Every byte here
is paid on a reader's first visit: the cuts below took the Arabic face from 18 to 10 KB, and the
Latin its Arabic pages need adds 5.5 KB to that one file.

The social images are drawn with the complete faces (every Arabic and Latin glyph a title may
use), as TrueType, which both Pillow and HarfBuzz (the tests' reference shaper) read:

    npm pack @ibm/plex-sans-arabic@1.1.0 && tar xzf ibm-plex-sans-arabic-1.1.0.tgz
    python3 scripts/subset_fonts.py --social package
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "assets" / "fonts"
SOCIAL_OUT = ROOT / "explainer" / "fonts"
SOCIAL_FACES = ["IBMPlexSansArabic-Bold", "IBMPlexSansArabic-Regular"]
# The letters, short vowels, tatweel and punctuation of Modern Standard Arabic (no Eastern digits:
# the site writes 0–9), the bidi controls and joiners that shaping needs.
ARABIC = "U+060C,U+061B-061C,U+061F,U+0621-063A,U+0640-0652,U+066A-066C,U+0670,U+200C-200F,U+2010-2011,U+FD3E-FD3F"
# Basic Latin and the Latin-1 letters of European names, typographic punctuation, the euro sign.
LATIN = "U+0020-007E,U+00A0-00FF,U+0131,U+0152-0153,U+2013-2014,U+2018-201E,U+2022,U+2026,U+20AC,U+2212"
# What Arabic text holds in Latin: names, digits, «guillemets», the middle dot of the page meta,
# dashes and quotes, and the accented letters of the names it cites. Anything else falls back
# to the reader's system font, letter by letter.
LATIN_IN_ARABIC = ("U+0020-007E,U+00A0,U+00AB,U+00B7,U+00BB,U+2013-2014,U+2018-201E,U+2026,U+20AC,"
                   + ",".join(f"U+{ord(c):04X}" for c in "àáâäçèéêëíîïñóôöúûüßÀÁÂÄÇÈÉÊÖÜ"))
# Arabic joins through GSUB, so it keeps every feature; Latin keeps kerning and ligatures only,
# and the Latin of Arabic pages (short names in brackets) no kerning: its pairs would cost 2 KB.
EVERY_FEATURE = ["*"]
LATIN_FEATURES = ["ccmp", "locl", "kern", "liga", "calt", "mark", "mkmk"]
LATIN_IN_ARABIC_FEATURES = [f for f in LATIN_FEATURES if f != "kern"]
ARABIC_400 = "ibm-plex-sans-arabic-arabic-400-normal.woff2"
LATIN_400 = "ibm-plex-sans-arabic-latin-400-normal.woff2"
LATIN_700 = "ibm-plex-sans-arabic-latin-700-normal.woff2"
FONTS = {  # output: the (source, characters, features) it is made of, merged into one file
    # Arabic pages: one request, one weight (a bold face would add 10 KB to every first visit;
    # browsers embolden 400), and Plex's own Latin, so Latin names and digits in an Arabic line
    # match the letters around them.
    "plex-arabic-400.woff2": [(ARABIC_400, ARABIC, EVERY_FEATURE), (LATIN_400, LATIN_IN_ARABIC, LATIN_IN_ARABIC_FEATURES)],
    "plex-latin-400.woff2": [(LATIN_400, LATIN, LATIN_FEATURES)],
    "plex-latin-700.woff2": [(LATIN_700, LATIN, LATIN_FEATURES)],
}


def cut(source: Path, characters: str, features: list[str], target: Path, flavor: str | None) -> None:
    options = subset.Options()
    options.flavor = flavor
    options.layout_features = features
    options.name_IDs = ["*"]  # keep the copyright and licence names
    options.desubroutinize = True
    options.hinting = False  # a third of the size; phones and high-density screens ignore it
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(characters))
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


def main(package_dir: str) -> int:
    files = Path(package_dir) / "files"
    for output, parts in FONTS.items():
        target = OUT / output
        if len(parts) == 1:
            source, characters, features = parts[0]
            cut(files / source, characters, features, target, "woff2")
        else:  # cut each part, then merge them (same family and units per em) into one face
            with tempfile.TemporaryDirectory() as tmp:
                pieces = [Path(tmp) / f"{i}.ttf" for i in range(len(parts))]
                for piece, (source, characters, features) in zip(pieces, parts):
                    cut(files / source, characters, features, piece, None)
                merged = Merger().merge([str(p) for p in pieces])
                merged.flavor = "woff2"
                merged.save(str(target))
        print(f"{target.name}: {target.stat().st_size} bytes")
    return 0


def social(package_dir: str) -> int:
    """The complete faces of the social images, unpacked from woff2 to TrueType, nothing cut."""
    from fontTools.ttLib import TTFont

    for face in SOCIAL_FACES:
        font = TTFont(str(Path(package_dir) / "fonts" / "complete" / "woff2" / f"{face}.woff2"))
        font.flavor = None
        target = SOCIAL_OUT / f"{face}.ttf"
        font.save(str(target))
        print(f"{target.name}: {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--social"]:
        sys.exit(social(*sys.argv[2:]))
    sys.exit(main(*sys.argv[1:]))
