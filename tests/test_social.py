"""Social preview images: every page names one (absolute, with its size and alt text) that exists,
is a 1200×630 PNG of at most 80 kB; Arabic is shaped (as HarfBuzz shapes it, not letter by
letter) and laid out right to left; images are cached by what they show; a Pillow that cannot
shape Arabic stops the build."""
from __future__ import annotations

import io
from urllib.parse import urlparse

import pytest
import uharfbuzz as hb
from PIL import Image, ImageDraw, ImageFont

from builtsite import ROOT
from explainer import bench, social, social_bench
from explainer.render import url_of

MAX_BYTES = 80_000


def meta_of(root) -> dict:
    return {m.get("name") or m.get("property"): m.get("content") for m in root.find("head").iterfind("meta")}


def test_every_page_has_an_existing_social_image_of_the_right_size(built):
    for path in built.html_files():
        if path.name == "404.html":
            continue  # it answers for any missing address: it has no address of its own to preview
        root = built.parse(str(path.relative_to(built.dir)))
        meta = meta_of(root)
        url = meta.get("og:image", "")
        assert url.startswith(built.base), (path, url)
        image_file = built.dir / urlparse(url).path[len(urlparse(built.base).path):]
        assert image_file.exists(), (path, url)
        data = image_file.read_bytes()
        assert len(data) <= MAX_BYTES, (image_file, len(data))
        with Image.open(io.BytesIO(data)) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630)), image_file
        assert (meta.get("og:image:width"), meta.get("og:image:height"), meta.get("og:image:type")) == ("1200", "630", "image/png"), path
        assert meta.get("twitter:card") == "summary_large_image", path
        assert meta.get("og:image:alt", "").strip(), path


def test_each_language_has_its_own_image(built):
    """The two languages' pages of one address show different cards (their own title and language)."""
    default = built.languages[0]
    for page in built.content.pages_of(default):
        images = {meta_of(built.parse(url_of(lang, page.rel, default) + "index.html")).get("og:image") for lang in built.languages}
        assert len(images) == len(built.languages), page.rel


def harfbuzz_advance(text: str, size: int, lang: str) -> float:
    """The width of `text` as HarfBuzz shapes it with the card's title font, in pixels."""
    blob = hb.Blob.from_file_path(str(social.BOLD))
    font = hb.Font(hb.Face(blob))
    upem = font.face.upem
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.language = lang
    hb.shape(font, buffer, {})
    return sum(p.x_advance for p in buffer.glyph_positions) * size / upem


def test_arabic_titles_are_shaped_as_harfbuzz_shapes_them(built):
    """Pillow's width of every Arabic article title equals HarfBuzz's shaped run, and differs from
    the unshaped, letter-by-letter run a renderer without Raqm draws."""
    size = social.TITLE_SIZES[0]
    shaped = social._font(social.BOLD, size)
    unshaped = ImageFont.truetype(str(social.BOLD), size, layout_engine=ImageFont.Layout.BASIC)
    titles = [p.title for p in built.content.pages_of("ar", "article")]
    assert titles
    for title in titles:
        expected = harfbuzz_advance(title, size, "ar")
        assert shaped.getlength(title, direction="rtl", language="ar") == pytest.approx(expected, abs=2), title
        assert abs(unshaped.getlength(title) - expected) > 0.02 * expected, f"{title}: shaping made no difference"


def ink_runs(image: Image.Image) -> list[tuple[int, int]]:
    """(start, end) columns of the runs of inked columns separated by wide gaps (word spaces)."""
    width, height = image.size
    pixels = image.load()
    inked = [any(pixels[x, y] > 64 for y in range(height)) for x in range(width)]
    runs, start, gap = [], None, 0
    for x, ink in enumerate(inked + [False] * 12):
        if ink:
            start, gap = (x if start is None else start), 0
        elif start is not None:
            gap += 1
            if gap >= 12:
                runs.append((start, x - gap + 1))
                start, gap = None, 0
    return runs


def test_arabic_runs_right_to_left_with_latin_names_in_place():
    """«في Transformers»: the short Arabic word is on the right, the long Latin name on its left."""
    font = social._font(social.BOLD, 60)
    text = "في Transformers"
    image = Image.new("L", (900, 120), 0)
    ImageDraw.Draw(image).text((880, 10), text, font=font, fill=255, anchor="ra", direction="rtl", language="ar")
    runs = ink_runs(image)
    assert len(runs) == 2, runs
    (left_start, left_end), (right_start, right_end) = runs
    latin = font.getlength("Transformers", direction="ltr", language="en")
    arabic = font.getlength("في", direction="rtl", language="ar")
    assert left_end - left_start == pytest.approx(latin, rel=0.1)
    assert right_end - right_start == pytest.approx(arabic, rel=0.3)


def test_cards_are_drawn_once_and_redrawn_when_their_text_changes(tmp_path, monkeypatch):
    card = social.Card("ar", "شرح", "عنوان تجريبي للبطاقة", "سباق الذكاء الاصطناعي")
    first = social.cached_png(card, tmp_path)
    drawn = []
    monkeypatch.setattr(social, "png", lambda c: drawn.append(c) or b"png")
    assert social.cached_png(card, tmp_path) == first and drawn == []
    changed = social.Card("ar", "شرح", "عنوان آخر", "سباق الذكاء الاصطناعي")
    assert social.cached_png(changed, tmp_path) != first and drawn == [changed]


def test_a_pillow_without_raqm_stops_with_what_to_install(monkeypatch):
    monkeypatch.setattr(social.features, "check", lambda name: False)
    with pytest.raises(social.RaqmMissing, match="apt-get install libfribidi0"):
        social.require_raqm()


def test_bench_builds_with_an_empty_then_a_full_cache(tmp_path):
    site = bench.synthetic_site(ROOT, tmp_path / "site")
    cost = social_bench.measure(site, tmp_path / "out")
    pages = [p for p in (tmp_path / "out").rglob("index.html")]
    cached = list((site / social.CACHE).glob("*.png"))
    assert cost.images == len(pages) and 0 < len(cached) == cost.drawn <= cost.images
    assert 0 < cost.largest_bytes <= MAX_BYTES and cost.total_bytes >= cost.largest_bytes
    table = social_bench.format_table([cost])
    assert f"| {cost.articles} | {cost.images} | {cost.drawn} |" in table
