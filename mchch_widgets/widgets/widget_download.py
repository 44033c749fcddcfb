"""A big button that downloads a file made in Python: the workbook, a report, a form.

Voilà serves no files from the kernel (its FileLink leads nowhere), so the page asks the
kernel with a message, the kernel answers with the file as the message's buffer, and
the page saves it through an <a download>: an anywidget with its JavaScript inline (no
network), as the chart view's downloads.

Making a file can take seconds (a PDF), so it runs on a worker thread: the button says
so with a moving bar meanwhile, and a second press, here or in the page, starts nothing.
If no answer comes in `timeout` seconds the button comes back with a note; a failure is
told on the note in Thai and English, never as a traceback.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

import anywidget
from traitlets import Bool, Float, Unicode

from .. import export
from ..model import Refused
from ..text import both, t

# The browser's side of every download (this button's, and the chart view's PNG and SVG):
# the file that came with the kernel's message is saved through a hidden <a download>.
SAVE_FILE_JS = r"""
function saveFile(name, data, type) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([data], { type: type || "application/octet-stream" }));
  link.download = name;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 10000);
}
"""

_ESM = SAVE_FILE_JS + r"""
function render({ model, el }) {
  el.classList.add("mchch-download");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "mchch-download-button";
  const bar = document.createElement("div");
  bar.className = "mchch-download-progress";
  bar.setAttribute("role", "progressbar");
  bar.appendChild(document.createElement("div"));  // the part that moves
  const note = document.createElement("div");
  note.className = "mchch-download-note";
  note.setAttribute("role", "status");
  const control = document.createElement("div");  // the bar as wide as the button, whatever the note's width
  control.className = "mchch-download-control";
  control.append(button, bar);
  el.append(control, note);

  let pending = false;   // asked the kernel, no answer yet
  let timedOut = false;  // gave up waiting: the button comes back even while the kernel says busy
  let waiting = null;
  let localNote = "";
  const busy = () => pending || (model.get("busy") && !timedOut);

  const paint = () => {
    const working = busy();
    button.disabled = working || model.get("disabled");
    button.textContent = working ? model.get("busy_label") : model.get("label");
    button.setAttribute("aria-busy", String(working));
    bar.hidden = !working;
    el.classList.toggle("mchch-download-busy", working);
    el.dataset.busy = working ? "1" : "0";
    note.textContent = localNote || model.get("note");
  };
  const stopWaiting = () => { clearTimeout(waiting); waiting = null; pending = false; };

  button.addEventListener("click", () => {
    if (busy() || model.get("disabled")) return;  // one file at a time
    pending = true;
    timedOut = false;
    localNote = "";
    paint();
    waiting = setTimeout(() => {
      pending = false;
      timedOut = true;
      localNote = model.get("timeout_note");
      paint();
    }, model.get("timeout") * 1000);
    model.send({ download: Date.now() });
  });

  const onMessage = (message, buffers) => {
    if (!message || !("file" in message)) return;
    stopWaiting();
    timedOut = false;
    localNote = "";
    if (!message.error && buffers.length) saveFile(message.name, buffers[0], message.mime);
    paint();
  };
  const onBusy = () => {
    if (!model.get("busy")) { stopWaiting(); timedOut = false; }  // the kernel is done, answer or not
    paint();
  };

  const traits = ["label", "busy_label", "note", "disabled"];
  for (const name of traits) model.on(`change:${name}`, paint);
  model.on("change:busy", onBusy);
  model.on("msg:custom", onMessage);
  paint();
  el.dataset.ready = "1";
  return () => {
    clearTimeout(waiting);
    for (const name of traits) model.off(`change:${name}`, paint);
    model.off("change:busy", onBusy);
    model.off("msg:custom", onMessage);
  };
}
export default { render };
"""

# What a button downloads: (file name, its bytes, its MIME type).
FileMaker = Callable[..., tuple[str, bytes, str]]  # () or (what snapshot took,)
MIME_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}
log = logging.getLogger(__name__)


class DownloadButton(anywidget.AnyWidget):
    """A button whose press saves the file `make_file()` returns in the browser.

    `make_file` runs on a worker thread: it should read what it needs, not change
    shared state.
    """

    _esm = Unicode(_ESM).tag(sync=True)
    label = Unicode("", help="the button's words").tag(sync=True)
    busy = Bool(False, help="a file is being made; presses start nothing").tag(sync=True)
    note = Unicode("", help="shown under the button: the file saved, or why it failed").tag(sync=True)
    disabled = Bool(False, help="the button cannot be pressed").tag(sync=True)
    busy_label = Unicode("", help="the button's words while the file is made").tag(sync=True)
    timeout_note = Unicode("", help="the note when no answer came in time").tag(sync=True)
    timeout = Float(120.0, help="seconds the page waits for the file before giving the button back").tag(sync=True)

    def __init__(self, make_file: FileMaker, label: str = "", lang: str = "th",
                 snapshot: Callable[[], object] | None = None, **kwargs) -> None:
        kwargs.setdefault("busy_label", t("download_busy", lang))
        kwargs.setdefault("timeout_note", both("download_timeout"))
        super().__init__(label=label, **kwargs)
        self.add_class("mchch-download")
        self.make_file = make_file
        # what make_file reads, taken on the kernel's thread when pressed (make_file then gets it):
        # a save made while a PDF prints never gives a paper half of one state, half of another
        self.snapshot = snapshot
        self.lang = lang
        self._starting = threading.Lock()
        self._worker: threading.Thread | None = None
        self.on_msg(self._on_message)

    def _on_message(self, _widget, content, _buffers) -> None:
        if isinstance(content, dict) and "download" in content:
            self.start()

    def start(self) -> bool:
        """Make the file on a worker thread and send it to the page; False when one is being made
        already or the button is disabled."""
        with self._starting:  # check and set together: two presses never both pass
            if self.busy or self.disabled:
                return False
            self.busy = True
        self.note = ""
        try:
            taken = self.snapshot() if self.snapshot is not None else None
        except Exception as error:  # told on the note, like any failure to make the file
            log.exception("taking what a download needs failed")
            self._failed(both("download_failed", detail=error))
            self.busy = False
            return False
        self._worker = threading.Thread(target=self._deliver, args=(taken,), daemon=True)
        self._worker.start()
        return True

    def _deliver(self, taken: object = None) -> None:
        try:
            message, buffers = self.prepare(taken)
            self.send(message, buffers)
        finally:
            self.busy = False  # after the file: the page saves it before the button comes back

    def prepare(self, taken: object = None) -> tuple[dict[str, str], list[bytes]]:
        """Make the file: the message and buffers the page gets (also for tests without a browser).

        `taken`: what `snapshot` took when pressed, handed to make_file (when there is a snapshot).
        """
        try:
            name, data, mime = self.make_file(taken) if self.snapshot is not None else self.make_file()
        except Refused as error:
            return self._failed(both(error.key, **error.params))
        except OSError as error:
            return self._failed(both("download_failed", detail=error.strerror or error))
        except Exception as error:  # whatever went wrong, the page must hear of it
            log.exception("making a download failed")
            return self._failed(both("download_failed", detail=error))
        self.note = t("download_saved", self.lang, name=name)
        return {"file": "ok", "name": name, "mime": mime}, [bytes(data)]

    def _failed(self, note: str) -> tuple[dict[str, str], list[bytes]]:
        self.note = note
        return {"file": "failed", "error": note}, []

    def wait(self, timeout: float = 30) -> None:
        """Block until the file asked for last has been sent (for scripts and tests)."""
        if self._worker is not None:
            self._worker.join(timeout)


def workbook_export_button(folder: Path, kind: str, lang: str = "th") -> DownloadButton:
    """A button that downloads the whole workbook at `folder`: one Excel file ("xlsx") or a ZIP of its CSVs."""
    make = {"xlsx": export.workbook_xlsx, "zip": export.workbook_zip}[kind]

    def make_file() -> tuple[str, bytes, str]:
        return export.export_file_name(folder, kind, lang=lang), make(folder), MIME_TYPES[kind]

    return DownloadButton(make_file, label=t(f"export_{kind}_button", lang), lang=lang)
