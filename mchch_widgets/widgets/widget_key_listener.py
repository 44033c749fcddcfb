"""Keys pressed anywhere on the page (1–5, Enter…), heard in Python: scoring by keyboard.

ipywidgets has no keyboard events, so this is a small anywidget: its JavaScript ships
inside this file (no network) and listens on the page while the widget is shown.
Keys typed into a text box are left alone, so a note can contain digits. Digits are
heard by their physical key, so they work with the Thai keyboard layout switched on.
"""

from __future__ import annotations

from collections.abc import Callable

import anywidget
from traitlets import Bool, Int, List, Unicode

_ESM = r"""
function render({ model, el }) {
  el.style.display = "none";
  // The physical key, so that "1" is heard with the Thai keyboard layout on too (it types "ๅ").
  const keyName = (event) => {
    const code = event.code || "";
    if (/^Digit\d$/.test(code)) return code.slice(5);
    if (/^Numpad\d$/.test(code)) return code.slice(6);
    return event.key;
  };
  const onKey = (event) => {
    // A held key repeats: it must not go on to score the next indicators too.
    if (!model.get("active") || event.repeat || event.ctrlKey || event.altKey || event.metaKey) return;
    const target = event.target;
    const tag = (target && target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || (target && target.isContentEditable)) return;
    const name = keyName(event);
    if (!model.get("listen_for").includes(name)) return;
    event.preventDefault();
    model.set("key", name);
    model.set("presses", model.get("presses") + 1);
    model.save_changes();
  };
  // Marks on the element say whether keys are heard now (tests wait for them).
  const mark = () => el.toggleAttribute("data-active", Boolean(model.get("active")));
  model.on("change:active", mark);
  mark();
  document.addEventListener("keydown", onKey);
  el.setAttribute("data-ready", "1");
  return () => {
    document.removeEventListener("keydown", onKey);
    model.off("change:active", mark);
  };
}
export default { render };
"""


class KeyListener(anywidget.AnyWidget):
    """Calls back with the key when one of `keys` is pressed on the page (not while typing in a box)."""

    _esm = Unicode(_ESM).tag(sync=True)
    listen_for = List(Unicode(), help="the keys listened for, as KeyboardEvent.key ('1', 'Enter', 'ArrowRight')").tag(sync=True)
    active = Bool(True, help="listen only while true (e.g. while a scoring card is on screen)").tag(sync=True)
    key = Unicode("", help="the last key pressed").tag(sync=True)
    presses = Int(0, help="counts presses, so pressing the same key twice is heard twice").tag(sync=True)

    def __init__(self, keys: list[str] | tuple[str, ...] = (), **kwargs) -> None:
        super().__init__(listen_for=list(keys), **kwargs)
        self.add_class("mchch-key-listener")
        self._callbacks: list[Callable[[str], None]] = []
        self.observe(self._pressed, "presses")

    def on_key(self, callback: Callable[[str], None]) -> None:
        self._callbacks.append(callback)

    def press(self, key: str) -> None:
        """What the page does when `key` is pressed (also for tests without a browser)."""
        if self.active and key in self.listen_for:
            self.key = key
            self.presses += 1

    def _pressed(self, _change) -> None:
        if not self.active:
            return  # a press sent just before this ladder left the screen
        for callback in list(self._callbacks):
            callback(self.key)
