"""A bar chart of ledger figures laid out for inline SVG: horizontal bars, one under another, each
under its label, its value written at its end. Widths are percentages of the drawing's width, so
the chart fills any column (360 px phones included) while its text keeps the page's size.

On a right-to-left page the bars grow from the right edge leftwards: the axis is reversed, the
strings never are (each label is one text run, its direction set on the drawing)."""
from __future__ import annotations

from dataclasses import dataclass

from . import figures

GROUP_HEIGHT = 26  # a group's name
LABEL_HEIGHT = 20  # a bar's label, above it
BAR_HEIGHT = 24
GAP = 12  # below each bar
INSIDE_FROM = 0.55  # a bar at least this long carries its value inside, at its end
VALUE_OFFSET = 6  # px between a bar's end and its value


@dataclass
class Row:
    kind: str  # "group" or "bar"
    text: str  # the group's name or the bar's label
    text_y: int  # baseline
    value: str = ""
    bar_y: int = 0
    x: float = 0  # % of the width: the bar's left edge
    width: float = 0  # % of the width
    value_x: float = 0  # % of the width: where the value is anchored
    value_dx: int = 0  # px from value_x
    value_inside: bool = False
    series: int = 0
    figure_id: str = ""


def layout(chart: dict, by_id: dict[str, dict], writer: figures.Writer, rtl: bool) -> tuple[list[Row], int]:
    """The rows of the chart, top to bottom, and the drawing's height in px."""
    rows: list[Row] = []
    y = 0
    for name, bars in figures.bars(chart, by_id, writer.lang):
        if name:
            rows.append(Row("group", name, y + GROUP_HEIGHT - 8))
            y += GROUP_HEIGHT
        for bar in bars:
            width = round(bar.fraction * 100, 3)
            inside = bar.fraction >= INSIDE_FROM
            end = 100 - width if rtl else width  # where the bar ends, on the axis's far side
            # Outside, the value follows the bar; inside, it sits back from the bar's end.
            toward_far_side = -1 if rtl else 1
            dx = VALUE_OFFSET * toward_far_side * (-1 if inside else 1)
            rows.append(Row(
                "bar", bar.label, y + LABEL_HEIGHT - 5, writer.value(bar.figure),
                bar_y=y + LABEL_HEIGHT, x=(100 - width) if rtl else 0, width=width,
                value_x=end, value_dx=dx, value_inside=inside, series=bar.series, figure_id=bar.figure["id"],
            ))
            y += LABEL_HEIGHT + BAR_HEIGHT + GAP
    return rows, y - GAP + 2
