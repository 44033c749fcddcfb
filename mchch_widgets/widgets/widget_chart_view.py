"""A chart on the page that changes without flicker, and downloads of it as PNG and SVG.

The chart arrives as SVG with its text as text (charts.screen_svg): the browser sets the
Thai in the page's own Noto Sans Thai, sharp at any projector's size, and a new chart is
quicker to make than a PNG. It is parsed apart from the page, stripped of anything that
could run, and swapped in whole, so the old chart stays until the new one is in.

Voilà serves no files from the kernel (its FileLink leads nowhere), so a download travels
to the page as a message and the page saves it: a small anywidget, JavaScript inline
(no network).
"""

from __future__ import annotations

from collections.abc import Callable

import anywidget
from traitlets import Bytes, Dict, Int, Unicode

from .widget_download import SAVE_FILE_JS

_ESM = SAVE_FILE_JS + r"""
// Only drawing: the elements matplotlib draws with and nothing else (no scripts, styles,
// animations, foreign content), no event handlers, no links or url() but to the chart's own
// shapes. matplotlib escapes the titles people type; this is a second guard. The chart's one
// stylesheet (round line joins) is in the page's, scoped to the chart.
const DRAWING = new Set(["svg", "g", "defs", "clippath", "path", "rect", "text", "tspan", "use", "circle",
                         "ellipse", "line", "polyline", "polygon"]);
function chartOnly(svg) {
  for (const node of [...svg.querySelectorAll("*")]) {
    if (!DRAWING.has(node.localName.toLowerCase())) node.remove();
  }
  for (const node of [svg, ...svg.querySelectorAll("*")]) {
    for (const attribute of [...node.attributes]) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/\s+/g, "").toLowerCase();
      const outside = (value.match(/url\(/g) || []).length !== (value.match(/url\(#/g) || []).length;
      if (name.startsWith("on") || (name.endsWith("href") && !value.startsWith("#")) || outside) {
        node.removeAttribute(attribute.name);
      }
    }
  }
}

function render({ model, el }) {
  el.classList.add("mchch-chart-view");
  const frame = document.createElement("div");
  frame.className = "mchch-chart-frame";
  frame.setAttribute("role", "img");
  const bar = document.createElement("div");
  bar.className = "mchch-chart-downloads";
  const note = document.createElement("span");
  note.className = "mchch-chart-download-note";
  const buttons = {};
  for (const format of ["png", "svg"]) {
    const button = document.createElement("button");
    button.className = "mchch-chart-download";
    button.dataset.format = format;
    button.addEventListener("click", () => {
      note.textContent = model.get("labels").busy || "";
      for (const b of Object.values(buttons)) b.disabled = true;
      // If the kernel never answers (it stopped), the buttons come back rather than stay grey.
      waiting = setTimeout(() => { for (const b of Object.values(buttons)) b.disabled = false; note.textContent = ""; },
                           30000);
      model.send({ download: format });
    });
    buttons[format] = button;
    bar.appendChild(button);
  }
  bar.appendChild(note);
  el.appendChild(frame);
  el.appendChild(bar);

  const relabel = () => {
    const labels = model.get("labels");
    for (const [format, button] of Object.entries(buttons)) button.textContent = labels[format] || format;
  };

  let waiting = null;
  const show = () => {
    const data = model.get("image");
    if (!data || !data.byteLength) {
      frame.replaceChildren();
      return;
    }
    const parsed = new DOMParser().parseFromString(new TextDecoder().decode(data), "image/svg+xml");
    const svg = parsed.documentElement;
    // not an SVG, or a broken one (Chromium reports it inside the root): keep the chart shown
    if (svg.localName !== "svg" || parsed.querySelector("parsererror")) return;
    chartOnly(svg);
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.setAttribute("class", "mchch-chart");
    svg.setAttribute("aria-hidden", "true");
    frame.setAttribute("aria-label", model.get("alt"));
    frame.replaceChildren(document.importNode(svg, true));  // one step: no empty frame in between
    el.dataset.shown = String(model.get("serial"));
  };

  const onMessage = (message, buffers) => {
    if (!message.file) return;
    clearTimeout(waiting);
    for (const b of Object.values(buttons)) b.disabled = false;
    note.textContent = message.error || "";
    if (message.error || !buffers.length) return;
    saveFile(message.name, buffers[0], message.file === "svg" ? "image/svg+xml" : "image/png");
  };

  model.on("change:image", show);
  model.on("change:labels", relabel);
  model.on("msg:custom", onMessage);
  relabel();
  show();
  el.dataset.ready = "1";
  return () => {
    clearTimeout(waiting);
    model.off("change:image", show);
    model.off("change:labels", relabel);
    model.off("msg:custom", onMessage);
  };
}
export default { render };
"""

# The file a download asks for: "png" or "svg" -> its bytes.
FileMaker = Callable[[str], bytes]


class ChartView(anywidget.AnyWidget):
    """Shows `image` (SVG); its download buttons ask `make_file` for the chart as a PNG or SVG file."""

    _esm = Unicode(_ESM).tag(sync=True)
    image = Bytes(b"", help="the chart on screen: SVG with its text as text (charts.screen_svg)").tag(sync=True)
    serial = Int(0, help="counts the charts shown; the page marks the one on screen with it").tag(sync=True)
    alt = Unicode("", help="what the chart shows, for screen readers").tag(sync=True)
    labels = Dict(help="the button words: png, svg, busy").tag(sync=True)
    file_name = Unicode("chart", help="the downloaded file's name, without its extension").tag(sync=True)

    def __init__(self, make_file: FileMaker, **kwargs) -> None:
        super().__init__(**kwargs)
        self.add_class("mchch-chart-view")
        self.make_file = make_file
        self.on_msg(self._on_message)

    def show(self, image: bytes, alt: str) -> None:
        if image == self.image:
            return
        self.alt = alt
        self.serial += 1
        self.image = image

    def _on_message(self, _widget, content, _buffers) -> None:
        file_format = content.get("download") if isinstance(content, dict) else None
        if file_format not in ("png", "svg"):
            return
        self.send(*self.download(file_format))

    def download(self, file_format: str) -> tuple[dict[str, str], list[bytes]]:
        """The message and file the page saves (also for tests without a browser)."""
        try:
            data = self.make_file(file_format)
        except Exception as error:  # noqa: BLE001  (the page must learn the download failed, whatever the cause)
            return {"file": file_format, "error": f"{self.labels.get('failed', '')} {error}".strip()}, []
        return {"file": file_format, "name": f"{self.file_name}.{file_format}"}, [data]
