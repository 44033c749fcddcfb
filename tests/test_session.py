"""session: saving on every change, telling other screens, and undoing the last delete or merge."""

from __future__ import annotations

from pathlib import Path

import pytest
from workbook_files import reread

from mchch_widgets import forum, store
from mchch_widgets.session import UNDOABLE, Session

UNDO_FILES = tuple(file for _name, file in UNDOABLE)


def file_bytes(folder: Path, *names: str) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in names}


@pytest.fixture
def heard(session: Session) -> list[tuple[str, ...]]:
    """What the session told its listeners, call by call."""
    calls: list[tuple[str, ...]] = []
    session.on_change(calls.append)
    return calls


def destroy_something(session: Session) -> None:
    """A merge, a dropped proposal, a removed activity and a removed member, all at once."""
    workbook = session.workbook
    proposed = [i.indicator_id for i in workbook.indicators if i.status == "proposed"]
    forum.merge(workbook, proposed[0], proposed[1])
    forum.drop(workbook, proposed[2])
    workbook.plan.pop(0)
    workbook.members.pop(1)


def test_undoable_names_the_three_files_a_delete_or_merge_touches():
    assert set(UNDO_FILES) == {store.INDICATORS, store.PLAN, store.MEMBERS}


def test_save_writes_the_files_and_tells_listeners(session: Session, sample_folder: Path, heard):
    session.workbook.profile.name = "กลุ่มใหม่"
    session.workbook.members[0].contact = "080-000-0000"
    version = session.version

    session.save(store.PROFILE, store.MEMBERS)
    assert heard == [(store.PROFILE, store.MEMBERS)]
    assert session.version == version + 1
    again = reread(sample_folder)
    assert (again.profile.name, again.members[0].contact) == ("กลุ่มใหม่", "080-000-0000")


def test_every_listener_hears_every_save(session: Session, heard):
    second: list[tuple[str, ...]] = []
    session.on_change(second.append)
    session.save(store.INDICATORS)
    session.save(store.PLAN)
    assert heard == second == [(store.INDICATORS,), (store.PLAN,)]


def test_a_refused_save_writes_nothing_and_tells_no_one(session: Session, sample_folder: Path, heard):
    (sample_folder / store.PLAN).write_text("garbage,header\n1,2\n", encoding="utf-8")
    before = file_bytes(sample_folder, store.INDICATORS)
    version = session.version
    forum.drop(session.workbook, session.workbook.indicators[0].indicator_id)

    with pytest.raises(store.WorkbookError):
        session.save(store.INDICATORS, store.PLAN)
    assert file_bytes(sample_folder, store.INDICATORS) == before
    assert heard == []
    assert session.version == version


def test_undo_puts_the_files_back_exactly(session: Session, sample_folder: Path, heard):
    before = file_bytes(sample_folder, *UNDO_FILES)
    session.remember("undo_merge", title="ก", other="ข")
    destroy_something(session)
    session.save(*UNDO_FILES)
    after = file_bytes(sample_folder, *UNDO_FILES)
    assert all(after[name] != before[name] for name in UNDO_FILES)
    assert session.last_undo is not None
    assert (session.last_undo.key, session.last_undo.params) == ("undo_merge", {"title": "ก", "other": "ข"})

    session.undo()
    assert file_bytes(sample_folder, *UNDO_FILES) == before
    assert session.last_undo is None
    assert heard == [UNDO_FILES, UNDO_FILES]
    again = reread(sample_folder)
    assert (again.indicators, again.plan, again.members) == (
        session.workbook.indicators, session.workbook.plan, session.workbook.members)


def test_undo_of_one_file_rewrites_the_others_unchanged(session: Session, sample_folder: Path):
    before = file_bytes(sample_folder, *store.FILES)
    session.remember("undo_remove_member", title=session.workbook.members[2].name)
    session.workbook.members.pop(2)
    session.save(store.MEMBERS)
    session.undo()
    assert file_bytes(sample_folder, *store.FILES) == before


def test_undo_before_the_action_was_saved_puts_memory_back(session: Session, sample_folder: Path):
    """A widget may offer undo as soon as it remembered; nothing on disk changed yet."""
    before = file_bytes(sample_folder, *UNDO_FILES)
    indicators = [(i.indicator_id, i.status) for i in session.workbook.indicators]
    session.remember("undo_drop_rest", count=4)
    forum.drop_unselected(session.workbook)
    session.undo()
    assert [(i.indicator_id, i.status) for i in session.workbook.indicators] == indicators
    assert file_bytes(sample_folder, *UNDO_FILES) == before


def test_undo_is_not_offered_after_a_further_unrelated_save(session: Session, sample_folder: Path):
    session.remember("undo_drop", title="x")
    dropped_id = next(i for i in session.workbook.indicators if i.status == "proposed").indicator_id
    forum.drop(session.workbook, dropped_id)
    session.save(store.INDICATORS)
    assert session.last_undo is not None  # the drop itself was saved: undo still offered

    session.workbook.profile.facilitator = "นายใหม่ พัฒนากร"
    session.save(store.PROFILE)
    assert session.last_undo is None

    after = file_bytes(sample_folder, *store.FILES)
    session.undo()  # nothing to undo: nothing changes
    assert file_bytes(sample_folder, *store.FILES) == after
    assert forum.find(reread(sample_folder), dropped_id).status == "dropped"


def test_remember_again_replaces_the_older_undo(session: Session):
    session.remember("undo_drop", title="ก")
    session.remember("undo_merge", title="ข", other="ค")
    assert session.last_undo.key == "undo_merge"


def test_forget_drops_the_undo_and_tells_listeners(session: Session, sample_folder: Path, heard):
    before = file_bytes(sample_folder, *UNDO_FILES)
    session.remember("undo_drop", title="x")
    session.forget()
    assert session.last_undo is None
    assert heard == [()]
    session.undo()
    assert heard == [()]
    assert file_bytes(sample_folder, *UNDO_FILES) == before


def test_a_refused_undo_keeps_memory_disk_and_the_undo_as_they_were(session: Session, sample_folder: Path, heard):
    session.remember("undo_merge", title="ก", other="ข")
    destroy_something(session)
    session.save(*UNDO_FILES)
    undo = session.last_undo
    lists = {name: getattr(session.workbook, name) for name, _file in UNDOABLE}
    snapshot = {name: list(items) for name, items in lists.items()}
    plan_file = sample_folder / store.PLAN
    good_plan = plan_file.read_bytes()
    plan_file.write_text("not,a,plan\n", encoding="utf-8")
    on_disk = file_bytes(sample_folder, *UNDO_FILES)
    version = session.version

    with pytest.raises(store.WorkbookError) as caught:
        session.undo()
    assert caught.value.problems[0].file == store.PLAN
    assert session.last_undo is undo
    for name, items in lists.items():
        assert getattr(session.workbook, name) is items
        assert items == snapshot[name]
    assert file_bytes(sample_folder, *UNDO_FILES) == on_disk
    assert session.version == version
    assert heard == [UNDO_FILES]

    plan_file.write_bytes(good_plan)  # the file is mended: the undo can now go through
    session.undo()
    assert session.last_undo is None
    assert reread(sample_folder).members == session.workbook.members
    assert len(session.workbook.members) == len(snapshot["members"]) + 1


def test_an_undo_that_cannot_be_written_keeps_memory_and_the_undo(session: Session, monkeypatch):
    """Not only a refusal: a full disk or a read-only folder must not leave memory undone."""
    session.remember("undo_drop", title="x")
    forum.drop_unselected(session.workbook)
    session.save(store.INDICATORS)
    undo = session.last_undo
    indicators = session.workbook.indicators

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "save", full_disk)
    with pytest.raises(OSError):
        session.undo()
    assert session.last_undo is undo
    assert session.workbook.indicators is indicators


def test_a_listener_failing_after_an_undo_was_written_leaves_memory_undone(session: Session, sample_folder: Path):
    """Memory must match the disk: the files were put back, so memory stays put back too."""
    before = file_bytes(sample_folder, *UNDO_FILES)
    session.remember("undo_drop", title="x")
    forum.drop_unselected(session.workbook)
    session.save(store.INDICATORS)

    def broken_view(_files):
        raise RuntimeError("a view failed to redraw")

    session.on_change(broken_view)
    with pytest.raises(RuntimeError):
        session.undo()
    assert file_bytes(sample_folder, *UNDO_FILES) == before
    assert reread(sample_folder).indicators == session.workbook.indicators
    assert session.last_undo is None
