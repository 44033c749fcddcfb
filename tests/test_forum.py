"""forum: the indicator forum's rules, checked on the files saved and read back."""

from __future__ import annotations

from copy import deepcopy
from itertools import pairwise
from pathlib import Path

import pytest
from workbook_files import read_csv_text, reread

from mchch_widgets import csvfile, forum, model, store
from mchch_widgets.model import TITLE_MAX, Refused, Workbook
from mchch_widgets.session import Session
from mchch_widgets.suggestions import generic_ladder
from mchch_widgets.text import t

INDICATORS = store.INDICATORS


def new_session(tmp_path: Path, *titles: str, scale_min: int = 1, scale_max: int = 5) -> Session:
    """A small saved workbook holding proposals `titles`, open in a session."""
    workbook = model.new_workbook("กลุ่มทดลอง", "group", scale_min=scale_min, scale_max=scale_max)
    for title in titles:
        forum.add_proposal(workbook, title)
    folder = tmp_path / "small"
    store.create_workbook(folder, workbook)
    return Session(folder)


def saved(session: Session, *files: str) -> Workbook:
    """Save `files` through the session and read the whole workbook back from disk."""
    session.save(*files)
    return reread(session.folder)


def ids(indicators) -> list[str]:
    return [i.indicator_id for i in indicators]


def by_id(workbook: Workbook, indicator_id: str) -> model.Indicator:
    return forum.find(workbook, indicator_id)


def dropped_copy(workbook: Workbook) -> model.Indicator:
    """The sample's dropped proposal whose title a live one repeats (a merge made by hand)."""
    live = {store.title_key(i.title) for i in forum.live(workbook)}
    return next(i for i in forum.dropped(workbook) if store.title_key(i.title) in live)


def refused(call, *args, **kwargs) -> Refused:
    with pytest.raises(Refused) as caught:
        call(*args, **kwargs)
    for lang in ("th", "en"):
        assert caught.value.message(lang).strip()
    return caught.value


# --- titles ------------------------------------------------------------------------------


@pytest.mark.parametrize("title", ["", " ", "   \n\t  ", "\r\n", "\u00a0", "\u3000", "\u200b", " \u200b \ufeff "])
def test_an_empty_or_blank_title_is_refused(tmp_path: Path, title: str):
    session = new_session(tmp_path, "มีการประชุมกลุ่ม")
    before = deepcopy(session.workbook.indicators)

    assert refused(forum.add_proposal, session.workbook, title).key == "err_title_empty"
    assert refused(forum.check_title, session.workbook, title).key == "err_title_empty"
    assert session.workbook.indicators == before


def test_a_title_of_200_characters_is_kept_and_201_refused(tmp_path: Path):
    session = new_session(tmp_path)
    longest = "ก" * TITLE_MAX
    error = refused(forum.add_proposal, session.workbook, longest + "ข")
    assert (error.key, error.params) == ("err_title_long", {"limit": TITLE_MAX, "count": TITLE_MAX + 1})
    assert session.workbook.indicators == []

    forum.add_proposal(session.workbook, longest)
    assert [i.title for i in saved(session, INDICATORS).indicators] == [longest]


def test_length_counts_the_title_as_kept_not_as_typed(tmp_path: Path):
    session = new_session(tmp_path)
    typed = "  " + "ก" * 150 + "\n\n      " + "ข" * 49 + "   "  # 200 once spaces are collapsed
    indicator = forum.add_proposal(session.workbook, typed)
    assert len(indicator.title) == TITLE_MAX


@pytest.mark.parametrize("existing, typed", [
    ("Good Management", "  good   MANAGEMENT "),
    ("การประชุมกลุ่ม ทุกเดือน", "การประชุมกลุ่ม\n   ทุกเดือน"),
    ("การประชุมกลุ่มทุกเดือน", " การประชุมกลุ่มทุกเดือน\t"),
    ("บัญชีกลุ่ม (OTOP)", "บัญชีกลุ่ม (otop)"),
    ("การประชุมกลุ่ม", "การประชุม\u200bกลุ่ม"),  # a zero-width space copied from the web
])
def test_the_same_title_as_a_live_proposal_is_refused(tmp_path: Path, existing: str, typed: str):
    session = new_session(tmp_path, existing)
    before = deepcopy(session.workbook.indicators)

    error = refused(forum.add_proposal, session.workbook, typed)
    assert (error.key, error.params) == ("err_title_taken", {"title": existing})
    assert existing in error.message("th") and existing in error.message("en")
    assert session.workbook.indicators == before


def test_a_selected_title_of_the_sample_is_taken_too(session: Session):
    selected = session.workbook.selected_indicators()[2]
    error = refused(forum.add_proposal, session.workbook, f"  {selected.title}  ")
    assert error.params == {"title": selected.title}


def test_newlines_in_a_title_become_one_space(tmp_path: Path):
    session = new_session(tmp_path)
    forum.add_proposal(session.workbook, "การประชุม\nกลุ่ม\r\n\r\n  ทุกเดือน\t", aspect=" การ\nบริหาร ")
    indicator = saved(session, INDICATORS).indicators[0]
    assert (indicator.title, indicator.aspect) == ("การประชุม กลุ่ม ทุกเดือน", "การ บริหาร")


@pytest.mark.parametrize("title", [
    '=HYPERLINK("http://example.com","คลิก")',
    "=1+1",
    "+66 81 234 5678 โทรหาประธาน",
    "-ลดขยะ, เพิ่มรายได้",
    "@ทุกคน มาประชุม",
    "'=ใส่เครื่องหมายเองแล้ว",
    "''",
    "'",
    '"ออม" วันละ 1 บาท, ทุกคน',
    'ราคา "ยุติธรรม", ไม่ ""กด"" ราคา',
])
def test_commas_quotes_and_formula_starts_survive_a_save_exactly(tmp_path: Path, title: str):
    session = new_session(tmp_path)
    description = f"{title}\nบรรทัดที่สอง, มี \"คำพูด\""
    indicator = forum.add_proposal(session.workbook, title, aspect=title, description=description)

    back = by_id(saved(session, INDICATORS), indicator.indicator_id)
    assert (back.title, back.aspect, back.description) == (title, title, description)
    _folder_workbook, problems = store.check_workbook(session.folder)
    assert problems == []  # written escaped: no formula warning when it is read back


def test_formula_starts_are_escaped_in_the_file(tmp_path: Path):
    session = new_session(tmp_path)
    forum.add_proposal(session.workbook, '=HYPERLINK("http://x","y")')
    session.save(INDICATORS)
    rows = csvfile.read_rows(session.folder / INDICATORS)
    title_cell = rows[1][rows[0].index("title")]
    assert title_cell == '\'=HYPERLINK("http://x","y")'


def test_readding_a_dropped_title_brings_that_proposal_back(session: Session):
    workbook = session.workbook
    dropped = next(i for i in forum.dropped(workbook) if i is not dropped_copy(workbook))
    count = len(workbook.indicators)

    back = forum.add_proposal(workbook, f"  {dropped.title}\n")
    assert back is dropped
    assert len(workbook.indicators) == count

    again = saved(session, INDICATORS)
    assert by_id(again, dropped.indicator_id).status == "proposed"
    assert [i.title for i in again.indicators].count(dropped.title) == 1


def test_readding_keeps_the_old_words_unless_new_ones_are_given(tmp_path: Path):
    session = new_session(tmp_path, "ตลาดนัดชุมชน")
    indicator = session.workbook.indicators[0]
    forum.edit(session.workbook, indicator.indicator_id, aspect="การตลาด", description="ทุกวันศุกร์")
    forum.drop(session.workbook, indicator.indicator_id)

    forum.add_proposal(session.workbook, "ตลาดนัดชุมชน", description="ทุกวันเสาร์")
    back = saved(session, INDICATORS).indicators
    assert [(i.indicator_id, i.status, i.aspect, i.description) for i in back] == [
        (indicator.indicator_id, "proposed", "การตลาด", "ทุกวันเสาร์")]


def test_readding_a_dropped_title_after_a_merge_was_saved_still_brings_it_back(tmp_path: Path):
    """Once any merge is saved, every row has a `merged_into` cell, mostly empty."""
    session = new_session(tmp_path, "ตลาดนัด", "ตลาดนัดชุมชน", "ออมทรัพย์")
    market, market2, savings = ids(session.workbook.indicators)
    forum.merge(session.workbook, market, market2)
    forum.drop(session.workbook, savings)
    session.save(INDICATORS)

    reopened = Session(session.folder)
    back = forum.add_proposal(reopened.workbook, "ออมทรัพย์")
    assert back.indicator_id == savings
    again = saved(reopened, INDICATORS)
    assert [i.indicator_id for i in again.indicators if i.title == "ออมทรัพย์"] == [savings]


def test_a_merged_title_comes_back_as_a_new_proposal(tmp_path: Path):
    session = new_session(tmp_path, "ตลาดนัด", "ตลาดนัดชุมชน")
    keep, other = ids(session.workbook.indicators)
    forum.merge(session.workbook, keep, other)

    new = forum.add_proposal(session.workbook, "ตลาดนัดชุมชน")
    assert new.indicator_id not in (keep, other)

    again = saved(session, INDICATORS)
    assert by_id(again, other).status == "dropped"
    assert by_id(again, other).extra[forum.MERGED_INTO] == keep
    assert by_id(again, new.indicator_id).status == "proposed"


def test_a_merged_title_read_back_from_the_file_still_comes_back_as_new(tmp_path: Path):
    session = new_session(tmp_path, "ตลาดนัด", "ตลาดนัดชุมชน")
    keep, other = ids(session.workbook.indicators)
    forum.merge(session.workbook, keep, other)
    session.save(INDICATORS)

    reopened = Session(session.folder)
    new = forum.add_proposal(reopened.workbook, "ตลาดนัดชุมชน")
    again = saved(reopened, INDICATORS)
    assert [(i.indicator_id, i.status) for i in again.indicators if i.title == "ตลาดนัดชุมชน"] == [
        (other, "dropped"), (new.indicator_id, "proposed")]


def test_a_dropped_title_that_a_live_proposal_repeats_cannot_be_added(session: Session):
    """The sample keeps a dropped copy of a live title (a merge made by hand)."""
    workbook = session.workbook
    copy = dropped_copy(workbook)
    error = refused(forum.add_proposal, workbook, copy.title)
    assert error.key == "err_title_taken"
    assert copy.status == "dropped"


def test_a_long_aspect_is_refused_and_nothing_added(tmp_path: Path):
    session = new_session(tmp_path)
    error = refused(forum.add_proposal, session.workbook, "ชื่อที่ใช้ได้", aspect="ก" * (TITLE_MAX + 1))
    assert error.key == "err_aspect_long"
    assert session.workbook.indicators == []


# --- editing -----------------------------------------------------------------------------


@pytest.mark.parametrize("change, key", [
    ({"title": "   "}, "err_title_empty"),
    ({"title": "ข" * (TITLE_MAX + 1)}, "err_title_long"),
    ({"title": " บัญชีโปร่งใส "}, "err_title_taken"),
    ({"title": "ชื่อใหม่ที่ใช้ได้", "aspect": "ค" * (TITLE_MAX + 1), "description": "ใหม่"}, "err_aspect_long"),
    ({"title": "", "aspect": "ใหม่", "description": "ใหม่"}, "err_title_empty"),
])
def test_a_refused_edit_changes_nothing(tmp_path: Path, change: dict, key: str):
    session = new_session(tmp_path, "การประชุมกลุ่ม", "บัญชีโปร่งใส")
    first = session.workbook.indicators[0]
    forum.edit(session.workbook, first.indicator_id, aspect="การบริหาร", description="เดิม")
    session.save(INDICATORS)
    before = deepcopy(session.workbook.indicators)
    file_before = (session.folder / INDICATORS).read_bytes()

    assert refused(forum.edit, session.workbook, first.indicator_id, **change).key == key
    assert session.workbook.indicators == before
    session.save(INDICATORS)
    assert (session.folder / INDICATORS).read_bytes() == file_before


def test_an_edit_may_change_the_case_of_its_own_title(tmp_path: Path):
    session = new_session(tmp_path, "good management", "การประชุมกลุ่ม")
    first, second = session.workbook.indicators
    forum.edit(session.workbook, first.indicator_id, title="Good  Management")
    forum.edit(session.workbook, second.indicator_id, title=" การประชุมกลุ่ม\n", description="  ทุกเดือน \n")
    again = saved(session, INDICATORS)
    assert [(i.title, i.description) for i in again.indicators] == [
        ("Good Management", ""), ("การประชุมกลุ่ม", "ทุกเดือน")]


def test_an_edit_may_take_the_title_of_a_dropped_proposal(tmp_path: Path):
    session = new_session(tmp_path, "ตลาดนัด", "ตลาดชุมชน")
    first, second = ids(session.workbook.indicators)
    forum.drop(session.workbook, first)
    forum.edit(session.workbook, second, title="ตลาดนัด")
    again = saved(session, INDICATORS)
    assert [(i.title, i.status) for i in again.indicators] == [("ตลาดนัด", "dropped"), ("ตลาดนัด", "proposed")]


# --- dot voting --------------------------------------------------------------------------


def test_votes_never_go_below_zero(tmp_path: Path):
    session = new_session(tmp_path, "การประชุมกลุ่ม")
    indicator_id = session.workbook.indicators[0].indicator_id
    forum.add_votes(session.workbook, indicator_id)
    forum.add_votes(session.workbook, indicator_id, 2)
    assert saved(session, INDICATORS).indicators[0].votes == 3

    for step in (-1, -1, -1, -1, -5):
        forum.add_votes(session.workbook, indicator_id, step)
    assert saved(session, INDICATORS).indicators[0].votes == 0


def test_negative_votes_are_refused(tmp_path: Path):
    session = new_session(tmp_path, "การประชุมกลุ่ม")
    indicator_id = session.workbook.indicators[0].indicator_id
    forum.set_votes(session.workbook, indicator_id, 7)
    assert refused(forum.set_votes, session.workbook, indicator_id, -1).key == "err_votes_negative"
    assert saved(session, INDICATORS).indicators[0].votes == 7
    forum.set_votes(session.workbook, indicator_id, 0)
    assert saved(session, INDICATORS).indicators[0].votes == 0


def test_by_votes_puts_most_first_and_ties_keep_file_order(tmp_path: Path):
    titles = ["ก", "ข", "ค", "ง", "จ", "ฉ"]
    session = new_session(tmp_path, *titles)
    workbook = session.workbook
    votes = dict(zip(titles, [3, 5, 3, 0, 5, 9]))
    for indicator in workbook.indicators:
        forum.set_votes(workbook, indicator.indicator_id, votes[indicator.title])
    forum.drop(workbook, workbook.indicators[5].indicator_id)  # dropped: not ranked

    assert [i.title for i in forum.by_votes(workbook)] == ["ข", "จ", "ก", "ค", "ง"]
    assert [i.title for i in forum.by_votes(saved(session, INDICATORS))] == ["ข", "จ", "ก", "ค", "ง"]


def test_by_votes_of_the_sample_is_sorted_and_stable(session: Session):
    ranked = forum.by_votes(session.workbook)
    live = forum.live(session.workbook)
    assert sorted(ids(ranked)) == sorted(ids(live))
    for a, b in pairwise(ranked):
        assert a.votes > b.votes or (a.votes == b.votes and live.index(a) < live.index(b))


def test_by_aspect_groups_in_first_seen_order_with_no_aspect_last(tmp_path: Path):
    session = new_session(tmp_path)
    workbook = session.workbook
    for n, aspect in enumerate(["การผลิต", "", "การตลาด", "การผลิต", "", "การตลาด", "สวัสดิการ"]):
        forum.add_proposal(workbook, f"ข้อ {n}", aspect=aspect)
    forum.drop(workbook, workbook.indicators[6].indicator_id)  # its aspect has nothing live left

    groups = forum.by_aspect(saved(session, INDICATORS))
    assert [(aspect, [i.title for i in items]) for aspect, items in groups] == [
        ("การผลิต", ["ข้อ 0", "ข้อ 3"]),
        ("การตลาด", ["ข้อ 2", "ข้อ 5"]),
        ("", ["ข้อ 1", "ข้อ 4"]),
    ]
    assert forum.aspects(workbook) == sorted({"การผลิต", "การตลาด", "สวัสดิการ"})


# --- merging -----------------------------------------------------------------------------


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Session, str, str]:
    """Two proposals about the same thing; the second has more words, a target and a plan."""
    session = new_session(tmp_path, "บัญชีกลุ่มโปร่งใส", "บัญชีโปร่งใสตรวจสอบได้", "สวัสดิการสมาชิก")
    workbook = session.workbook
    keep, other, _third = ids(workbook.indicators)
    forum.edit(workbook, keep, description="ลงบัญชีทุกวัน")
    forum.edit(workbook, other, description="มีกรรมการตรวจสอบ")
    forum.set_votes(workbook, keep, 4)
    forum.set_votes(workbook, other, 6)
    forum.set_level(workbook, keep, 1, "ไม่มีบัญชี")
    for level, text in {1: "ไม่มีสมุด", 2: "มีสมุดบัญชี", 5: "ติดประกาศทุกเดือน"}.items():
        forum.set_level(workbook, other, level, text)
    forum.set_target(workbook, other, 4)
    workbook.plan.append(model.PlanActivity("a1", other, "อบรมการทำบัญชี"))
    workbook.plan.append(model.PlanActivity("a2", _third, "ตั้งกองทุน"))
    session.save()
    return session, keep, other


def test_merge_folds_votes_words_levels_target_and_plan_into_the_one_kept(pair):
    session, keep, other = pair
    other_title = by_id(session.workbook, other).title
    forum.merge(session.workbook, keep, other)
    again = saved(session, INDICATORS, store.PLAN)

    kept = by_id(again, keep)
    assert kept.votes == 10
    assert kept.description == "\n".join(["ลงบัญชีทุกวัน", "มีกรรมการตรวจสอบ", t("merged_from", "th", title=other_title)])
    assert kept.levels == {1: "ไม่มีบัญชี", 2: "มีสมุดบัญชี", 3: "", 4: "", 5: "ติดประกาศทุกเดือน"}
    assert kept.target == 4
    assert kept.status == "proposed"
    assert [(a.activity_id, a.indicator_id) for a in again.plan] == [("a1", keep), ("a2", again.indicators[2].indicator_id)]

    gone = by_id(again, other)
    assert (gone.status, gone.votes, gone.extra[forum.MERGED_INTO]) == ("dropped", 0, keep)
    header = read_csv_text(session.folder, INDICATORS).splitlines()[0].split(",")
    assert header[-1] == forum.MERGED_INTO
    assert by_id(again, again.indicators[2].indicator_id).extra[forum.MERGED_INTO] == ""


def test_merge_keeps_the_target_of_the_one_kept_and_writes_english(pair):
    session, keep, other = pair
    forum.set_target(session.workbook, keep, 3)
    forum.merge(session.workbook, keep, other, lang="en")
    kept = by_id(saved(session, INDICATORS), keep)
    assert kept.target == 3
    assert kept.description.endswith(t("merged_from", "en", title="บัญชีโปร่งใสตรวจสอบได้"))


def test_merging_a_selected_proposal_selects_the_one_kept(pair):
    session, keep, other = pair
    forum.select(session.workbook, other)
    forum.merge(session.workbook, keep, other)
    again = saved(session, INDICATORS)
    assert ids(again.selected_indicators()) == [keep]


def test_merging_into_itself_is_refused(pair):
    session, keep, _other = pair
    before = deepcopy(session.workbook)
    assert refused(forum.merge, session.workbook, keep, keep).key == "err_merge_self"
    assert session.workbook == before


def test_merging_an_indicator_that_has_scores_is_refused_and_changes_nothing(session: Session):
    workbook = session.workbook
    scored = workbook.selected_indicators()[0]
    keep = next(i for i in forum.live(workbook) if i.status == "proposed")
    count = sum(1 for s in workbook.scores if s.indicator_id == scored.indicator_id)
    before = deepcopy(workbook)

    error = refused(forum.merge, workbook, keep.indicator_id, scored.indicator_id)
    assert (error.key, error.params) == ("err_merge_scored", {"title": scored.title, "count": count})
    assert workbook == before


def test_merging_into_a_dropped_copy_of_a_live_title_is_refused(session: Session):
    """Making the dropped copy live again would give two live proposals one title: an unreadable file."""
    workbook = session.workbook
    copy = dropped_copy(workbook)
    other = next(i for i in forum.live(workbook) if i.status == "proposed")
    forum.select(workbook, other.indicator_id)
    before = deepcopy(workbook)

    assert refused(forum.merge, workbook, copy.indicator_id, other.indicator_id).key == "err_title_taken"
    assert workbook == before


def test_merging_into_a_dropped_proposal_brings_it_back(pair):
    session, keep, other = pair
    forum.drop(session.workbook, keep)
    forum.merge(session.workbook, keep, other)
    again = saved(session, INDICATORS)
    assert by_id(again, keep).status == "proposed"
    assert by_id(again, keep).votes == 10
    assert ids(forum.live(again)) == [keep, again.indicators[2].indicator_id]


def test_merge_may_bring_back_a_dropped_keep_whose_twin_is_the_other(tmp_path: Path):
    """The only live proposal with the dropped one's title is the one being folded in: no clash."""
    session = new_session(tmp_path, "ตลาดนัด", "ตลาด")
    first, market = ids(session.workbook.indicators)
    forum.merge(session.workbook, market, first)
    twin = forum.add_proposal(session.workbook, "ตลาดนัด").indicator_id  # first was merged: a new one

    forum.merge(session.workbook, first, twin)
    again = saved(session, INDICATORS)
    assert [(i.indicator_id, i.status) for i in again.indicators] == [
        (first, "proposed"), (market, "proposed"), (twin, "dropped")]
    assert by_id(again, twin).extra[forum.MERGED_INTO] == first
    assert by_id(again, first).extra[forum.MERGED_INTO] == ""


# --- selecting, dropping, ordering --------------------------------------------------------


def test_select_appends_at_the_end_of_the_selected_set_and_survives_a_save(session: Session):
    workbook = session.workbook
    first_selected = ids(workbook.selected_indicators())
    proposed = [i.indicator_id for i in workbook.indicators if i.status == "proposed"]
    a, b = proposed[-1], proposed[0]

    forum.select(workbook, a)
    forum.select(workbook, b)
    assert ids(workbook.selected_indicators()) == first_selected + [a, b]
    again = saved(session, INDICATORS)
    assert ids(again.selected_indicators()) == first_selected + [a, b]
    assert len(again.indicators) == len(workbook.indicators)


def test_select_of_an_already_selected_indicator_keeps_its_place(session: Session):
    order = ids(session.workbook.selected_indicators())
    forum.select(session.workbook, order[0])
    assert ids(saved(session, INDICATORS).selected_indicators()) == order


def test_select_fills_only_empty_levels_with_the_generic_ladder(tmp_path: Path):
    session = new_session(tmp_path, "การประชุมกลุ่ม")
    indicator_id = session.workbook.indicators[0].indicator_id
    forum.set_level(session.workbook, indicator_id, 1, "ไม่เคยประชุม")
    forum.set_level(session.workbook, indicator_id, 3, "   ")
    forum.set_level(session.workbook, indicator_id, 5, "ประชุมทุกเดือน")

    forum.select(session.workbook, indicator_id)
    ladder = generic_ladder(range(1, 6))
    levels = saved(session, INDICATORS).indicators[0].levels
    assert levels == {1: "ไม่เคยประชุม", 2: ladder[2], 3: ladder[3], 4: ladder[4], 5: "ประชุมทุกเดือน"}


def test_select_keeps_the_sample_words(session: Session):
    proposed = next(i for i in session.workbook.indicators if i.status == "proposed")
    words = dict(proposed.levels)
    assert all(words.values())
    forum.select(session.workbook, proposed.indicator_id, lang="en")
    assert by_id(saved(session, INDICATORS), proposed.indicator_id).levels == words


def test_select_uses_the_ladder_of_the_workbook_scale_and_language(tmp_path: Path):
    session = new_session(tmp_path, "การประชุมกลุ่ม", scale_min=0, scale_max=3)
    indicator_id = session.workbook.indicators[0].indicator_id
    forum.select(session.workbook, indicator_id, lang="en")
    assert saved(session, INDICATORS).indicators[0].levels == generic_ladder(range(4), "en")


def test_selecting_a_dropped_copy_of_a_live_title_is_refused(session: Session):
    workbook = session.workbook
    copy = dropped_copy(workbook)
    before = deepcopy(workbook.indicators)
    assert refused(forum.select, workbook, copy.indicator_id).key == "err_title_taken"
    assert workbook.indicators == before


def test_selecting_a_merged_proposal_forgets_where_it_went(pair):
    session, keep, other = pair
    forum.merge(session.workbook, keep, other)
    forum.select(session.workbook, other)
    again = by_id(saved(session, INDICATORS), other)
    assert again.status == "selected"
    assert again.extra.get(forum.MERGED_INTO, "") == ""


def test_unselect_drop_restore_and_drop_unselected(session: Session):
    workbook = session.workbook
    selected = ids(workbook.selected_indicators())
    proposed = [i.indicator_id for i in workbook.indicators if i.status == "proposed"]
    was_dropped = ids(forum.dropped(workbook))

    forum.unselect(workbook, selected[0])
    forum.drop(workbook, proposed[0])
    again = saved(session, INDICATORS)
    assert by_id(again, selected[0]).status == "proposed"
    assert by_id(again, proposed[0]).status == "dropped"

    forum.restore(workbook, proposed[0])
    assert by_id(saved(session, INDICATORS), proposed[0]).status == "proposed"

    left = forum.drop_unselected(workbook)
    assert sorted(ids(left)) == sorted([selected[0], *proposed])
    again = saved(session, INDICATORS)
    assert ids(again.selected_indicators()) == selected[1:]
    assert sorted(ids(forum.dropped(again))) == sorted([*was_dropped, selected[0], *proposed])
    assert len(again.indicators) == len(workbook.indicators)  # nothing is ever deleted


def test_unselect_or_restore_of_an_indicator_in_another_state_changes_nothing(session: Session):
    """A stale button must not make a dropped copy live, nor unselect a selected one."""
    workbook = session.workbook
    copy = dropped_copy(workbook)
    selected = workbook.selected_indicators()[0]
    forum.unselect(workbook, copy.indicator_id)
    forum.restore(workbook, selected.indicator_id)
    assert (copy.status, selected.status) == ("dropped", "selected")
    saved(session, INDICATORS)  # and the file still reads


def test_restore_is_refused_when_a_live_proposal_now_has_the_title(tmp_path: Path):
    session = new_session(tmp_path, "ตลาดนัดชุมชน", "ตลาดนัด")
    first, second = ids(session.workbook.indicators)
    forum.drop(session.workbook, first)
    forum.edit(session.workbook, second, title="ตลาดนัดชุมชน")
    session.save(INDICATORS)

    error = refused(forum.restore, session.workbook, first)
    assert (error.key, error.params) == ("err_title_taken", {"title": "ตลาดนัดชุมชน"})
    assert by_id(saved(session, INDICATORS), first).status == "dropped"


def test_restore_of_a_merged_proposal_forgets_where_it_went(pair):
    session, keep, other = pair
    forum.merge(session.workbook, keep, other)
    forum.restore(session.workbook, other)
    again = saved(session, INDICATORS)
    assert by_id(again, other).status == "proposed"
    assert by_id(again, other).extra.get(forum.MERGED_INTO, "") == ""


def test_move_within_the_selected_set_and_false_at_the_ends(session: Session):
    workbook = session.workbook
    order = ids(workbook.selected_indicators())
    everything = ids(workbook.indicators)

    assert forum.move(workbook, order[0], -1) is False
    assert forum.move(workbook, order[-1], +1) is False
    assert ids(workbook.indicators) == everything

    assert forum.move(workbook, order[0], +1) is True
    assert forum.move(workbook, order[-1], -1) is True
    expected = [order[1], order[0], *order[2:-2], order[-1], order[-2]]
    again = saved(session, INDICATORS)
    assert ids(again.selected_indicators()) == expected
    assert [i for i in ids(again.indicators) if i not in order] == [i for i in everything if i not in order]


def test_move_skips_over_proposals_between_selected_ones(tmp_path: Path):
    session = new_session(tmp_path, "ก", "ข", "ค")
    a, b, c = ids(session.workbook.indicators)
    forum.select(session.workbook, a)
    session.workbook.indicators[2].status = "selected"  # as a hand-edited file may have it
    assert forum.move(session.workbook, c, -1) is True
    assert ids(saved(session, INDICATORS).indicators) == [c, b, a]


def test_move_of_an_unselected_indicator_does_nothing(session: Session):
    workbook = session.workbook
    everything = ids(workbook.indicators)
    proposed = next(i for i in workbook.indicators if i.status == "proposed")
    assert forum.move(workbook, proposed.indicator_id, -1) is False
    assert ids(workbook.indicators) == everything


# --- the ladder and the target -----------------------------------------------------------


@pytest.mark.parametrize("low, high", [(1, 5), (0, 4), (1, 3)])
def test_levels_and_targets_outside_the_scale_are_refused(tmp_path: Path, low: int, high: int):
    session = new_session(tmp_path, "การประชุมกลุ่ม", scale_min=low, scale_max=high)
    indicator_id = session.workbook.indicators[0].indicator_id
    for outside in (low - 1, high + 1):
        error = refused(forum.set_level, session.workbook, indicator_id, outside, "นอกช่วง")
        assert (error.key, error.params) == ("err_level_outside", {"low": low, "high": high})
        error = refused(forum.set_target, session.workbook, indicator_id, outside)
        assert (error.key, error.params) == ("err_level_outside", {"low": low, "high": high})

    forum.set_level(session.workbook, indicator_id, low, "  ต่ำสุด ")
    forum.set_level(session.workbook, indicator_id, high, "สูงสุด\nสองบรรทัด")
    forum.set_target(session.workbook, indicator_id, high)
    back = saved(session, INDICATORS).indicators[0]
    assert (back.levels[low], back.levels[high], back.target) == ("ต่ำสุด", "สูงสุด\nสองบรรทัด", high)
    assert set(back.levels) == set(range(low, high + 1))

    forum.set_target(session.workbook, indicator_id, None)
    assert saved(session, INDICATORS).indicators[0].target is None


# --- gentle checks -----------------------------------------------------------------------


def keys(found: list[forum.Check]) -> list[str]:
    return [c.key for c in found]


def test_near_duplicates_are_pointed_out(tmp_path: Path):
    session = new_session(tmp_path, "การบริหารจัดการกลุ่มที่ดี", "การตลาดออนไลน์", "การบริหารจัดการกลุ่มที่ดีมาก")
    first, _other, third = session.workbook.indicators
    found = [c for c in forum.checks(saved(session, INDICATORS)) if c.key == "check_near_duplicate"]
    assert [c.indicator_ids for c in found] == [(first.indicator_id, third.indicator_id)]
    for lang in ("th", "en"):
        assert first.title in found[0].message(lang) and third.title in found[0].message(lang)


def test_near_duplicates_ignore_case_spacing_and_dropped_proposals(tmp_path: Path):
    session = new_session(tmp_path, "Good group management", "GOOD GROUP MANAGEMENT!", "ตลาดนัดชุมชน")
    _first, second, _third = ids(session.workbook.indicators)
    assert forum.near_duplicates(session.workbook) == [tuple(session.workbook.indicators[:2])]
    forum.drop(session.workbook, second)
    assert forum.near_duplicates(saved(session, INDICATORS)) == []


def test_near_duplicates_of_long_titles_are_found_too(tmp_path: Path):
    """Long titles once read as only half alike: difflib treats common letters as junk from 200 on."""
    base = ("การประชุมกลุ่มและบันทึกการประชุมทุกเดือน" * 6)[:TITLE_MAX]
    changed = base[:100] + "ไม่" + base[100:TITLE_MAX - 3]
    session = new_session(tmp_path, base, changed)
    assert len(session.workbook.indicators[1].title) == TITLE_MAX
    assert forum.similarity(base, changed) > 0.95
    assert keys(forum.checks(session.workbook)) == ["check_near_duplicate"]


def test_clearly_different_titles_are_not_near_duplicates(tmp_path: Path):
    session = new_session(tmp_path, "การประชุมกลุ่ม", "การตลาดออนไลน์", "สวัสดิการสมาชิกยามเจ็บป่วย", "บัญชีโปร่งใส")
    assert forum.near_duplicates(session.workbook) == []


def test_the_samples_raise_no_near_duplicate():
    from mchch_widgets.samples import sample_names, sample_path

    for name in sample_names():
        workbook = store.read_workbook(sample_path(name))
        assert len(forum.live(workbook)) >= 5
        assert "check_near_duplicate" not in keys(forum.checks(workbook)), name


def test_the_main_sample_needs_no_advice(session: Session):
    assert forum.checks(session.workbook) == []


def test_more_than_twelve_selected_is_pointed_out(tmp_path: Path):
    titles = [f"ตัวชี้วัดข้อที่ {n} เรื่อง{topic}" for n, topic in enumerate(
        ["ประชุม", "บัญชี", "ผลิต", "ตลาด", "ออม", "เยาวชน", "น้ำ", "ป่า", "ขยะ", "สุขภาพ", "วัฒนธรรม", "อาชีพ", "ถนน"])]
    session = new_session(tmp_path, *titles)
    workbook = session.workbook
    for indicator in workbook.indicators[: forum.MAX_SELECTED]:
        forum.select(workbook, indicator.indicator_id)
        forum.set_target(workbook, indicator.indicator_id, 4)
    assert "check_too_many" not in keys(forum.checks(saved(session, INDICATORS)))

    last = workbook.indicators[-1].indicator_id
    forum.select(workbook, last)
    forum.set_target(workbook, last, 4)
    found = [c for c in forum.checks(saved(session, INDICATORS)) if c.key == "check_too_many"]
    assert [c.params for c in found] == [{"count": 13, "limit": forum.MAX_SELECTED}]
    assert "13" in found[0].message("th") and "13" in found[0].message("en")


def test_selected_indicators_without_words_or_target_are_pointed_out(tmp_path: Path):
    session = new_session(tmp_path, "การประชุมกลุ่ม", "บัญชีโปร่งใส", "ตลาดนัด")
    first, second, third = ids(session.workbook.indicators)
    workbook = session.workbook
    forum.select(workbook, first)
    forum.select(workbook, second)
    forum.set_level(workbook, first, 2, "")
    forum.set_level(workbook, first, 4, "   ")
    forum.set_target(workbook, second, 4)
    forum.set_level(workbook, third, 1, "")  # only a proposal: not checked

    found = forum.checks(saved(session, INDICATORS))
    assert [(c.key, c.indicator_ids) for c in found] == [
        ("check_levels_empty", (first,)), ("check_no_target", (first,))]
    assert found[0].params == {"title": "การประชุมกลุ่ม", "levels": "2, 4"}
    assert "2, 4" in found[0].message("en")


def test_a_hand_edited_target_outside_the_scale_reads_as_a_warning(sample_folder: Path):
    path = sample_folder / INDICATORS
    workbook = reread(sample_folder)
    first = workbook.selected_indicators()[0]
    lines = path.read_bytes().split(b"\r\n")
    row = next(n for n, line in enumerate(lines) if line.startswith(first.indicator_id.encode() + b","))
    cells = lines[row].split(b",")
    target_column = lines[0].decode("utf-8-sig").split(",").index("target")
    cells[target_column] = b"7"
    lines[row] = b",".join(cells)
    path.write_bytes(b"\r\n".join(lines))

    opened, problems = store.check_workbook(sample_folder)
    assert opened is not None
    assert [(p.severity, p.key, p.row, p.column, p.value) for p in problems] == [
        ("warning", "warn_target_outside", row + 1, "target", "7")]
    assert forum.find(opened, first.indicator_id).target == 7

    found = forum.checks(Session(sample_folder).workbook)
    assert [(c.key, c.params, c.indicator_ids) for c in found] == [
        ("check_target_outside", {"title": first.title, "target": 7, "low": 1, "high": 5}, (first.indicator_id,))]
    assert "7" in found[0].message("th") and "1–5" in found[0].message("en")


def test_a_target_left_outside_a_narrowed_scale_is_kept_through_a_save(tmp_path: Path):
    session = new_session(tmp_path, "การประชุมกลุ่ม")
    indicator_id = session.workbook.indicators[0].indicator_id
    forum.select(session.workbook, indicator_id)
    forum.set_target(session.workbook, indicator_id, 5)
    session.workbook.profile.scale_max = 4
    again = saved(session, store.PROFILE, INDICATORS)
    assert again.indicators[0].target == 5
    assert "check_target_outside" in keys(forum.checks(again))
