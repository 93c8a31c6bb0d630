"""Social preview images (Open Graph, 1200×630 PNG): a page's title on the site's teal, with its
kind and the site's name, in the page's language and direction.

Arabic is shaped by Pillow's Raqm layout (HarfBuzz for the letters' joined forms, FriBiDi for the
order of mixed Arabic and Latin runs); without Raqm Pillow would draw the letters unjoined and
left to right, so `require_raqm` stops the build instead. Text is never reshaped beforehand (it
would be shaped twice). Images are cached by a hash of everything they are drawn from, so an
unchanged page is not drawn again.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, features

from .site import direction

CACHE = ".cache/social"  # under the project's root: cards drawn by earlier builds (gitignored)
WIDTH, HEIGHT = 1200, 630
MARGIN = 80
FONTS = Path(__file__).parent / "fonts"  # IBM Plex Sans Arabic, complete (OFL: docs/assets/fonts/OFL.txt)
BOLD, REGULAR = FONTS / "IBMPlexSansArabic-Bold.ttf", FONTS / "IBMPlexSansArabic-Regular.ttf"
# The site's palette (docs/assets/stylesheets/site.css): the header's teal, its darker shade, the
# dark scheme's link teal and accent.
TEAL, TEAL_DARK, TEAL_LIGHT, ACCENT, WHITE = "#0b525a", "#073a40", "#7fd1d6", "#f0a07f", "#ffffff"
TITLE_SIZES = (68, 60, 52, 46)  # the largest at which the title fits in its lines
TITLE_LINES = 4
COLOURS = 48  # palette entries of the saved PNG: flat colours and anti-aliased text need few


class RaqmMissing(RuntimeError):
    pass


def require_raqm() -> None:
    """Stop with a clear message if Pillow cannot shape Arabic."""
    if not features.check("raqm"):
        raise RaqmMissing(
            "social images need Pillow's Raqm text layout to shape Arabic, and Raqm needs the system's "
            "FriBiDi library: install it (Debian/Ubuntu: apt-get install libfribidi0; `make build` does "
            "this when run as root), then build again"
        )


@dataclass(frozen=True)
class Card:
    lang: str
    kind: str  # shown above the title ("شرح", "Glossary term"); may be empty
    title: str
    site_name: str

    @property
    def alt(self) -> str:
        return " — ".join(filter(None, [self.title, self.kind, self.site_name]))

    def key(self) -> str:
        """Everything the image is drawn from: the card's text, this drawing code and the fonts."""
        digest = hashlib.sha256(json.dumps([self.lang, self.kind, self.title, self.site_name]).encode())
        for path in (Path(__file__), BOLD, REGULAR):
            digest.update(_file_hash(path))
        return digest.hexdigest()[:32]


@lru_cache(maxsize=None)
def _file_hash(path: Path) -> bytes:
    return hashlib.sha256(path.read_bytes()).digest()


@lru_cache(maxsize=None)
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)


def _layout(lang: str) -> dict:
    return {"direction": direction(lang), "language": lang}


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int, lang: str) -> list[str]:
    """Lines of whole words, each at most `width` wide as shaped (a longer word has a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate, **_layout(lang)) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _fit_title(title: str, lang: str, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    for size in TITLE_SIZES:
        font = _font(BOLD, size)
        lines = wrap(title, font, width, lang)
        if len(lines) <= TITLE_LINES:
            return font, lines
    lines = wrap(title, font, width, lang)
    return font, lines[: TITLE_LINES - 1] + [" ".join(lines[TITLE_LINES - 1:])]


def draw(card: Card) -> Image.Image:
    rtl = direction(card.lang) == "rtl"
    layout = _layout(card.lang)
    image = Image.new("RGB", (WIDTH, HEIGHT), TEAL)
    pen = ImageDraw.Draw(image)
    # The start edge (right in Arabic) carries an accent band; text lines up on that side.
    band = (WIDTH - 24, 0, WIDTH, HEIGHT) if rtl else (0, 0, 24, HEIGHT)
    pen.rectangle(band, fill=ACCENT)
    pen.rectangle((0, HEIGHT - 120, WIDTH, HEIGHT), fill=TEAL_DARK)
    start = WIDTH - MARGIN if rtl else MARGIN
    anchor = "r" if rtl else "l"

    if card.kind:
        pen.text((start, MARGIN), card.kind, font=_font(BOLD, 34), fill=TEAL_LIGHT, anchor=anchor + "t", **layout)
    font, lines = _fit_title(card.title, card.lang, WIDTH - 2 * MARGIN - 24)
    line_height = round(font.size * 1.45)
    top = MARGIN + 70 + (TITLE_LINES * line_height - len(lines) * line_height) // 2
    for number, line in enumerate(lines):
        pen.text((start, top + number * line_height), line, font=font, fill=WHITE, anchor=anchor + "t", **layout)

    # The site's mark (the favicon's rounded "AI" square) and name, in the footer band.
    mark = 64
    mark_x = WIDTH - MARGIN - mark if rtl else MARGIN
    mark_y = HEIGHT - 60 - mark // 2
    pen.rounded_rectangle((mark_x, mark_y, mark_x + mark, mark_y + mark), radius=12, fill=TEAL, outline=TEAL_LIGHT, width=2)
    pen.text((mark_x + mark // 2, mark_y + mark // 2), "AI", font=_font(BOLD, 30), fill=WHITE, anchor="mm", direction="ltr", language="en")
    name_x = mark_x - 24 if rtl else mark_x + mark + 24
    pen.text((name_x, HEIGHT - 60), card.site_name, font=_font(REGULAR, 32), fill=WHITE, anchor=anchor + "m", **layout)
    return image


def png(card: Card) -> bytes:
    """The card as a small PNG: a palette of a few dozen colours (no dithering, so flat areas stay
    flat), which keeps it near 20 kB; the fast quantizer and zlib's default level keep it quick."""
    out = io.BytesIO()
    draw(card).quantize(COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(out, "PNG")
    return out.getvalue()


def cached_png(card: Card, cache: Path) -> Path:
    """The card's PNG in the cache folder, drawn only if no earlier build drew the same card."""
    path = cache / f"{card.key()}.png"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(png(card))
        partial.replace(path)  # whole or absent, even if two builds run at once
    return path
