"""The checks card: gentle advice at the top of the forum, hidden when there is nothing to say."""

from __future__ import annotations

from html import escape

from workbook_files import reread

from mchch_widgets import forum, store
from mchch_widgets.text import t
from mchch_widgets.widgets.widget_forum_checks import VISIBLE, ForumChecks


def lines(card: ForumChecks) -> list[str]:
    return card.list.value.split("<div class='mchch-check'>")[1:]


def test_hidden_when_there_is_nothing_to_say(session, sample_folder):
    assert forum.checks(reread(sample_folder)) == []  # the sample is tidy

    card = ForumChecks(session)

    assert card.layout.display == "none"


def test_two_live_proposals_with_near_identical_titles_are_pointed_out(session, sample_folder):
    card = ForumChecks(session)
    forum.add_proposal(session.workbook, "ขายสินค้าผ่านเพจเฟซบุ๊กของกลุ่ม")
    forum.add_proposal(session.workbook, "ขายสินค้าผ่านเพจเฟซบุ๊กของกลุ่มฯ")
    session.save(store.INDICATORS)
    assert len(forum.near_duplicates(reread(sample_folder))) == 1

    card.refresh()

    assert card.layout.display is None
    assert t("checks_heading", "th", count=1) in card.heading.value
    expected = t("check_near_duplicate", "th", a="ขายสินค้าผ่านเพจเฟซบุ๊กของกลุ่ม", b="ขายสินค้าผ่านเพจเฟซบุ๊กของกลุ่มฯ")
    assert escape(expected) in card.list.value
    assert card.more.layout.display == "none"  # one point: nothing to expand


def test_thirteen_selected_is_too_many(session, sample_folder):
    proposed = [i.indicator_id for i in session.workbook.indicators if i.status == "proposed"]
    while len(session.workbook.selected_indicators()) < forum.MAX_SELECTED + 1:
        forum.select(session.workbook, proposed.pop(0))
    session.save(store.INDICATORS)
    count = len(reread(sample_folder).selected_indicators())
    assert count == 13

    card = ForumChecks(session)

    assert escape(t("check_too_many", "th", count=count, limit=forum.MAX_SELECTED)) in card.list.value


def test_a_long_list_shows_five_points_and_a_toggle_for_the_rest(session, sample_folder):
    for indicator in session.workbook.selected_indicators()[:8]:
        forum.set_level(session.workbook, indicator.indicator_id, 2, "")  # one point each
    session.save(store.INDICATORS)
    total = len(forum.checks(reread(sample_folder)))
    assert total > VISIBLE

    card = ForumChecks(session)
    assert len(lines(card)) == VISIBLE
    assert card.more.layout.display is None
    assert card.more.description == t("checks_show_all", "th", count=total)

    card.more.value = True
    assert len(lines(card)) == total
    assert card.more.description == t("checks_show_fewer", "th")

    card.more.value = False
    assert len(lines(card)) == VISIBLE


def test_hidden_again_once_the_group_fixes_things(session, sample_folder):
    first = session.workbook.selected_indicators()[0]
    target = first.target
    forum.set_target(session.workbook, first.indicator_id, None)
    session.save(store.INDICATORS)
    card = ForumChecks(session)
    assert card.layout.display is None
    assert escape(t("check_no_target", "th", title=first.title)) in card.list.value

    forum.set_target(session.workbook, first.indicator_id, target)
    session.save(store.INDICATORS)
    card.refresh()
    assert card.layout.display == "none"


def test_english_mode_shows_english(session, sample_folder):
    first = session.workbook.selected_indicators()[0]
    forum.set_target(session.workbook, first.indicator_id, None)
    session.save(store.INDICATORS)

    card = ForumChecks(session, language="en")

    assert t("checks_heading", "en", count=1) in card.heading.value
    assert t("checks_advice", "en") in card.heading.value
    assert escape(t("check_no_target", "en", title=first.title)) in card.list.value
    assert "ยังไม่ได้กำหนด" not in card.list.value


def test_a_script_in_a_title_is_shown_as_text(session, sample_folder):
    first = session.workbook.selected_indicators()[0]
    forum.edit(session.workbook, first.indicator_id, title="<script>alert(1)</script> บัญชี & เงินออม")
    forum.set_target(session.workbook, first.indicator_id, None)
    session.save(store.INDICATORS)

    card = ForumChecks(session)

    assert "<script>" not in card.list.value
    assert "&lt;script&gt;alert(1)&lt;/script&gt; บัญชี &amp; เงินออม" in card.list.value


def test_indicators_without_a_target_make_one_line_not_one_each(session, sample_folder):
    for indicator in session.workbook.selected_indicators()[:6]:
        forum.set_target(session.workbook, indicator.indicator_id, None)
    session.save(store.INDICATORS)

    card = ForumChecks(session)

    assert len(lines(card)) == 1
    assert t("check_no_targets", "th", count=6) in lines(card)[0]
