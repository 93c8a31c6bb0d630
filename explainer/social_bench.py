"""`make bench`, social images: what the pages' preview images cost a build, measured apart from
the build's own figures (explainer/bench.py). One build with an empty cache draws every image (a
fresh clone, CI); the next, with nothing changed, finds them all in the cache and only copies them.
The difference is the drawing. (A synthetic site's cloned articles keep their originals' titles,
so their cards are drawn once: the table says how many were drawn.)"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from . import bench, social


@dataclass
class ImageCost:
    articles: int  # per language
    images: int  # in the built site
    drawn: int  # distinct cards drawn by the cold build
    cold_seconds: float  # wall time of the build with an empty cache
    warm_seconds: float  # wall time of the same build again, every image cached
    cold_cpu_seconds: float  # user + system time of the same builds (less moved by other work)
    warm_cpu_seconds: float
    largest_bytes: int
    total_bytes: int

    @property
    def drawing_seconds(self) -> float:
        return self.cold_seconds - self.warm_seconds

    @property
    def drawing_cpu_seconds(self) -> float:
        return self.cold_cpu_seconds - self.warm_cpu_seconds

    @property
    def per_image_ms(self) -> float:
        """CPU time of drawing one card."""
        return self.drawing_cpu_seconds / self.drawn * 1000 if self.drawn else 0.0


def measure(site_root: Path, out: Path) -> ImageCost:
    shutil.rmtree(site_root / social.CACHE, ignore_errors=True)
    cold = bench.measure_build(site_root, bench.PROJECT_CONFIG, out)
    drawn = len(list((site_root / social.CACHE).glob("*.png")))
    warm = bench.measure_build(site_root, bench.PROJECT_CONFIG, out)
    sizes = [path.stat().st_size for path in out.rglob("*.png") if "social" in path.parts]
    articles, _ = bench.counts(site_root)
    return ImageCost(articles, len(sizes), drawn, cold.seconds, warm.seconds, cold.cpu_seconds, warm.cpu_seconds,
                     max(sizes, default=0), sum(sizes))


def format_table(costs: list[ImageCost]) -> str:
    lines = [
        "| articles/language | images | drawn | build, cold cache | build, warm cache | drawing | per card drawn (CPU) | largest | all images |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for c in costs:
        lines.append(f"| {c.articles} | {c.images} | {c.drawn} | {c.cold_seconds:.1f} s ({c.cold_cpu_seconds:.1f} s CPU) "
                     f"| {c.warm_seconds:.1f} s ({c.warm_cpu_seconds:.1f} s CPU) | {c.drawing_seconds:.1f} s ({c.drawing_cpu_seconds:.1f} s CPU) "
                     f"| {c.per_image_ms:.0f} ms | {c.largest_bytes / 1000:.1f} kB | {c.total_bytes / 1e6:.2f} MB |")
    return "\n".join(lines)
