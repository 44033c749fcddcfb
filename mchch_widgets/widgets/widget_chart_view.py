"""A chart on the page that changes without flicker, and downloads of it as PNG and SVG.

Voilà serves no files from the kernel (its FileLink leads nowhere), so the file travels
to the page as a message and the page saves it: a small anywidget, JavaScript inline
(no network). A new image is decoded off screen and then swapped in, so the old chart
stays until the new one is ready, and the box keeps its height meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

import anywidget
from traitlets import Bytes, Dict, Int, Unicode

from .widget_download import SAVE_FILE_JS

_ESM = SAVE_FILE_JS + r"""
function render({ model, el }) {
  el.classList.add("mchch-chart-view");
  const frame = document.createElement("div");
  frame.className = "mchch-chart-frame";
  const img = document.createElement("img");
  img.className = "mchch-chart";
  frame.appendChild(img);
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

  let url = null;
  let wanted = 0;
  let closed = false;
  let waiting = null;
  const show = async () => {
    const ticket = ++wanted;
    const data = model.get("png");
    if (!data || !data.byteLength) {
      img.removeAttribute("src");
      return;
    }
    const next = URL.createObjectURL(new Blob([data], { type: "image/png" }));
    const loader = new Image();
    loader.src = next;
    try { await loader.decode(); } catch (error) { /* shown anyway below */ }
    if (closed || ticket !== wanted) { URL.revokeObjectURL(next); return; }  // gone, or a newer chart came
    img.src = next;
    img.alt = model.get("alt");
    if (url) URL.revokeObjectURL(url);
    url = next;
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

  model.on("change:png", show);
  model.on("change:labels", relabel);
  model.on("msg:custom", onMessage);
  relabel();
  show();
  el.dataset.ready = "1";
  return () => {
    closed = true;
    clearTimeout(waiting);
    model.off("change:png", show);
    model.off("change:labels", relabel);
    model.off("msg:custom", onMessage);
    if (url) URL.revokeObjectURL(url);
  };
}
export default { render };
"""

# The file a download asks for: "png" or "svg" -> its bytes.
FileMaker = Callable[[str], bytes]


class ChartView(anywidget.AnyWidget):
    """Shows `png`; its download buttons ask `make_file` for the chart as a PNG or SVG file."""

    _esm = Unicode(_ESM).tag(sync=True)
    png = Bytes(b"", help="the chart on screen").tag(sync=True)
    serial = Int(0, help="counts the charts shown; the page marks the one on screen with it").tag(sync=True)
    alt = Unicode("", help="what the chart shows, for screen readers").tag(sync=True)
    labels = Dict(help="the button words: png, svg, busy").tag(sync=True)
    file_name = Unicode("chart", help="the downloaded file's name, without its extension").tag(sync=True)

    def __init__(self, make_file: FileMaker, **kwargs) -> None:
        super().__init__(**kwargs)
        self.add_class("mchch-chart-view")
        self.make_file = make_file
        self.on_msg(self._on_message)

    def show(self, png: bytes, alt: str) -> None:
        if png == self.png:
            return
        self.alt = alt
        self.serial += 1
        self.png = png

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
