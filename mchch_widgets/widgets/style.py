"""The projector look: large type, big click targets, high contrast, Thai font bundled.

The font travels inside the page as a data URL, from the installed Noto Sans Thai, so
Thai renders the same on every laptop and nothing is fetched from the internet.
"""

from __future__ import annotations

import base64
from functools import cache
from html import escape

import fontpkg
import ipywidgets as widgets

FONT_STACK = '"Noto Sans Thai", "Leelawadee UI", Tahoma, sans-serif'

CSS = """
@font-face {{
  font-family: "Noto Sans Thai";
  src: url(data:font/ttf;base64,{font}) format("truetype");
  font-weight: 100 900;
  font-stretch: 62.5% 100%;
}}
.mchch {{
  --jp-widgets-font-size: 20px;
  --jp-widgets-inline-height: 46px;
  --jp-widgets-inline-label-width: 200px;
  --jp-ui-font-family: {stack};
  --jp-content-font-family: {stack};
  font-family: {stack};
  font-size: 20px;
  color: #111;
  max-width: 1240px;
  margin: 0 auto;
}}
.mchch * {{ font-family: {stack}; }}
.mchch input, .mchch select, .mchch textarea, .mchch button {{ font-size: 20px !important; }}
.mchch .widget-label {{ font-size: 20px; }}
.mchch-header {{ border-bottom: 4px solid #0072B2; padding-bottom: 6px; margin-bottom: 10px; }}
.mchch-title {{ font-size: 34px; font-weight: 700; line-height: 1.25; }}
.mchch-subtitle {{ font-size: 18px; color: #444; }}
.mchch-heading {{ font-size: 28px; font-weight: 700; margin: 6px 0 2px 0; }}
.mchch-help {{ font-size: 18px; color: #333; margin-bottom: 8px; }}
.mchch-facts {{ font-size: 20px; color: #333; }}
.mchch-nav .widget-toggle-button {{ font-size: 22px !important; font-weight: 600; height: 52px; }}
.mchch-nav button.mod-active {{ background: #0072B2; color: white; }}
.mchch-status {{ font-size: 20px; font-weight: 600; padding: 6px 14px; border-radius: 8px; white-space: nowrap; }}
.mchch-status-saved {{ background: #E3F4EC; color: #00603F; }}
.mchch-status-saving {{ background: #FFF4DC; color: #7A4F00; }}
.mchch-status-error {{ background: #FDE2E1; color: #A61B12; white-space: normal; }}
.mchch-status-idle {{ background: #EEF2F6; color: #333; }}
.mchch-card {{ background: #F7F9FB; border: 1px solid #D6DEE6; border-radius: 10px; padding: 10px 14px; }}
.mchch-problems {{ background: #FDE2E1; border: 2px solid #A61B12; border-radius: 10px; padding: 12px 18px; }}
.mchch-problems li {{ margin-bottom: 6px; }}
.mchch-chart {{ width: 100%; height: auto; }}
.mchch-member-row {{ border-bottom: 1px solid #E3E8EE; padding: 4px 0; }}
.mchch-note {{ font-size: 17px; color: #555; }}
/* step 2: proposals, voting and selection */
/* step 2: the ladder and the checks */
/* step 3: the plan */
"""


@cache
def stylesheet() -> str:
    font = fontpkg.path("Noto Sans Thai").read_bytes()
    return CSS.format(font=base64.b64encode(font).decode("ascii"), stack=FONT_STACK)


def style_widget() -> widgets.HTML:
    return widgets.HTML(f"<style>{stylesheet()}</style>", layout=widgets.Layout(display="none"))


def text_block(text: str, css_class: str) -> widgets.HTML:
    """User text shown as text: escaped, so a `<script>` in a name is never run."""
    return markup_block(escape(text).replace("\n", "<br>"), css_class)


def markup_block(markup: str, css_class: str) -> widgets.HTML:
    """Our own HTML (already escaped where it holds user text)."""
    widget = widgets.HTML(markup)
    widget.add_class(css_class)
    return widget
