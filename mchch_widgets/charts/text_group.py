"""Many short texts in one artist: the heatmap's levels, the distribution's counts and names.

Charts redraw on every click, and a matplotlib Text lays itself out anew at each drawing:
a hundred cell numbers cost 30 ms. A TextGroup lays each distinct string out once, with
matplotlib's own layout (so it looks exactly as separate Texts), and writes every copy
straight to the renderer. In the screen SVG the texts stay text.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
from matplotlib.artist import Artist
from matplotlib.colors import to_rgba
from matplotlib.text import Text
from matplotlib.transforms import Bbox, Transform

from .common import use_thai_font

Laid = tuple[tuple[float, float, float, float], tuple[tuple[str, float, float], ...]]  # box bounds, lines
_LAID_OUT: dict[tuple, Laid] = {}  # (renderer kind, dpi, size, alignment, spacing, text) -> its layout
LAID_OUT_KEPT = 4096
_LAID_OUT_LOCK = threading.Lock()


class TextGroup(Artist):
    """Many short texts of one size in one artist, each laid out exactly as a matplotlib Text.

    A Text costs about 0.3 ms to draw, as it measures itself anew each time: the heatmap's
    hundred levels took 30 ms. Here each distinct string is laid out once per drawing and
    every copy is written straight to the renderer, ten times quicker. The SVG keeps them as
    text. `points` are in `transform`'s coordinates (the axes' data unless given); `keys`
    name the texts (a cell's (row, column)) for whoever reads the figure back.
    """

    def __init__(self, points: Sequence[tuple[float, float]], texts: Sequence[str], size: float,
                 colours: str | Sequence[str] = "#111111", *, keys: Sequence[object] | None = None,
                 ha: str = "center", va: str = "center", linespacing: float = 1.2,
                 transform: Transform | None = None, gid: str | None = None) -> None:
        super().__init__()
        self.points = np.asarray(points, dtype=float).reshape(-1, 2)
        self.texts = list(texts)
        self.colours = [colours] * len(self.texts) if isinstance(colours, str) else list(colours)
        self.keys = list(keys) if keys is not None else list(range(len(self.texts)))
        self.size = size
        # Every text is laid out by this one Text (never drawn itself): matplotlib's own layout,
        # so a group looks exactly as separate Texts would.
        self._stamp = Text(0, 0, "", fontsize=size, fontfamily=use_thai_font(), ha=ha, va=va,
                           linespacing=linespacing, parse_math=False)
        if transform is not None:
            self.set_transform(transform)
        self.set_clip_on(False)
        self.set_zorder(Text.zorder)  # over the cells and bars, as texts are
        self.set_gid(gid)

    def get_fontname(self) -> str:
        return self._stamp.get_fontname()

    def _layouts(self, renderer) -> dict[str, Laid]:
        """Each distinct text's box and lines, as offsets from its point in display units.

        Kept between drawings (by renderer kind and dpi): a chart redrawn on a click lays out
        the same titles and round names again, and a long Thai title takes most of a millisecond.
        """
        stamp = self._stamp
        figure = self.get_figure(root=True)
        stamp.set_figure(figure)
        style = (type(renderer).__name__, figure.dpi, self.size, stamp.get_ha(), stamp.get_va(),
                 stamp.get_linespacing())
        found: dict[str, Laid] = {}
        for text in self.texts:
            if text and text not in found:
                laid = _LAID_OUT.get((*style, text))
                if laid is None:
                    stamp.set_text(text)
                    box, lines, _ = stamp._get_layout(renderer)  # matplotlib 3.11's (pinned): see the tests
                    laid = box.bounds, tuple((line, x, y) for line, _, (x, y) in lines if line)
                    with _LAID_OUT_LOCK:  # charts are drawn on several threads
                        if len(_LAID_OUT) >= LAID_OUT_KEPT:
                            _LAID_OUT.clear()
                        _LAID_OUT[(*style, text)] = laid
                found[text] = laid
        return found

    def get_window_extent(self, renderer=None) -> Bbox:
        if renderer is None:
            renderer = self.get_figure(root=True)._get_renderer()
        layouts = self._layouts(renderer)
        anchors = self.get_transform().transform(self.points) if len(self.points) else []
        boxes = [Bbox.from_bounds(x + x0, y + y0, width, height)
                 for (x, y), text in zip(anchors, self.texts) if text
                 for (x0, y0, width, height), _ in [layouts[text]]]
        return Bbox.union(boxes) if boxes else Bbox.null()

    def draw(self, renderer) -> None:
        if not self.get_visible() or not any(self.texts):
            return
        layouts = self._layouts(renderer)
        anchors = self.get_transform().transform(self.points)
        canvas_height = renderer.get_canvas_width_height()[1]
        flip = renderer.flipy()
        font = self._stamp.get_fontproperties()
        renderer.open_group("texts", self.get_gid())
        gc = renderer.new_gc()
        self._set_gc_clip(gc)
        for (x, y), text, colour in zip(anchors, self.texts, self.colours):
            if not text:
                continue
            gc.set_foreground(to_rgba(colour), isRGBA=True)
            # Each line where matplotlib laid it out (no `mtext`: the SVG would then re-anchor
            # every line through the Text's transforms, a fifth of the drawing's time).
            for line, dx, dy in layouts[text][1]:
                line_y = y + dy
                renderer.draw_text(gc, x + dx, canvas_height - line_y if flip else line_y, line, font, 0)
        gc.restore()
        renderer.close_group("texts")
        self.stale = False
