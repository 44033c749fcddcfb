"""TextGroup: many texts in one artist, drawn exactly as separate matplotlib Texts would be."""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from mchch_widgets.charts.common import figure_png, screen_svg, use_thai_font
from mchch_widgets.charts.text_group import TextGroup


@pytest.mark.parametrize("ha, va", [("center", "center"), ("right", "center"), ("left", "top")])
def test_a_text_group_draws_its_texts_as_separate_texts_would(ha, va):
    """TextGroup reuses matplotlib's own text layout: the same pixels as one Text per string."""
    points = [(0.2, 0.8), (0.5, 0.5), (0.8, 0.2), (0.3, 0.3)]
    words = ["๔", "การทำบัญชีรับจ่าย\nที่ถูกต้อง", "target reached", "น้ำ $5 <b>"]
    colours = ["#111111", "#FFFFFF", "#0072B2", "#111111"]

    def pixels(group: bool) -> np.ndarray:
        figure = Figure(figsize=(6, 3), dpi=100, facecolor="#777777")
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_axis_off()
        if group:
            axes.add_artist(TextGroup(points, words, 14, colours, ha=ha, va=va))
        else:
            for (x, y), word, colour in zip(points, words, colours):
                axes.text(x, y, word, fontsize=14, color=colour, ha=ha, va=va, fontfamily=use_thai_font(),
                          linespacing=1.2, parse_math=False)
        with Image.open(io.BytesIO(figure_png(figure))) as image:
            return np.asarray(image.convert("L"), dtype=float)

    grouped, separate = pixels(True), pixels(False)
    assert (separate < 110).sum() > 500  # the texts were drawn at all
    assert np.abs(grouped - separate).max() <= 2  # to the pixel


def test_a_text_group_keeps_its_texts_as_text_in_the_screen_svg_escaped():
    figure = Figure(figsize=(4, 2), dpi=100)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.add_artist(TextGroup([(0.5, 0.5), (0.2, 0.2)], ["๓", "<b>$5</b>"], 14, gid="levels"))

    svg = screen_svg(figure).decode()

    assert ">๓</text>" in svg and "&lt;b&gt;$5&lt;/b&gt;" in svg and "<b>" not in svg
    assert 'id="levels"' in svg
