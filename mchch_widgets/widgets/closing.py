"""Closing widgets that are no longer shown, so they leave the page and the kernel's memory."""

from __future__ import annotations

import ipywidgets as widgets


def close_tree(widget: widgets.Widget) -> None:
    """Close a widget and every widget it holds: children, layout, style (closing a box closes none of them)."""
    if widget.comm is None:
        return
    held = [getattr(widget, name, None) for name in widget.keys]
    widget.close()
    for value in held:
        for item in value if isinstance(value, (tuple, list)) else (value,):
            if isinstance(item, widgets.Widget):
                close_tree(item)
