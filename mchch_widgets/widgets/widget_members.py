"""The lead team (ทีมนำการพัฒนา) and advisors (ที่ปรึกษา), saved to members.csv.

A new row is saved once it has a name. Removing takes two clicks (the button asks
"ยืนยันลบ?" first): on a projector there is no hover, and a slip must not lose a person.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..model import MEMBER_ROLES, TITLE_MAX, Member
from ..session import Session
from ..store import MEMBERS
from ..text import t
from .style import text_block
from .widget_confirm_button import ConfirmButton
from .widget_save_status import SaveStatus, save_files


class MemberRow(widgets.VBox):
    """One person on two lines: name and role; position, contact and a two-step remove button."""

    def __init__(self, member: Member, language: str, on_change, on_remove) -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.member = member
        self.language = language
        self.name = widgets.Text(value=member.name, placeholder=t("member_name", language),
                                 continuous_update=False, layout=widgets.Layout(flex="3 1 0", min_width="0"))
        self.role = widgets.Dropdown(options=[(t(f"role_{r}", language), r) for r in MEMBER_ROLES],
                                     value=member.role, layout=widgets.Layout(flex="0 0 200px"))
        self.position = widgets.Text(value=member.position, placeholder=t("member_position", language),
                                     continuous_update=False, layout=widgets.Layout(flex="2 1 0", min_width="0"))
        self.contact = widgets.Text(value=member.contact, placeholder=t("member_contact", language),
                                    continuous_update=False, layout=widgets.Layout(flex="2 1 0", min_width="0"))
        self.remove = ConfirmButton(t("member_remove", language), t("member_remove_confirm", language),
                                    lambda: on_remove(self), layout=widgets.Layout(width="auto", min_width="70px"))
        for field in (self.name, self.role, self.position, self.contact):
            field.observe(lambda _c: on_change(self), "value")
        line = widgets.Layout(width="100%", align_items="center")
        self.children = [
            widgets.HBox([self.name, self.role], layout=line),
            widgets.HBox([self.position, self.contact, self.remove], layout=line),
        ]
        self.add_class("mchch-member-row")

    def reset_remove(self) -> None:
        self.remove.disarm()


class MembersEditor(widgets.VBox):
    def __init__(self, session: Session, status: SaveStatus, language: str = "th") -> None:
        super().__init__(layout=widgets.Layout(width="50%"))
        self.session = session
        self.status = status
        self.language = language
        self.rows = [self._make_row(m) for m in session.workbook.members]
        self.add = widgets.Button(description=t("member_add", language), button_style="primary",
                                  layout=widgets.Layout(width="260px", height="48px", margin="8px 0 0 0"))
        self.add.on_click(lambda _b: self.add_person())
        self._draw()

    def _make_row(self, member: Member) -> MemberRow:
        return MemberRow(member, self.language, self._row_changed, self._remove_row)

    def _draw(self) -> None:
        heading = text_block(t("members_heading", self.language), "mchch-heading")
        empty = [text_block(t("member_none", self.language), "mchch-note")] if not self.rows else []
        self.children = [heading, *self.rows, *empty, self.add]

    def add_person(self) -> MemberRow:
        """A new empty row; it is written to members.csv once a name is typed."""
        row = self._make_row(Member(name=""))
        self.rows.append(row)
        self._draw()
        return row

    def _row_changed(self, row: MemberRow) -> None:
        row.reset_remove()
        name = row.name.value.strip()
        if len(name) > TITLE_MAX:
            self.status.failed(f"{t('member_name', self.language)}: {t('err_too_long', self.language, limit=TITLE_MAX)}")
            row.name.value = row.member.name
            return
        row.member.name = name
        row.member.role = row.role.value
        row.member.position = row.position.value.strip()
        row.member.contact = row.contact.value.strip()
        self._save()

    def _remove_row(self, row: MemberRow) -> None:
        if row.member.name:
            self.session.remember("undo_remove_member", title=row.member.name)
        self.rows.remove(row)
        self._draw()
        if not self._save() and row.member.name:
            self.session.forget()

    def refresh(self) -> None:
        """Show the people as they are in the workbook (after an undo, say)."""
        if [r.member for r in self.rows if r.member.name] != self.session.workbook.members:
            self.rows = [self._make_row(m) for m in self.session.workbook.members]
            self._draw()

    def _save(self) -> bool:
        # Rows without a name yet are kept on screen but not written (a name is required).
        before = self.session.workbook.members
        self.session.workbook.members = [r.member for r in self.rows if r.member.name]
        if save_files(self.session, self.status, self.language, MEMBERS):
            self.status.saved()
            return True
        self.session.workbook.members = before
        return False
