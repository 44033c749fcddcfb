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

from ..colours import ROUND_COLOURS, ink_on

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
.mchch-title {{ font-size: 30px; font-weight: 700; line-height: 1.25; }}
.mchch-name {{ display: inline; margin-right: 14px; }}
.mchch-subtitle {{ display: inline-block; font-size: 17px; font-weight: 400; color: #444; }}
.mchch-heading {{ font-size: 26px; font-weight: 700; margin: 2px 0 0 0; }}
.mchch-help {{ font-size: 17px; color: #333; margin-bottom: 6px; }}
/* ipywidgets gives HTML the height of one input line (46px) per line of text: far too loose for paragraphs */
.mchch .widget-html-content {{ line-height: 1.4; }}
.mchch .widget-hbox > .widget-html {{ align-self: center; }}
.mchch-facts {{ font-size: 20px; color: #333; }}
.mchch-nav {{ flex: 0 0 auto; }}
/* the name, the saving badge and the language share one row: the badge wraps before anything is cut */
.mchch-language {{ flex: 0 0 auto; }}
.mchch-language .btn-group, .mchch-language {{ flex-wrap: nowrap; white-space: nowrap; }}
.mchch-header .mchch-status {{ white-space: normal; max-width: 430px; font-size: 18px; line-height: 1.25; }}
.mchch-header .widget-hbox > .widget-hbox {{ min-width: 0; flex: 1 1 auto; justify-content: flex-end; }}
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
.mchch-phases .widget-toggle-button {{ font-size: 20px !important; height: 50px; font-weight: 600; }}
.mchch-phases button.mod-active {{ background: #E69F00; color: #111; }}
.mchch-entry-card {{ background: #EEF6FB; border: 2px solid #0072B2; border-radius: 10px; padding: 8px 10px; margin-bottom: 8px; }}
.mchch-entry input {{ font-size: 24px !important; height: 52px; }}
.mchch-subheading {{ font-size: 22px; font-weight: 700; margin: 6px 0; }}
.mchch-aspect-heading {{ font-size: 21px; font-weight: 700; color: #0072B2; margin: 10px 0 2px 0;
  border-bottom: 2px solid #0072B2; }}
.mchch-proposal {{ border-bottom: 1px solid #D6DEE6; padding: 4px 0; }}
.mchch-proposal-title {{ font-size: 21px; font-weight: 600; line-height: 1.35; }}
.mchch-proposal-panel {{ background: #F7F9FB; border-left: 6px solid #0072B2; padding: 8px 10px; margin: 4px 0 6px 0; }}
.mchch-vote-button button, button.mchch-vote-button {{ font-size: 28px !important; font-weight: 700; }}
.mchch-vote-count input {{ text-align: center; font-size: 24px !important; font-weight: 700; }}
.mchch-tag {{ display: inline-block; line-height: 1.5; font-size: 16px; background: #E3E8EE; color: #333; border-radius: 6px;
  padding: 0 8px; margin-right: 4px; }}
.mchch-tag-chosen {{ background: #0072B2; color: white; }}
.mchch-suggestions {{ border: 2px dashed #999; border-radius: 10px; padding: 6px 10px; margin-bottom: 8px; }}
.mchch-suggest-text {{ line-height: 1.35; }}
.mchch-vote-bars {{ background: #F7F9FB; border: 1px solid #D6DEE6; border-radius: 10px; padding: 8px 12px; }}
.mchch-bars-heading {{ font-size: 22px; font-weight: 700; margin-bottom: 6px; }}
.mchch-bar-row {{ margin-bottom: 8px; }}
.mchch-bar-title {{ font-size: 18px; line-height: 1.3; }}
.mchch-bar-track {{ display: flex; align-items: center; gap: 8px; }}
.mchch-bar {{ background: #56B4E9; height: 22px; border-radius: 4px; min-width: 4px; }}
.mchch-bar-row-chosen .mchch-bar {{ background: #0072B2; }}
.mchch-bar-count {{ font-size: 22px; font-weight: 700; }}
.mchch-bar-chosen {{ font-size: 15px; color: #0072B2; font-weight: 700; white-space: nowrap; }}
.mchch-select-row {{ border-bottom: 1px solid #D6DEE6; padding: 4px 0; }}
.mchch-number {{ display: inline-block; min-width: 34px; text-align: center; font-size: 22px; font-weight: 700;
  background: #0072B2; color: white; border-radius: 17px; margin-right: 8px; }}
.mchch-dropped {{ opacity: 0.75; }}
.mchch-undo button, button.mchch-undo {{ background: #FFF4DC; border: 2px solid #E69F00; font-weight: 600; }}
/* step 2: the ladder and the checks */
.mchch-ladder-nav button {{ font-size: 22px !important; font-weight: 600; }}
.mchch-ladder-position {{ font-weight: 700; white-space: nowrap; padding: 0 4px 0 10px; }}
.mchch-ladder-title > .widget-html-content {{ font-size: 26px; font-weight: 700; line-height: 1.4;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
.mchch-ladder-details {{ font-size: 17px; font-weight: 400; color: #555; }}
.mchch-ladder-target-label {{ flex: 0 0 auto; padding-right: 12px; }}
.mchch-ladder-targets .widget-toggle-button {{ height: 48px; min-width: 60px; font-size: 22px !important;
  font-weight: 700; }}
.mchch-ladder-targets button.mod-active {{ background: #D55E00; color: white; }}
.mchch-ladder-step {{ background: #F7F9FB; border: 3px solid transparent; border-radius: 8px;
  padding: 1px 6px 1px 8px; }}
.mchch-ladder-step.mchch-ladder-is-target {{ border-color: #D55E00; background: #FFF1E6; }}
.mchch-ladder-step textarea {{ line-height: 1.35; resize: vertical; }}
.mchch-ladder-generic textarea {{ color: #555; background: #F4F4EE; }}
.mchch-ladder-level {{ display: flex; align-items: center; gap: 8px; line-height: 1.2; }}
.mchch-ladder-number {{ display: inline-flex; align-items: center; justify-content: center; flex: 0 0 auto;
  width: 46px; height: 46px; border-radius: 8px; font-size: 28px; font-weight: 700; }}
.mchch-ladder-badge {{ font-size: 17px; font-weight: 700; color: white; background: #D55E00; border-radius: 14px;
  padding: 2px 10px; white-space: nowrap; }}
.mchch-ladder-note > .widget-html-content {{ font-size: 18px; color: #7A4F00; line-height: 1.35; }}
.mchch-ladder-empty {{ background: #EEF2F6; border-radius: 10px; padding: 18px 22px; }}
.mchch-ladder-empty > .widget-html-content {{ font-size: 22px; line-height: 1.5; }}
.mchch-checks {{ background: #FFF4DC; border: 2px solid #E69F00; border-radius: 10px; padding: 4px 14px;
  margin: 0 0 8px 0; }}
.mchch-checks-heading > .widget-html-content {{ font-size: 20px; font-weight: 700; color: #7A4F00; }}
.mchch-checks-heading .mchch-checks-advice {{ font-size: 17px; font-weight: 400; color: #5A3A00; }}
.mchch-checks-list > .widget-html-content {{ font-size: 18px; line-height: 1.4; color: #3D2800; }}
.mchch-check {{ padding-left: 1.1em; text-indent: -1.1em; }}
/* step 3: the plan */
.mchch-invalid input, .mchch-invalid textarea {{ border: 3px solid #A61B12 !important; background: #FDE2E1 !important; }}
.mchch-plan-total {{ background: #EEF2F6; border-radius: 10px; padding: 8px 12px; margin-bottom: 6px; }}
.mchch-plan-total > .widget-html-content {{ font-size: 20px; line-height: 1.4; white-space: normal; }}
.mchch .mchch-plan-card {{
  height: auto !important; min-height: 56px; white-space: pre-line !important; overflow: visible !important;
  text-overflow: clip !important; text-align: left !important; line-height: 1.35 !important;
  padding: 8px 12px !important; margin: 0 0 6px 0; border-left: 10px solid #B8C4D0 !important;
  background: #F7F9FB; border-radius: 8px;
}}
.mchch .mchch-plan-card-late {{ border-left-color: #C0392B !important; }}
.mchch .mchch-plan-card-active {{ background: #0072B2 !important; color: white !important; font-weight: 600; }}
.mchch-plan-other > .widget-html-content {{ font-size: 18px; font-weight: 700; color: #444; margin-top: 10px; }}
.mchch-plan-title > .widget-html-content {{ font-size: 24px; font-weight: 700; line-height: 1.3; white-space: normal; }}
.mchch-plan-columns > .widget-html-content {{ font-size: 17px; color: #444; white-space: normal; }}
.mchch-plan-row {{ border-left: 10px solid transparent; border-bottom: 1px solid #E3E8EE; padding: 4px 0 6px 8px; }}
.mchch-plan-row-late {{ border-left-color: #C0392B; background: #FFF3F2; }}
.mchch-plan-late > .widget-html-content {{ color: #A61B12; font-weight: 700; white-space: nowrap; padding: 0 6px; }}
.mchch-plan-row-cancelled input {{ text-decoration: line-through; color: #666 !important; }}
/* the card list scrolls on its own, so the chosen indicator's activities stay in view beside it */
.mchch-plan-left {{ max-height: calc(100vh - 110px); overflow-y: auto; }}
.mchch-plan-left > *, .mchch-plan-left .mchch-plan-card, .mchch-plan-left .mchch-plan-other {{ flex-shrink: 0; }}
.mchch-plan-help > .widget-html-content {{ line-height: 1.4; }}
.mchch-plan-facts > .widget-html-content {{ font-size: 20px; line-height: 1.4; color: #333; white-space: normal; }}
/* step 5: the ladder to score with */
.mchch .mchch-level-buttons .widget-hbox {{ margin: 2px 0; }}
.mchch .mchch-level-number {{ font-size: 30px !important; font-weight: 700; min-height: 60px; border-radius: 8px; }}
.mchch .mchch-level-words {{
  height: auto !important; min-height: 60px; white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; text-align: left !important; line-height: 1.35 !important;
  padding: 6px 12px !important; background: #F7F9FB; border: 3px solid #D6DEE6 !important; border-radius: 8px;
}}
.mchch .mchch-level-target {{ border-color: #D55E00 !important; }}
.mchch .mchch-level-chosen {{ outline: 5px solid #111; outline-offset: -5px; }}
.mchch .mchch-level-number.mchch-level-chosen {{ outline-color: #E69F00; outline-width: 6px; }}
.mchch .mchch-level-words.mchch-level-chosen {{ background: #FFF4DC; }}
.mchch .mchch-level-skip {{ height: 52px; margin-right: 16px; padding: 0 18px; }}
/* step 5: individual scoring */
.mchch-individual-card {{ background: #F7F9FB; border: 1px solid #D6DEE6; border-radius: 12px; padding: 10px 18px;
  box-sizing: border-box; }}
.mchch-individual .widget-html-content {{ white-space: normal; line-height: 1.4; }}
.mchch-individual-heading > .widget-html-content {{ font-size: 30px; font-weight: 700; text-align: center; }}
.mchch-individual-code-label > .widget-html-content {{ font-size: 20px; color: #444; text-align: center; }}
.mchch-individual-code > .widget-html-content {{ font-size: 104px; font-weight: 800; line-height: 1.05;
  letter-spacing: 4px; color: #004F7C; text-align: center; }}
.mchch-individual-count > .widget-html-content {{ font-size: 22px; font-weight: 600; text-align: center; }}
.mchch .mchch-individual-start {{ font-size: 30px !important; font-weight: 700; background: #0072B2; color: white;
  border-radius: 12px; padding: 0 36px; min-width: 420px; margin: 6px 0; }}
.mchch-individual-anonymous > .widget-html-content {{ font-size: 18px; color: #444; text-align: center; }}
.mchch-individual-side {{ border-top: 1px solid #D6DEE6; margin-top: 8px; padding-top: 6px; }}
.mchch-individual-returning > .widget-html-content {{ font-size: 18px; color: #333; padding-right: 10px; }}
.mchch-individual-reveal-note > .widget-html-content {{ font-size: 17px; color: #555; padding-right: 10px; }}
.mchch .mchch-individual-secondary {{ font-weight: 600; background: white; border: 2px solid #0072B2; color: #0072B2;
  border-radius: 8px; margin-left: 8px; }}
.mchch .mchch-individual-reveal {{ font-weight: 600; background: #EEF2F6; border: 2px solid #555; border-radius: 8px; }}
.mchch-individual-position > .widget-html-content {{ font-size: 20px; color: #111; padding-left: 10px; }}
.mchch-individual-aspect {{ color: #555; font-weight: 400; }}
.mchch-individual-badge > .widget-html-content {{ font-size: 22px; font-weight: 700; color: white; background: #333;
  border-radius: 8px; padding: 2px 14px; white-space: nowrap; }}
.mchch-individual-left {{ padding-right: 16px; }}
.mchch-individual-title > .widget-html-content {{ font-size: 27px; font-weight: 700; line-height: 1.35; }}
.mchch-individual-description > .widget-html-content {{ font-size: 18px; color: #444; line-height: 1.4; }}
.mchch-individual-earlier > .widget-html-content {{ font-size: 18px; color: #333; margin: 6px 0; }}
.mchch-individual-earlier-set > .widget-html-content {{ background: #FFF4DC; border-left: 6px solid #E69F00;
  padding: 4px 8px; color: #5A3A00; font-weight: 600; }}
.mchch .mchch-individual-nav {{ font-size: 22px !important; font-weight: 600; border-radius: 8px; }}
.mchch .mchch-individual-finish {{ font-size: 22px !important; font-weight: 600; border-radius: 8px; margin-top: 8px;
  background: white; border: 2px solid #333; }}
.mchch-individual-thanks > .widget-html-content {{ font-size: 44px; font-weight: 800; color: #00603F; text-align: center;
  margin-top: 24px; }}
.mchch-individual-thanks-counts > .widget-html-content {{ font-size: 28px; font-weight: 600; text-align: center;
  margin: 8px 0 24px 0; }}
.mchch-individual-unanswered {{ font-size: 22px; color: #7A4F00; }}
.mchch-individual-message > .widget-html-content {{ font-size: 22px; line-height: 1.5; }}
.mchch-individual-closed {{ background: #EEF2F6; border: 3px solid #555; }}
.mchch-individual-thanks-buttons {{ gap: 40px; }}
.mchch-individual-code-box {{ margin-right: 56px; }}
.mchch-individual-main {{ margin: 4px 0 8px 0; }}
/* the skip button's default ipywidgets width (148px) cuts "ข้าม / ไม่เกี่ยวข้อง" short */
/* step 5: disagreement, consensus and reflection */
.mchch-closed-note > .widget-html-content {{ display: inline-block; font-size: 18px; font-weight: 700; color: #5A3A00;
  background: #FFF4DC; border: 2px solid #E69F00; border-radius: 8px; padding: 2px 12px; white-space: nowrap; }}
.mchch-dist-bars {{ display: flex; flex-direction: column; gap: 1px; }}
.mchch-dist-row {{ display: flex; align-items: center; gap: 8px; padding: 0 4px; border: 2px solid transparent;
  border-radius: 8px; }}
.mchch-dist-row.mchch-dist-agreed {{ border: 3px solid #111; margin: -1px 0; background: #FFF4DC; }}
.mchch-dist-level {{ display: inline-flex; align-items: center; justify-content: center; flex: 0 0 auto;
  width: 40px; height: 27px; border-radius: 6px; font-size: 21px; font-weight: 700; }}
.mchch-dist-track {{ display: flex; align-items: center; gap: 8px; flex: 1 1 auto; min-width: 0; }}
.mchch-dist-bar {{ height: 22px; border-radius: 4px; min-width: 3px; box-shadow: inset 0 0 0 1px rgba(0,0,0,0.35); }}
.mchch-dist-count {{ font-size: 21px; font-weight: 700; white-space: nowrap; line-height: 1.2; }}
.mchch-dist-zero {{ color: #777; font-weight: 400; }}
.mchch-dist-mark {{ font-size: 17px; font-weight: 700; white-space: nowrap; }}
.mchch-dist-line {{ font-size: 18px; color: #333; line-height: 1.4; margin-top: 2px; }}
.mchch-disagree-heading > .widget-html-content {{ line-height: 1.3; }}
.mchch-disagree-help {{ font-size: 19px; color: #333; margin-left: 10px; }}
.mchch-disagree-count {{ float: right; font-size: 18px; color: #333; padding-top: 6px; }}
/* ten rows fit below the app's header at 1280×720; more scroll inside the list, the heading stays */
.mchch-disagree-list {{ max-height: calc(100vh - 230px); min-height: 160px; overflow-y: auto; flex-wrap: nowrap; }}
.mchch-disagree-list > * {{ flex-shrink: 0; }}
.mchch-disagree-row {{ border-bottom: 1px solid #D6DEE6; padding: 1px 4px 1px 0; gap: 10px; }}
.mchch-disagree-row > * {{ margin-top: 0 !important; margin-bottom: 0 !important; }}
.mchch-disagree-rank {{ flex: 0 0 40px; }}
.mchch-disagree-rank > .widget-html-content {{ font-size: 24px; font-weight: 700; text-align: center; color: #0072B2; }}
.mchch-disagree-info > .widget-html-content {{ line-height: 1.2; }}
.mchch-disagree-title {{ font-size: 20px; font-weight: 700; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  line-height: 1.2; }}
.mchch-disagree-facts {{ font-size: 16px; color: #444; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
.mchch-disagree-strip {{ flex: 0 0 auto; }}
.mchch-strip {{ display: flex; align-items: flex-end; gap: 4px; }}
.mchch-strip-cell {{ flex: 0 0 auto; display: flex; flex-direction: column; align-items: center; justify-content: flex-end; width: 34px;
  height: 44px; border-bottom: 2px solid #555; }}
.mchch-strip-count {{ font-size: 18px; font-weight: 700; line-height: 1.1; }}
.mchch-strip-zero .mchch-strip-count {{ color: #888; font-weight: 400; }}
.mchch-strip-bar {{ display: block; width: 28px; min-height: 1px; border-radius: 2px 2px 0 0;
  box-shadow: inset 0 0 0 1px rgba(0,0,0,0.3); }}
.mchch-strip-chip {{ display: inline-flex; align-items: center; justify-content: center; width: 34px; height: 28px;
  border-radius: 6px; font-size: 19px; font-weight: 700; }}
.mchch-disagree-header {{ position: sticky; top: 0; z-index: 1; background: white; border-bottom: 2px solid #555;
  padding: 0 4px 2px 0; gap: 10px; }}
.mchch-disagree-header .widget-html-content {{ font-size: 16px; color: #444; line-height: 1.3; }}
.mchch-disagree-col-counts {{ float: right; }}
.mchch-disagree-tag {{ flex: 0 0 215px; width: 215px; }}
.mchch-agreed-tag {{ display: inline-block; font-size: 17px; font-weight: 700; color: #00603F; background: #E3F4EC;
  border: 2px solid #00603F; border-radius: 8px; padding: 0 8px; white-space: nowrap; line-height: 1.5; }}
.mchch .mchch-disagree-discuss {{ font-size: 20px !important; font-weight: 700; }}
.mchch-disagree-subheading > .widget-html-content {{ font-size: 19px; font-weight: 700; color: #444;
  margin-top: 8px; border-bottom: 2px solid #B8C4D0; }}
.mchch-disagree-empty {{ background: #EEF2F6; border-radius: 10px; padding: 10px 16px; margin: 4px 0 6px 0; }}
.mchch-disagree-empty > .widget-html-content {{ font-size: 19px; line-height: 1.45; }}
.mchch-consensus-nav {{ gap: 8px; margin-bottom: 2px; }}
.mchch-consensus-nav button {{ font-size: 26px !important; font-weight: 700; }}
.mchch-consensus-position > .widget-html-content {{ font-size: 24px; font-weight: 700; white-space: nowrap;
  padding: 0 6px; }}
.mchch-consensus-progress {{ margin-left: auto !important; }}
.mchch-consensus-progress > .widget-html-content {{ font-size: 20px; font-weight: 700; color: #00603F;
  background: #E3F4EC; border-radius: 8px; padding: 2px 12px; white-space: nowrap; }}
.mchch-consensus-title > .widget-html-content {{ line-height: 1.25; padding-left: 8px; }}
.mchch-consensus-name {{ font-size: 23px; font-weight: 700; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
.mchch-consensus-details {{ font-size: 16px; color: #555; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
.mchch-consensus-note-label {{ flex: 0 0 auto; }}
.mchch-consensus-note-label > .widget-html-content {{ font-size: 18px; font-weight: 700; margin-top: 4px; padding-right: 8px; }}
.mchch-consensus textarea {{ line-height: 1.35; resize: vertical; }}
.mchch-consensus-previous > .widget-html-content {{ line-height: 1.35; }}
.mchch-consensus-previous-line, .mchch-consensus-no-previous {{ display: inline-block; font-size: 20px;
  font-weight: 600; margin-right: 10px; }}
/* the ladder a little tighter than on the individual card: the note must fit under it at 1280×720 */
.mchch .mchch-consensus .mchch-level-number {{ min-height: 50px; font-size: 28px !important; }}
.mchch .mchch-consensus .mchch-level-words {{ min-height: 50px; padding: 2px 12px !important; line-height: 1.25 !important; }}
.mchch .mchch-consensus .mchch-level-skip {{ width: auto; flex: 0 0 auto; height: 46px; padding: 0 16px; }}
.mchch-consensus-no-previous {{ color: #555; font-weight: 400; }}
.mchch-consensus-change {{ display: inline-block; font-size: 22px; font-weight: 700; border-radius: 8px;
  padding: 0 10px; margin-top: 2px; }}
.mchch-change-up {{ background: #E3F4EC; color: #00603F; }}
.mchch-change-down {{ background: #FDE2E1; color: #A61B12; }}
.mchch-change-same {{ background: #EEF2F6; color: #333; }}
.mchch-consensus-panels {{ margin: 4px 0 2px 0; }}
.mchch-consensus-panels .widget-toggle-button {{ height: 44px; font-size: 19px !important; font-weight: 600; }}
.mchch-consensus-panels button.mod-active {{ background: #0072B2; color: white; }}
.mchch-consensus-no-ratings > .widget-html-content {{ font-size: 18px; color: #555; padding: 8px 0; }}
.mchch-consensus-empty {{ background: #EEF2F6; border-radius: 10px; padding: 18px 22px; }}
.mchch-reflect-heading > .widget-html-content {{ font-size: 20px; font-weight: 700; }}
.mchch-reflect-label > .widget-html-content {{ font-size: 18px; font-weight: 600; color: #333; margin-top: 2px; }}
.mchch-reflect textarea {{ line-height: 1.35; resize: vertical; }}
/* step 5: rounds and self vs external */
.mchch-rounds-new {{ background: #EEF6FB; border: 2px solid #0072B2; border-radius: 10px; padding: 6px 12px 10px 12px; }}
.mchch-rounds-field > .widget-html-content {{ font-size: 18px; font-weight: 600; color: #333; margin-top: 4px; }}
.mchch-rounds-assessor .widget-toggle-button {{ height: 48px; font-weight: 600; }}
.mchch-rounds-assessor button.mod-active {{ background: #0072B2; color: white; }}
.mchch button.mchch-rounds-create {{ font-size: 24px !important; font-weight: 700; }}
.mchch-rounds-row {{ border: 2px solid #D6DEE6; border-left: 10px solid #B8C4D0; border-radius: 8px; background: #F7F9FB;
  padding: 1px 6px 1px 10px; margin: 0 0 4px 0; }}
.mchch-rounds-row-open {{ border-color: #0072B2; background: #EEF6FB; }}
.mchch-rounds-info > .widget-html-content {{ line-height: 1.25; white-space: normal; }}
.mchch-rounds-name {{ font-size: 20px; }}
.mchch-rounds-meta {{ font-size: 17px; color: #333; display: flex; align-items: center; flex-wrap: wrap; gap: 4px 12px; }}
.mchch-rounds-track {{ display: inline-block; width: 110px; height: 14px; background: #D6DEE6; border-radius: 7px;
  overflow: hidden; }}
.mchch-rounds-fill {{ display: block; height: 100%; background: #009E73; }}
.mchch .mchch-rounds-tag-open {{ background: #0072B2; color: white; font-weight: 600; }}
.mchch .mchch-rounds-tag-closed {{ background: #444; color: white; }}
.mchch .mchch-rounds-tag-external {{ background: #E69F00; color: #111; }}
.mchch button.mchch-rounds-open {{ font-size: 22px !important; font-weight: 700; }}
.mchch-closer {{ background: #EEF6FB; border: 2px solid #0072B2; border-radius: 10px; padding: 4px 12px; gap: 8px; }}
.mchch-closer.mchch-closer-closed {{ background: #F1F1F1; border-color: #444; }}
.mchch-closer-state > .widget-html-content {{ font-size: 20px; line-height: 1.35; white-space: normal; }}
.mchch-closer-help {{ font-weight: 400; color: #444; }}
.mchch-closer-reopened {{ font-size: 17px; color: #7A4F00; }}
.mchch button.mchch-closer-button {{ font-weight: 700; }}
.mchch-external-pickers {{ gap: 16px; }}
.mchch-external-summary > .widget-html-content {{ font-size: 21px; font-weight: 700; line-height: 1.35; white-space: normal; }}
.mchch-external-table > .widget-html-content {{ white-space: normal; line-height: 1.3; }}
.mchch-external-table table {{ width: 100%; border-collapse: collapse; font-size: 20px; }}
.mchch-external-table th {{ font-size: 17px; text-align: center; background: #EEF2F6; border-bottom: 2px solid #444;
  padding: 2px 8px; }}
.mchch-external-table th.mchch-external-indicator {{ text-align: left; }}
.mchch-external-table td {{ padding: 2px 8px; border-bottom: 1px solid #D6DEE6; vertical-align: middle; }}
.mchch-external-table td.mchch-external-self, .mchch-external-table td.mchch-external-external,
.mchch-external-table td.mchch-external-target {{ text-align: center; font-size: 22px; font-weight: 700; width: 84px; }}
.mchch-external-table td.mchch-external-difference {{ width: 300px; }}
.mchch-external-table tr.mchch-external-lower td {{ background: #FFF1E6; }}
.mchch-external-table tr.mchch-external-higher td {{ background: #E6F1FA; }}
.mchch-external-table tr.mchch-external-lower td:first-child {{ box-shadow: inset 8px 0 0 #D55E00; padding-left: 14px; }}
.mchch-external-table tr.mchch-external-higher td:first-child {{ box-shadow: inset 8px 0 0 #0072B2; padding-left: 14px; }}
.mchch-external-table tr.mchch-external-lower td.mchch-external-difference {{ color: #9A3A00; font-weight: 700; }}
.mchch-external-table tr.mchch-external-higher td.mchch-external-difference {{ color: #005A8C; font-weight: 700; }}
.mchch-external-empty {{ background: #EEF2F6; border-radius: 10px; padding: 14px 20px; }}
.mchch-external-empty > .widget-html-content {{ font-size: 22px; line-height: 1.5; white-space: normal; }}
/* step 5: the assessment step */
.mchch-assess-round-header {{ gap: 12px; border-bottom: 2px solid #D6DEE6; padding-bottom: 4px; margin-bottom: 4px; }}
.mchch-assess-round-facts {{ flex: 1 1 auto; min-width: 0; }}
.mchch-assess-round-name {{ font-size: 26px; font-weight: 700; }}
.mchch-assess-round-when {{ display: block; font-size: 18px; line-height: 1.3; color: #444; }}
.mchch-assess-back {{ height: 48px; font-weight: 600; }}
/* step 6: summary */
.mchch-step6-overall {{ background: #EEF2F6; border-radius: 10px; padding: 2px 16px; }}
.mchch-step6-overall > .widget-html-content {{ font-size: 22px; font-weight: 600; line-height: 1.3; white-space: normal; }}
.mchch-step6-overall p {{ margin: 2px 0; }}
.mchch-step6-hint > .widget-html-content {{ font-size: 17px; color: #444; line-height: 1.25; white-space: normal; text-align: right; }}
/* the step fills the screen below the app's header; only the cards scroll, so the sentences above stay */
.mchch-step6 {{ height: calc(100vh - 150px); min-height: 420px; }}
.mchch-step6 > * {{ flex-shrink: 0; }}
.mchch-step6 > .mchch-step6-list {{ flex: 1 1 0; min-height: 200px; overflow-y: auto; border-top: 2px solid #D6DEE6; }}
.mchch-step6-list > * {{ flex-shrink: 0; }}
.mchch-step6-top {{ gap: 16px; }}
.mchch-step6-top > .mchch-step6-hint {{ flex: 1 1 0; min-width: 0; }}
.mchch-step6-card {{ background: #F7F9FB; border: 1px solid #D6DEE6; border-left: 10px solid #B8C4D0; border-radius: 8px;
  padding: 4px 12px 8px 12px; margin: 6px 0 0 0; }}
.mchch-step6-card > .widget-html-content {{ white-space: normal; line-height: 1.3; }}
.mchch-step6-reached {{ border-left-color: #009E73; }}
.mchch-step6-short {{ border-left-color: #E69F00; }}
.mchch-step6-title {{ font-size: 22px; font-weight: 700; margin-bottom: 2px; }}
.mchch-step6-row {{ display: grid; grid-template-columns: 185px 240px 230px 1fr; gap: 14px; align-items: start; }}
.mchch-step6-label {{ font-size: 16px; font-weight: 600; color: #444; }}
.mchch-step6-big {{ font-size: 40px; font-weight: 700; line-height: 1.1; }}
.mchch-step6-of {{ font-size: 26px; font-weight: 600; color: #333; }}
.mchch-step6-word {{ font-size: 20px; font-weight: 700; }}
.mchch-step6-small, .mchch-step6-line {{ font-size: 18px; color: #222; }}
.mchch-step6-small {{ color: #444; }}
.mchch-step6-late {{ font-size: 18px; font-weight: 700; color: #A61B12; }}
.mchch-step6-reflection .mchch-step6-line {{ margin-bottom: 2px; }}
.mchch-step6-nowrap {{ white-space: nowrap; }}
/* step 7: report, form and exports */
.mchch-step7-intro > .widget-html-content {{ font-size: 20px; color: #333; line-height: 1.3; white-space: normal; }}
.mchch-step7-checks {{ background: #F7F9FB; border: 2px solid #D6DEE6; border-radius: 10px; padding: 0 16px; margin: 6px 0; }}
.mchch-step7-checks > .widget-html-content {{ font-size: 19px; line-height: 1.35; white-space: normal; }}
.mchch-step7-checks-title {{ font-weight: 700; margin-top: 6px; }}
.mchch-step7-checks ul {{ list-style: none; padding: 0; margin: 4px 0 8px 0; columns: 2; column-gap: 28px; }}
.mchch-step7-checks li {{ break-inside: avoid; margin: 2px 0; }}
.mchch-paper-ready b {{ color: #00603C; }}
.mchch-paper-missing b {{ color: #A33B00; }}
.mchch-step7-cards {{ gap: 14px; align-items: stretch; }}
.mchch-step7-card {{ flex: 1 1 0; min-width: 0; border: 2px solid #D6DEE6; border-radius: 10px; padding: 6px 14px 10px 14px;
  gap: 8px; background: white; }}
.mchch-step7-card-title > .widget-html-content {{ font-size: 23px; font-weight: 700; line-height: 1.3; white-space: normal; }}
.mchch-step7-card-what {{ flex: 1 1 auto; }}  /* the buttons of the three cards line up at the bottom */
.mchch-step7-card-what > .widget-html-content {{ font-size: 17px; color: #444; line-height: 1.3; white-space: normal; }}
.mchch-step7-card .mchch-download {{ align-self: stretch; }}
.mchch-step7-card .mchch-download-control {{ min-width: 0; width: 100%; }}
.mchch-step7-card button.mchch-download-button {{ width: 100%; }}
/* downloads */
.mchch-download {{ display: flex; flex-direction: column; align-items: flex-start; align-self: flex-start; gap: 6px;
  margin: 4px 0; }}
.mchch-download-control {{ display: flex; flex-direction: column; gap: 6px; min-width: 320px; }}
.mchch button.mchch-download-button {{ min-height: 52px; padding: 4px 22px; border: 2px solid #0072B2;
  border-radius: 8px; background: #0072B2; color: white; font-weight: 700; cursor: pointer; }}
.mchch button.mchch-download-button:disabled {{ background: #EEF2F6; color: #222; border-color: #767676;
  cursor: not-allowed; }}
.mchch-download-busy button.mchch-download-button:disabled {{ cursor: progress; }}
/* a bar that keeps moving while the file is made: no percentage is known, but it shows work goes on */
.mchch-download-progress {{ height: 10px; border-radius: 5px; background: #D6DEE6; overflow: hidden; }}
.mchch-download-progress[hidden] {{ display: none; }}
.mchch-download-progress > div {{ width: 40%; height: 100%; border-radius: 5px; background: #0072B2;
  animation: mchch-download-slide 1.2s ease-in-out infinite alternate; }}
@keyframes mchch-download-slide {{ from {{ margin-left: 0; }} to {{ margin-left: 60%; }} }}
@media (prefers-reduced-motion: reduce) {{ .mchch-download-progress > div {{ animation: none; width: 100%; }} }}
.mchch-download-note {{ font-size: 17px; color: #333; max-width: 640px; }}
.mchch-download-note:empty {{ display: none; }}
/* compare rounds */
.mchch-compare-choices {{ background: #F7F9FB; border: 2px solid #D6DEE6; border-radius: 10px; padding: 2px 8px 4px 8px;
  margin-bottom: 6px; gap: 2px; }}
.mchch-compare-kinds .widget-toggle-button {{ height: 48px; font-weight: 600; }}
.mchch-compare-kinds button.mod-active, .mchch-compare-value button.mod-active,
.mchch-compare-theme button.mod-active {{ background: #0072B2; color: white; }}
.mchch-compare-value .widget-toggle-button, .mchch-compare-theme .widget-toggle-button {{ height: 44px; }}
.mchch-compare-label > .widget-html-content {{ font-size: 17px; font-weight: 600; color: #333; line-height: 1.6; }}
.mchch-round-chips {{ gap: 6px; }}
.mchch button.mchch-round-chip {{ border: 3px solid #767676; background: white; color: #111; border-radius: 24px;
  font-size: 19px !important; padding: 0 12px; margin: 0; }}
{round_colours}
.mchch button.mchch-round-preset {{ font-size: 17px !important; margin: 0 0 0 6px; }}
.mchch-chart-view {{ display: block; }}
.mchch-chart-frame {{ max-height: 560px; overflow-y: auto; border: 1px solid #D6DEE6; border-radius: 6px; }}
.mchch-chart-frame .mchch-chart {{ display: block; width: 100%; height: auto; }}
.mchch-chart-frame svg text {{ white-space: pre; }}  /* spaces as matplotlib laid them out */
.mchch-chart-frame svg.mchch-chart * {{ stroke-linejoin: round; stroke-linecap: butt; }}  /* the chart's own <style> */
.mchch-chart-downloads {{ display: flex; align-items: center; gap: 10px; margin-top: 6px; }}
.mchch button.mchch-chart-download {{ height: 44px; padding: 0 16px; border: 2px solid #0072B2; border-radius: 6px;
  background: white; color: #005A8C; font-weight: 600; cursor: pointer; }}
.mchch-chart-download-note {{ font-size: 17px; color: #444; }}
.mchch-compare-summary > .widget-html-content {{ white-space: normal; line-height: 1.35; max-height: 600px;
  overflow-y: auto; }}
.mchch-summary-heading {{ font-size: 22px; font-weight: 700; margin-bottom: 6px; }}
.mchch-summary-gains, .mchch-summary-improved, .mchch-summary-slipped, .mchch-summary-stayed,
.mchch-summary-furthest, .mchch-summary-reached, .mchch-summary-outside {{ font-size: 21px; font-weight: 700;
  margin-top: 8px; }}
.mchch-summary-outside {{ color: #6A2C5A; }}
/* no round chosen: an empty chart, nothing to download (the page says why if pressed anyway) */
.mchch-downloads-off button.mchch-chart-download {{ opacity: 0.45; cursor: not-allowed; }}
.mchch-summary-gains {{ color: #00664A; }}
.mchch-summary-improved {{ color: #005A8C; }}
.mchch-summary-slipped {{ color: #9A3A00; }}
.mchch-summary-furthest {{ color: #7A4F00; }}
.mchch-summary-note {{ font-size: 18px; color: #333; margin-top: 8px; }}
.mchch-summary-items {{ margin: 2px 0 0 0; padding-left: 22px; font-size: 17px; line-height: 1.3; }}
"""


@cache
def stylesheet() -> str:
    font = fontpkg.path("Noto Sans Thai").read_bytes()
    return CSS.format(font=base64.b64encode(font).decode("ascii"), stack=FONT_STACK, round_colours=round_colour_rules())


def round_colour_rules() -> str:
    """A chip per round in its chart colour: border always, filled when chosen (see widget_round_picker)."""
    return "\n".join(
        f".mchch button.mchch-round-colour-{n} {{ border-color: {colour}; }}\n"
        f".mchch button.mchch-round-colour-{n}.mod-active {{ background: {colour}; color: {ink_on(colour)}; }}"
        for n, colour in enumerate(ROUND_COLOURS)
    )


def style_widget() -> widgets.HTML:
    return widgets.HTML(f"<style>{stylesheet()}</style>", layout=widgets.Layout(display="none"))


def set_class(widget: widgets.DOMWidget, css_class: str, on: bool) -> None:
    """Give `widget` the CSS class, or take it away."""
    if on:
        widget.add_class(css_class)
    else:
        widget.remove_class(css_class)


def text_block(text: str, css_class: str) -> widgets.HTML:
    """User text shown as text: escaped, so a `<script>` in a name is never run."""
    return markup_block(escape(text).replace("\n", "<br>"), css_class)


def markup_block(markup: str, css_class: str) -> widgets.HTML:
    """Our own HTML (already escaped where it holds user text)."""
    widget = widgets.HTML(markup)
    widget.add_class(css_class)
    return widget
