"""Step 1 (สมัคร): who is joining, where, who facilitates, and the score scale.

Every field is saved to profile.csv as soon as it changes (Enter or leaving a text box);
a value that cannot be accepted is put back and the reason is shown in the status badge.
"""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as widgets

from .. import geography
from ..assessment import keep_round_scales, rounds_in_progress
from ..model import TARGET_TYPES, TITLE_MAX
from ..session import Session
from ..store import INDICATORS, PROFILE, ROUNDS
from ..text import t
from ..thai import format_date
from .style import markup_block, text_block
from .widget_members import MembersEditor
from .widget_save_status import SaveStatus, formula_note, save_files

SCALE_LOW_CHOICES = (0, 1)
SCALE_HIGH_CHOICES = tuple(range(3, 11))


class ProfileStep(widgets.VBox):
    def __init__(self, session: Session, status: SaveStatus, language: str = "th", thai_digits: bool = False):
        super().__init__()
        self.session = session
        self.status = status
        self.language = language
        profile = session.workbook.profile
        lang = language
        wide = widgets.Layout(width="100%")

        self.name = widgets.Text(value=profile.name, continuous_update=False, layout=wide)
        self.target_type = widgets.Dropdown(
            options=[(t(f"target_{key}", lang), key) for key in TARGET_TYPES], value=profile.target_type,
            layout=wide,
        )
        self.province = widgets.Dropdown(layout=wide)
        self.district = widgets.Dropdown(layout=wide)
        self.subdistrict = widgets.Dropdown(layout=wide)
        self.facilitator = widgets.Text(value=profile.facilitator, continuous_update=False, layout=wide)
        self.scale_min = widgets.Dropdown(options=SCALE_LOW_CHOICES, value=profile.scale_min,
                                          layout=widgets.Layout(width="110px"))
        self.scale_max = widgets.Dropdown(options=SCALE_HIGH_CHOICES, value=profile.scale_max,
                                          layout=widgets.Layout(width="110px"))
        self._fill_places()

        self.name.observe(self._on_name, "value")
        self.facilitator.observe(self._on_facilitator, "value")
        self.target_type.observe(lambda c: self._save_profile(target_type=c["new"]), "value")
        self.province.observe(self._on_province, "value")
        self.district.observe(self._on_district, "value")
        self.subdistrict.observe(lambda c: self._save_profile(subdistrict=c["new"] or ""), "value")
        self.scale_min.observe(self._on_scale, "value")
        self.scale_max.observe(self._on_scale, "value")

        created = format_date(profile.created_at, lang, digits=thai_digits)
        form = widgets.VBox([
            self._row("field_name", self.name),
            self._row("field_target_type", self.target_type),
            self._row("field_province", self.province),
            self._row("field_district", self.district),
            self._row("field_subdistrict", self.subdistrict),
            self._row("field_facilitator", self.facilitator),
            self._row("field_scale", widgets.HBox([
                self.scale_min, widgets.Label(t("field_scale_to", lang)), self.scale_max])),
            self._row("field_created_at", widgets.Label(created)),
        ], layout=widgets.Layout(width="50%", padding="0 16px 0 0"))
        self.members = MembersEditor(session, status, language)
        columns = widgets.HBox([form, self.members], layout=widgets.Layout(width="100%"))
        self.children = [
            text_block(t("step1_heading", lang), "mchch-heading"),
            text_block(t("step1_help", lang), "mchch-help"),
            columns,
        ]

    def refresh(self) -> None:
        """The lead team may have changed elsewhere (an undo); the profile fields save as they go."""
        self.members.refresh()

    def _row(self, key: str, field: widgets.Widget) -> widgets.Widget:
        label = markup_block(f"<b>{t(key, self.language)}</b>", "mchch-field-label")
        label.layout = widgets.Layout(width="190px", min_width="190px")
        return widgets.HBox([label, field], layout=widgets.Layout(width="100%", align_items="center"))

    # --- places: cascading choices; a name typed by hand elsewhere is kept as a choice ---

    def _choices(self, names: tuple[str, ...], current: str) -> list[tuple[str, str]]:
        options = [(t("choose", self.language), "")] + [(n, n) for n in names]
        if current and current not in names:
            options.append((current, current))
        return options

    def _fill_places(self) -> None:
        p = self.session.workbook.profile
        self.province.options = self._choices(geography.province_names(), p.province)
        self.province.value = p.province
        self.district.options = self._choices(geography.district_names(p.province), p.district)
        self.district.value = p.district
        self.subdistrict.options = self._choices(geography.subdistrict_names(p.province, p.district), p.subdistrict)
        self.subdistrict.value = p.subdistrict

    def _on_province(self, change) -> None:
        province = change["new"] or ""
        if province == self.session.workbook.profile.province:
            return
        if self._save_profile(province=province, district="", subdistrict=""):
            self._fill_places()

    def _on_district(self, change) -> None:
        district = change["new"] or ""
        if district == self.session.workbook.profile.district:
            return
        if self._save_profile(district=district, subdistrict=""):
            self._fill_places()

    # --- text fields ---

    def _on_name(self, change) -> None:
        self._save_text(self.name, "name", change, required=True)

    def _on_facilitator(self, change) -> None:
        self._save_text(self.facilitator, "facilitator", change, required=False)

    def _save_text(self, field: widgets.Text, attribute: str, change, required: bool) -> None:
        text = change["new"].strip()
        problem = None
        if required and not text:
            problem = t("err_required", self.language)
        elif len(text) > TITLE_MAX:
            problem = t("err_too_long", self.language, limit=TITLE_MAX)
        if problem:
            self.status.failed(f"{t('field_' + attribute, self.language)}: {problem}")
            field.value = change["old"]  # put back what is saved
            return
        if text != change["new"]:
            field.value = text  # saved without stray spaces; this fires again with the clean text
            return
        if getattr(self.session.workbook.profile, attribute) == text:
            return
        note = formula_note(self.language, text)
        if self._save_profile(**{attribute: text}) and note:
            self.status.saved(note)

    # --- scale ---

    def _on_scale(self, _change) -> None:
        low, high = self.scale_min.value, self.scale_max.value
        profile = self.session.workbook.profile
        if (low, high) == (profile.scale_min, profile.scale_max):
            return
        outside = [s for s in self.session.workbook.scores if s.score is not None and not low <= s.score <= high]
        reason = None
        in_progress = rounds_in_progress(self.session.workbook)
        if low >= high:
            reason = t("scale_order", self.language)
        elif outside:
            reason = t("scale_in_use", self.language, count=len(outside), low=low, high=high)
        elif in_progress:  # its ratings so far and those to come must be on one scale
            reason = t("scale_round_open", self.language, labels=", ".join(r.label for r in in_progress))
        if reason:
            self.status.failed(reason)
            self.scale_min.value, self.scale_max.value = profile.scale_min, profile.scale_max
            return
        workbook = self.session.workbook
        rounds_before = [dict(r.extra) for r in workbook.rounds]
        # Rounds already scored keep the scale they were scored on (charts must not mix the two);
        # indicators.csv before profile.csv: its level columns must cover the new scale first.
        if not self._save_profile(files=(INDICATORS, ROUNDS, PROFILE), scale_min=low, scale_max=high,
                                  then=lambda: keep_round_scales(workbook, profile.levels)):
            for round_, extra in zip(workbook.rounds, rounds_before):
                round_.extra = extra
            self.scale_min.value, self.scale_max.value = profile.scale_min, profile.scale_max

    def _save_profile(self, files: tuple[str, ...] = (PROFILE,), then=None, **changes) -> bool:
        workbook = self.session.workbook
        before = workbook.profile
        workbook.profile = replace(before, **changes)
        if then is not None:
            then()
        if save_files(self.session, self.status, self.language, *files):
            self.status.saved()
            return True
        workbook.profile = before
        return False

