"""The application form (step 1): what profile.csv and members.csv hold is printed, the rest is left blank."""

from __future__ import annotations

import pytest
from chart_checks import sample_rows
from test_report import SCRIPT, Page, assert_self_contained

from conftest import TODAY
from mchch_widgets import model, samples, store
from mchch_widgets.model import Member
from mchch_widgets.report import BLANK_MEMBER_ROWS, ReportOptions, application_form_html
from mchch_widgets.text import t

TYPE_WORDS = {"leader": "ผู้นำชุมชน", "group": "กลุ่ม/องค์กรชุมชน", "network": "เครือข่ายองค์กรชุมชน",
              "community": "ชุมชน"}


def form_of(name: str) -> Page:
    workbook = store.read_workbook(samples.sample_path(name))
    html = application_form_html(workbook, ReportOptions(today=TODAY))
    assert_self_contained(html, page := Page(html))
    assert page.errors == []
    return page


@pytest.mark.parametrize("name", samples.sample_names())
def test_the_form_holds_the_profile_and_every_member(name):
    profile = sample_rows("profile.csv", name)[0]
    members = sample_rows("members.csv", name)
    page = form_of(name)

    assert t("form_title") in page.text
    for column in ("name", "subdistrict", "district", "province", "facilitator"):
        assert profile[column] in page.text
    for member in members:
        rows = [r for r in page.find("tr") if member["name"] in r.text]
        assert rows, member["name"]
        assert member["position"] in rows[0].text and member["contact"] in rows[0].text
    tables = page.find("table", "members")
    leads = [m for m in members if m["role"] == "lead"]
    assert leads[0]["name"] in tables[0].text  # the lead team's table comes first
    assert f"ประธานคณะกรรมการ มชช. อำเภอ{profile['district']}" in page.text


@pytest.mark.parametrize("name", samples.sample_names())
def test_the_applicant_type_is_ticked_and_its_documents_listed(name):
    kind = sample_rows("profile.csv", name)[0]["target_type"]
    page = form_of(name)

    chosen = page.find("span", "chosen")
    assert [c.text for c in chosen] == [TYPE_WORDS[kind]]  # bold and ticked: a word, not colour alone
    assert len(page.find("span", "ticked")) == 1
    documents = {"leader": "สำเนาบัตรประจำตัวประชาชน", "group": "บันทึกการประชุมกลุ่ม",
                 "network": "บันทึกการประชุมเครือข่าย", "community": "บันทึกประชาคมชุมชน"}
    assert documents[kind] in page.text
    others = set(documents.values()) - {documents[kind]}
    assert not any(other in page.text for other in others)


@pytest.mark.parametrize("name", samples.sample_names())
def test_what_the_data_does_not_hold_is_a_dotted_blank(name):
    kind = sample_rows("profile.csv", name)[0]["target_type"]
    page = form_of(name)

    resolution = t("form_meeting_date") if kind != "leader" else t("form_leader_years")
    assert resolution in page.text
    # date written, meeting or years, signatures and the office's box: all to fill by hand
    assert len(page.find("span", "dots")) >= 15
    lead_table = page.find("table", "members")[0]
    assert t("form_col_signature") in lead_table.text  # each of the lead team signs beside their name


def test_a_workbook_without_members_leaves_rows_to_fill_by_hand():
    workbook = model.new_workbook("กลุ่มใหม่", "group")
    page = Page(application_form_html(workbook, ReportOptions(today=TODAY)))

    assert page.errors == []
    assert t("form_no_lead_team") in page.text and t("form_no_advisors") in page.text
    lead_table = page.find("table", "members")[0]
    numbers = [str(n) for n in range(1, BLANK_MEMBER_ROWS + 1)]
    assert lead_table.text.split()[-BLANK_MEMBER_ROWS:] == numbers
    assert t("form_to_blank") in page.text  # no district yet: a blank for it


def test_a_script_in_a_member_or_the_name_is_shown_as_text():
    workbook = store.read_workbook(samples.sample_path())
    workbook.profile.name = SCRIPT
    workbook.members = [Member(SCRIPT, "lead", contact="<b>081</b>", position="<i>ประธาน</i>")]
    html = application_form_html(workbook, ReportOptions(today=TODAY))
    page = Page(html)

    assert page.errors == [] and not page.find("script") and not page.find("b") and not page.find("i")
    assert SCRIPT in page.text and "<b>081</b>" in page.text and "<i>ประธาน</i>" in page.text


def test_english_form():
    workbook = store.read_workbook(samples.sample_path())
    page = Page(application_form_html(workbook, ReportOptions(lang="en", today=TODAY)))

    assert "Application to join" in page.text
    assert "Community group or organisation" in page.text
