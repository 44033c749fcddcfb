"""store: a workbook folder read, checked and saved by the CSV contract (DESIGN.md section 4)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from mchch_widgets import csvfile, store
from mchch_widgets.assessment import round_scale
from mchch_widgets.model import (
    Indicator,
    Member,
    PlanActivity,
    Profile,
    Round,
    Score,
    Workbook,
)

BOM_BYTES = b"\xef\xbb\xbf"
ICT = timezone(timedelta(hours=7))

# The contract, written out here on purpose (not taken from store.COLUMNS).
CONTRACT = {
    "profile.csv": [
        "schema_version", "workbook_id", "name", "target_type", "province", "district",
        "subdistrict", "facilitator", "scale_min", "scale_max", "created_at",
    ],
    "members.csv": ["name", "role", "contact", "position"],
    "indicators.csv": [
        "indicator_id", "aspect", "title", "description", "status", "votes", "target",
        "level_1", "level_2", "level_3", "level_4", "level_5",
    ],
    "rounds.csv": ["round_id", "label", "held_on", "assessor", "closed"],
    "scores.csv": ["round_id", "indicator_id", "rater", "score", "note", "recorded_at"],
    "plan.csv": [
        "activity_id", "indicator_id", "activity", "owner", "start_on", "end_on", "budget", "status",
    ],
}


# --- a workbook built in Python --------------------------------------------------------


@pytest.fixture
def rich_workbook() -> Workbook:
    """Every field filled, with text that is hard for CSV and for spreadsheets."""
    profile = Profile(
        workbook_id="wb-2569-001",
        name='กลุ่มออมทรัพย์ "บ้านหนองบัว", หมู่ 5',
        target_type="group",
        province="ขอนแก่น",
        district="เมืองขอนแก่น",
        subdistrict="บ้านทุ่ม",
        facilitator="=นางสาวสมศรี (พี่เลี้ยง)",
        scale_min=1,
        scale_max=5,
        created_at=datetime(2026, 3, 1, 9, 30, 0, tzinfo=ICT),
    )
    members = [
        Member("นายสมชาย ใจดี", "lead", "+66 81 234 5678", "ประธานกลุ่ม"),
        Member("  นางมาลี, ศรีสุข  ", "advisor", "@line: malee", "-"),
        Member("พระครูสุนทร", "advisor", "", ""),
    ]
    indicators = [
        Indicator(
            indicator_id="i1",
            aspect="ภูมิรู้",
            title="=SUM(A1:A3) การประชุมสม่ำเสมอ",
            description='ประชุมทุกเดือน\nมีบันทึก "รายงานการประชุม"\r\nและแจ้งสมาชิก',
            status="selected",
            votes=12,
            target=4,
            levels={
                1: "ไม่เคยประชุม",
                2: "ประชุมบ้าง, ไม่สม่ำเสมอ",
                3: '"ประชุม" ทุก 3 เดือน',
                4: "-ประชุมทุกเดือน",
                5: "+ประชุมทุกเดือน\nและเผยแพร่ 🌾",
            },
        ),
        Indicator(
            indicator_id="i2",
            aspect="ภูมิธรรม",
            title="บัญชีโปร่งใส ตรวจสอบได้",
            status="proposed",
            votes=0,
            target=None,
            levels={1: "", 2: "", 3: "", 4: "", 5: ""},
        ),
        Indicator(
            indicator_id="i3",
            aspect="",
            title="'90s style ตัวชี้วัดเดิม",
            status="dropped",
            votes=1,
            target=2,
            levels={1: "'=x", 2: "''", 3: "\tแท็บ", 4: "@4", 5: "5"},
        ),
    ]
    rounds = [
        Round("r1", "รอบที่ 1, มีนาคม", date(2026, 3, 15), "self", True),
        Round("r2", '"รอบ 2" ประเมินจากภายนอก', date(2026, 9, 15), "external", False),
    ]
    scores = [
        Score("r1", "i1", "consensus", 3, "-ลดลง\nเพราะฝนตก 🌧️", datetime(2026, 3, 15, 10, 0, tzinfo=ICT)),
        Score("r1", "i1", "A7", 4, "", datetime(2026, 3, 15, 10, 5, tzinfo=ICT)),
        Score("r1", "i2", "consensus", None, "ข้าม, ยังไม่เริ่ม", datetime(2026, 3, 15, 10, 6, tzinfo=ICT)),
        Score("r2", "i1", "consensus", 5, '=HYPERLINK("http://x","click")',
              datetime(2026, 9, 15, 14, 0, 59, tzinfo=ICT)),
    ]
    plan = [
        PlanActivity("a1", "i1", '=HYPERLINK("http://x","click")', "'สมชาย",
                     date(2026, 4, 1), date(2026, 6, 30), Decimal("12500.50"), "in_progress"),
        PlanActivity("a2", "i2", "จัดทำบัญชี, รายรับ\nรายจ่าย", "มาลี",
                     date(2026, 4, 1), date(2026, 4, 1), Decimal(5000), "planned"),
        PlanActivity("a3", "", "ศึกษาดูงาน", "", None, None, None, "cancelled"),
    ]
    return Workbook(profile, members, indicators, rounds, scores, plan)


@pytest.fixture
def created(tmp_path, rich_workbook) -> Path:
    folder = tmp_path / "workbook"
    store.create_workbook(folder, rich_workbook)
    return folder


@pytest.mark.parametrize("part", ["profile", "members", "indicators", "rounds", "scores", "plan"])
def test_create_then_read_round_trips_every_record(created, rich_workbook, part):
    loaded = store.read_workbook(created)

    assert getattr(loaded, part) == getattr(rich_workbook, part)


def test_create_then_read_round_trips_the_tricky_values(created):
    loaded = store.read_workbook(created)

    assert loaded.profile.facilitator == "=นางสาวสมศรี (พี่เลี้ยง)"
    assert loaded.indicators[0].description == 'ประชุมทุกเดือน\nมีบันทึก "รายงานการประชุม"\r\nและแจ้งสมาชิก'
    assert loaded.indicators[2].levels == {1: "'=x", 2: "''", 3: "\tแท็บ", 4: "@4", 5: "5"}
    assert loaded.scores[2].score is None
    assert loaded.plan[0].budget == Decimal("12500.50")
    assert loaded.plan[1].budget == Decimal(5000)
    assert loaded.plan[2].budget is None and loaded.plan[2].start_on is None
    assert loaded.members[1].name == "  นางมาลี, ศรีสุข  "


def test_created_files_start_with_bom(created):
    for name in CONTRACT:
        assert (created / name).read_bytes().startswith(BOM_BYTES), name


@pytest.mark.parametrize("name", CONTRACT)
def test_created_file_has_exactly_the_contract_columns_in_order(created, name):
    header = csvfile.read_rows(created / name)[0]

    assert header == CONTRACT[name]


def test_formula_like_text_is_stored_with_apostrophe_on_disk(created):
    rows = csvfile.read_rows(created / "plan.csv")

    assert rows[1][2] == '\'=HYPERLINK("http://x","click")'


def test_created_workbook_has_no_problems(created):
    workbook, problems = store.check_workbook(created)

    assert workbook is not None
    assert problems == []


def test_create_workbook_refuses_a_folder_that_holds_a_workbook(created, rich_workbook):
    before = (created / "profile.csv").read_bytes()
    rich_workbook.profile.name = "ชื่อใหม่"

    with pytest.raises(FileExistsError):
        store.create_workbook(created, rich_workbook)

    assert (created / "profile.csv").read_bytes() == before


def test_extra_column_added_in_a_spreadsheet_survives_a_save(created):
    path = created / "indicators.csv"
    rows = csvfile.read_rows(path)
    notes = ["หมายเหตุ", "ต้องถามผู้ใหญ่บ้าน, ด่วน", "", "=ตัดออกแล้ว"]
    path.write_bytes(
        csvfile.render(rows[0] + [notes[0]], [row + [note] for row, note in zip(rows[1:], notes[1:])])
    )
    workbook = store.read_workbook(created)
    assert workbook.indicators[0].extra == {"หมายเหตุ": "ต้องถามผู้ใหญ่บ้าน, ด่วน"}
    workbook.indicators[0].title = "การประชุมสม่ำเสมอ"

    store.save(created, workbook, "indicators.csv")

    header, *saved = csvfile.read_rows(path)
    assert header == CONTRACT["indicators.csv"] + ["หมายเหตุ"]
    assert [csvfile.unescape_cell(row[-1]) for row in saved] == notes[1:]
    reread = store.read_workbook(created)
    assert reread.indicators[0].title == "การประชุมสม่ำเสมอ"
    assert [i.extra["หมายเหตุ"] for i in reread.indicators] == notes[1:]


# --- a workbook made by hand, as text --------------------------------------------------

LEVELS_HEADER = "level_1,level_2,level_3,level_4,level_5"
VALID = {
    "profile.csv": (
        "schema_version,workbook_id,name,target_type,province,district,subdistrict,"
        "facilitator,scale_min,scale_max,created_at\n"
        "1,wb1,กลุ่มทอผ้าบ้านนา,group,ขอนแก่น,เมือง,บ้านทุ่ม,สมศรี,1,5,2026-03-01T09:00:00+07:00\n"
    ),
    "members.csv": "name,role,contact,position\nสมชาย ใจดี,lead,081-234-5678,ประธาน\n",
    "indicators.csv": (
        f"indicator_id,aspect,title,description,status,votes,target,{LEVELS_HEADER}\n"
        "i1,การบริหาร,มีการประชุม Meeting ทุกเดือน,,selected,5,4,ไม่มี,น้อย,ปานกลาง,ดี,ดีมาก\n"
        "i2,การเงิน,บัญชีโปร่งใส,,selected,3,,,,,,\n"
        "i3,การบริหาร,  มีการประชุม  MEETING ทุกเดือน ,,dropped,0,,,,,,\n"
    ),
    "rounds.csv": "round_id,label,held_on,assessor,closed\nr1,รอบที่ 1,2026-03-15,self,false\n",
    "scores.csv": (
        "round_id,indicator_id,rater,score,note,recorded_at\n"
        "r1,i1,consensus,3,,2026-03-15T10:00:00+07:00\n"
        "r1,i2,consensus,,ข้าม,2026-03-15T10:05:00+07:00\n"
    ),
    "plan.csv": (
        "activity_id,indicator_id,activity,owner,start_on,end_on,budget,status\n"
        "a1,i1,จัดประชุมประจำเดือน,สมชาย,2026-04-01,2026-06-30,5000,planned\n"
    ),
}


def write_workbook(folder: Path, files: dict[str, str], encoding="utf-8", newline="\n", bom=False):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        data = text.replace("\n", newline).encode(encoding)
        (folder / name).write_bytes((BOM_BYTES if bom else b"") + data)
    return folder


@pytest.fixture
def valid(tmp_path) -> Path:
    return write_workbook(tmp_path / "handmade", VALID)


def edit(folder: Path, file: str, old: str, new: str) -> None:
    path = folder / file
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_handmade_workbook_reads_without_problems(valid):
    workbook, problems = store.check_workbook(valid)

    assert problems == []  # incl. the dropped i3 repeating i1's title
    assert [i.indicator_id for i in workbook.indicators] == ["i1", "i2", "i3"]
    assert workbook.scores[1].score is None
    assert workbook.plan[0].budget == Decimal(5000)


def expected_handmade(workbook: Workbook) -> None:
    assert workbook.profile.name == "กลุ่มทอผ้าบ้านนา"
    assert workbook.profile.created_at == datetime(2026, 3, 1, 9, 0, tzinfo=ICT)
    assert workbook.members == [Member("สมชาย ใจดี", "lead", "081-234-5678", "ประธาน")]
    assert workbook.indicators[0].levels == {1: "ไม่มี", 2: "น้อย", 3: "ปานกลาง", 4: "ดี", 5: "ดีมาก"}
    assert workbook.indicators[2].title == "  มีการประชุม  MEETING ทุกเดือน "
    assert workbook.rounds == [Round("r1", "รอบที่ 1", date(2026, 3, 15), "self", False)]
    assert [(s.indicator_id, s.score, s.note) for s in workbook.scores] == [
        ("i1", 3, ""), ("i2", None, "ข้าม"),
    ]
    assert workbook.plan[0].activity == "จัดประชุมประจำเดือน"


def test_handmade_workbook_with_crlf_and_no_bom_reads_correctly(tmp_path):
    folder = write_workbook(tmp_path / "crlf", VALID, newline="\r\n")
    assert (folder / "profile.csv").read_bytes().count(b"\r\n") == 2

    expected_handmade(store.read_workbook(folder))


def test_handmade_workbook_saved_by_thai_excel_in_cp874_reads_correctly(tmp_path):
    folder = write_workbook(tmp_path / "cp874", VALID, encoding="cp874", newline="\r\n")

    expected_handmade(store.read_workbook(folder))


# --- validation: one way to break a valid workbook per case ---------------------------


def remove(folder, file):
    (folder / file).unlink()


def rewrite(file, text):
    return lambda folder: (folder / file).write_text(text, "utf-8")


def replace(file, old, new):
    return lambda folder: edit(folder, file, old, new)


def append(file, line):
    return lambda folder: edit(folder, file, VALID[file], VALID[file] + line)


def drop_level_5(folder):
    path = folder / "indicators.csv"
    lines = path.read_text("utf-8").splitlines()
    path.write_text("\n".join(line.rsplit(",", 1)[0] for line in lines) + "\n", "utf-8")


BREAKS = {
    "missing_profile": (lambda f: remove(f, "profile.csv"), ("profile.csv", None, None, "err_missing_file")),
    "profile_two_rows": (
        append("profile.csv", "1,wb2,อีกกลุ่ม,group,,,,,1,5,2026-03-01T09:00:00+07:00\n"),
        ("profile.csv", 3, None, "err_one_row"),
    ),
    "missing_required_column": (
        rewrite("rounds.csv", "round_id,label,held_on,closed\nr1,รอบที่ 1,2026-03-15,false\n"),
        ("rounds.csv", 1, "assessor", "err_missing_column"),
    ),
    "duplicate_column": (
        rewrite("members.csv", "name,role,contact,position,name\nสมชาย,lead,,,สมชาย\n"),
        ("members.csv", 1, "name", "err_duplicate_column"),
    ),
    "unknown_target_type": (
        replace("profile.csv", ",group,", ",club,"), ("profile.csv", 2, "target_type", "err_choice"),
    ),
    "scale_min_not_below_max": (
        replace("profile.csv", ",1,5,2026", ",5,3,2026"), ("profile.csv", 2, "scale_max", "err_scale"),
    ),
    "scale_min_equal_max": (
        replace("profile.csv", ",1,5,2026", ",5,5,2026"), ("profile.csv", 2, "scale_max", "err_scale"),
    ),
    "score_out_of_scale": (
        replace("scores.csv", "consensus,3,", "consensus,7,"),
        ("scores.csv", 2, "score", "err_out_of_scale"),
    ),
    "score_not_a_number": (
        replace("scores.csv", "consensus,3,", "consensus,abc,"), ("scores.csv", 2, "score", "err_integer"),
    ),
    "score_unknown_round": (
        replace("scores.csv", "r1,i2,", "r9,i2,"), ("scores.csv", 3, "round_id", "err_unknown_ref"),
    ),
    "score_unknown_indicator": (
        replace("scores.csv", "r1,i1,", "r1,i9,"), ("scores.csv", 2, "indicator_id", "err_unknown_ref"),
    ),
    "duplicate_indicator_id": (
        replace("indicators.csv", "i3,", "i2,"), ("indicators.csv", 4, "indicator_id", "err_duplicate_id"),
    ),
    "duplicate_title_case_and_spaces": (
        replace("indicators.csv", "บัญชีโปร่งใส", " มีการประชุม meeting   ทุกเดือน"),
        ("indicators.csv", 3, "title", "err_duplicate_title"),
    ),
    "empty_title": (
        replace("indicators.csv", "บัญชีโปร่งใส", "  "), ("indicators.csv", 3, "title", "err_required"),
    ),
    "title_too_long": (
        replace("indicators.csv", "บัญชีโปร่งใส", "ก" * 201), ("indicators.csv", 3, "title", "err_too_long"),
    ),
    "buddhist_era_date": (
        replace("rounds.csv", "2026-03-15", "2569-03-15"), ("rounds.csv", 2, "held_on", "err_buddhist_year"),
    ),
    "malformed_date": (
        replace("rounds.csv", "2026-03-15", "15/03/2026"), ("rounds.csv", 2, "held_on", "err_date"),
    ),
    "plan_ends_before_start": (
        replace("plan.csv", "2026-06-30", "2026-03-31"), ("plan.csv", 2, "end_on", "err_end_before_start"),
    ),
    "negative_budget": (
        replace("plan.csv", ",5000,", ",-500,"), ("plan.csv", 2, "budget", "err_negative"),
    ),
    "budget_in_words": (
        replace("plan.csv", ",5000,", ",ห้าพัน,"), ("plan.csv", 2, "budget", "err_number"),
    ),
    "missing_level_5_column": (drop_level_5, ("indicators.csv", 1, "level_5", "err_level_missing")),
    "more_cells_than_header": (
        replace("scores.csv", "consensus,,ข้าม,2026-03-15T10:05:00+07:00", "consensus,,ข้าม,2026-03-15T10:05:00+07:00,เกิน"),
        ("scores.csv", 3, None, "err_ragged_row"),
    ),
    "neither_utf8_nor_cp874": (
        lambda f: (f / "plan.csv").write_bytes(b"activity_id\n\x81\x82\xdb\xfc\n"),
        ("plan.csv", None, None, "err_encoding"),
    ),
    "malformed_csv": (
        append("members.csv", 'มาลี,advisor,"ยังไม่ปิด\n'), ("members.csv", 3, None, "err_csv"),
    ),
    "bom_then_invalid_utf8": pytest.param(
        lambda f: (f / "plan.csv").write_bytes(BOM_BYTES + b"activity_id\n\xff\xfe\n"),
        ("plan.csv", None, None, "err_encoding"),
    ),
}


def located(problems, file, row, column, key):
    return [p for p in problems if (p.file, p.row, p.column, p.key) == (file, row, column, key)]


def assert_message_locates(problem) -> None:
    th, en = problem.message("th"), problem.message("en")
    assert problem.file in th and problem.file in en
    if problem.row is not None:
        assert f"แถว {problem.row}" in th and f"row {problem.row}" in en
    if problem.column:
        assert f"คอลัมน์ {problem.column}" in th and f"column {problem.column}" in en


@pytest.mark.parametrize(
    "breaking, expected",
    list(BREAKS.values()),
    ids=list(BREAKS),
)
def test_broken_workbook_is_reported_where_it_is_broken(valid, breaking, expected):
    breaking(valid)

    workbook, problems = store.check_workbook(valid)

    assert workbook is None
    found = located(problems, *expected)
    assert len(found) == 1, [str(p) for p in problems]
    assert found[0].severity == "error"
    assert_message_locates(found[0])
    with pytest.raises(store.WorkbookError) as caught:
        store.read_workbook(valid)
    assert found[0] in caught.value.problems


def test_budget_with_thousands_separator_is_accepted(valid):
    edit(valid, "plan.csv", ",5000,", ',"5,000",')

    workbook, problems = store.check_workbook(valid)

    assert problems == []
    assert workbook.plan[0].budget == Decimal(5000)


def break_many(folder: Path) -> None:
    edit(folder, "members.csv", ",lead,", ",boss,")
    edit(folder, "indicators.csv", "บัญชีโปร่งใส", "")
    edit(folder, "rounds.csv", "2026-03-15", "2569-03-15")
    edit(folder, "scores.csv", "consensus,3,", "consensus,7,")
    edit(folder, "scores.csv", "r1,i2,", "r1,i8,")
    edit(folder, "plan.csv", ",5000,", ",-1,")


MANY = [
    ("members.csv", 2, "role", "err_choice"),
    ("indicators.csv", 3, "title", "err_required"),
    ("rounds.csv", 2, "held_on", "err_buddhist_year"),
    ("scores.csv", 2, "score", "err_out_of_scale"),
    ("scores.csv", 3, "indicator_id", "err_unknown_ref"),
    ("plan.csv", 2, "budget", "err_negative"),
]


def test_every_problem_of_a_workbook_is_reported_not_just_the_first(valid):
    break_many(valid)

    workbook, problems = store.check_workbook(valid)

    assert workbook is None
    assert sorted((p.file, p.row, p.column, p.key) for p in problems) == sorted(MANY)
    for problem in problems:
        assert_message_locates(problem)


def test_english_message_for_unknown_reference_is_english(valid):
    edit(valid, "scores.csv", "r1,i2,", "r9,i2,")

    _, problems = store.check_workbook(valid)

    [problem] = located(problems, "scores.csv", 3, "round_id", "err_unknown_ref")
    assert "no such round in rounds.csv" in problem.message("en")


def test_formula_typed_by_hand_without_apostrophe_is_a_warning_and_loads(valid):
    edit(valid, "indicators.csv", "บัญชีโปร่งใส", "=1+1")

    workbook, problems = store.check_workbook(valid)

    assert workbook is not None
    [warning] = problems
    assert (warning.file, warning.row, warning.column, warning.key) == (
        "indicators.csv", 3, "title", "warn_formula",
    )
    assert warning.severity == "warning"
    assert warning.value == "=1+1"
    assert workbook.indicators[1].title == "=1+1"
    assert store.read_workbook(valid).indicators[1].title == "=1+1"


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}


def test_validation_changes_no_file(valid):
    break_many(valid)
    (valid / "profile.csv").write_bytes(b"\x81\x82")
    before = snapshot(valid)

    store.check_workbook(valid)
    with pytest.raises(store.WorkbookError):
        store.read_workbook(valid)

    assert snapshot(valid) == before


# --- saving next to a broken file ------------------------------------------------------

CORRUPTIONS = {
    "invalid_bytes": lambda data: b"\x81\x82\xdb\xfc\n" + data[3:],
    "header_removed": lambda data: b"\n".join(data.split(b"\n")[1:]),
    "unclosed_quote": lambda data: data + 'r1,i1,A1,2,"ยังไม่ปิด\n'.encode(),
    "empty_file": lambda data: b"",
}


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_save_refuses_to_overwrite_a_broken_file(created, rich_workbook, corrupt):
    path = created / "scores.csv"
    path.write_bytes(corrupt(path.read_bytes()))
    broken = path.read_bytes()

    with pytest.raises(store.WorkbookError) as caught:
        store.save(created, rich_workbook, "scores.csv")

    assert path.read_bytes() == broken
    [problem] = caught.value.problems
    assert (problem.file, problem.key) == ("scores.csv", "err_not_saved_broken")
    assert "scores.csv" in problem.message("th") and "scores.csv" in problem.message("en")


def test_other_files_still_save_next_to_a_broken_file(created, rich_workbook):
    path = created / "scores.csv"
    path.write_bytes(b"\x81\x82\xdb\xfc\n")
    rich_workbook.profile.name = "ชื่อใหม่, แก้แล้ว"

    store.save(created, rich_workbook, "profile.csv")

    assert csvfile.read_rows(created / "profile.csv")[1][2] == "ชื่อใหม่, แก้แล้ว"
    assert path.read_bytes() == b"\x81\x82\xdb\xfc\n"


def test_save_of_all_files_writes_nothing_when_one_is_broken(created, rich_workbook):
    (created / "scores.csv").write_bytes(b"\x81\x82\xdb\xfc\n")
    before = {name: (created / name).read_bytes() for name in CONTRACT}
    rich_workbook.profile.name = "ชื่อใหม่"

    with pytest.raises(store.WorkbookError):
        store.save(created, rich_workbook)

    assert {name: (created / name).read_bytes() for name in CONTRACT} == before


# --- current scores --------------------------------------------------------------------


def at(hour: int, minute: int) -> datetime:
    return datetime(2026, 3, 15, hour, minute, tzinfo=ICT)


def test_current_scores_keep_the_latest_rating_per_round_indicator_and_rater(rich_workbook):
    rich_workbook.scores = [
        Score("r1", "i1", "consensus", 2, "แรก", at(10, 0)),
        Score("r1", "i1", "consensus", 4, "แก้ไขล่าสุด", at(10, 30)),
        Score("r1", "i1", "consensus", 3, "แก้ครั้งที่สอง", at(10, 10)),  # later in the file, earlier in time
        Score("r1", "i1", "A1", 5, "", at(10, 1)),
        Score("r2", "i1", "consensus", 1, "", at(9, 0)),
        Score("r1", "i2", "consensus", 3, "", at(11, 0)),
        Score("r1", "i2", "consensus", None, "ข้ามแทน", at(11, 5)),
    ]

    current = rich_workbook.current_scores()

    assert sorted((s.round_id, s.indicator_id, s.rater, s.score, s.note) for s in current) == [
        ("r1", "i1", "A1", 5, ""),
        ("r1", "i1", "consensus", 4, "แก้ไขล่าสุด"),
        ("r1", "i2", "consensus", None, "ข้ามแทน"),
        ("r2", "i1", "consensus", 1, ""),
    ]
    assert len(rich_workbook.scores) == 7  # the history is kept


def test_current_scores_of_a_saved_and_read_workbook(created):
    loaded = store.read_workbook(created)

    assert {(s.round_id, s.indicator_id, s.rater): s.score for s in loaded.current_scores()} == {
        ("r1", "i1", "consensus"): 3,
        ("r1", "i1", "A7"): 4,
        ("r1", "i2", "consensus"): None,
        ("r2", "i1", "consensus"): 5,
    }


def test_current_scores_with_a_hand_typed_time_without_offset(valid):
    edit(valid, "scores.csv", VALID["scores.csv"],
         VALID["scores.csv"] + "r1,i1,consensus,4,แก้ด้วยมือ,2026-03-15 11:00\n")
    workbook = store.read_workbook(valid)

    current = {(s.indicator_id, s.rater): s.score for s in workbook.current_scores()}

    assert current[("i1", "consensus")] == 4


# --- a round's own scale (rounds.csv scale_min, scale_max) ----------------------------------------

ROUND_WITH_SCALE = (
    "round_id,label,held_on,assessor,closed,scale_min,scale_max\n"
    "r1,รอบที่ 1,2026-03-15,self,false,{low},{high}\n"
)


@pytest.mark.parametrize(("low", "high", "column", "key"), [
    ("ห้า", "5", "scale_min", "warn_round_scale_number"),
    ("1.5", "5", "scale_min", "warn_round_scale_number"),
    ("1", "", "scale_max", "warn_round_scale_number"),
    ("5", "3", "scale_max", "warn_round_scale_range"),
    ("3", "3", "scale_max", "warn_round_scale_range"),
    ("0", "11", "scale_max", "warn_round_scale_range"),
    ("-1", "5", "scale_max", "warn_round_scale_range"),
])
def test_a_round_scale_that_cannot_be_used_is_a_warning_naming_its_cell(valid, low, high, column, key):
    (valid / "rounds.csv").write_text(ROUND_WITH_SCALE.format(low=low, high=high), "utf-8")

    workbook, problems = store.check_workbook(valid)

    assert workbook is not None  # it still opens: the round is read on the workbook's scale
    [warning] = problems
    assert (warning.file, warning.row, warning.column, warning.key, warning.severity) == (
        "rounds.csv", 2, column, key, "warning")
    assert warning.value == (low if column == "scale_min" else high)
    assert_message_locates(warning)
    assert "ระดับของสมุดงาน" in warning.message("th") and "workbook's scale" in warning.message("en")
    assert round_scale(workbook, workbook.rounds[0]) == workbook.profile.levels


@pytest.mark.parametrize(("low", "high", "scale"), [("1", "3", range(1, 4)), ("", "", range(1, 6))])
def test_a_usable_or_empty_round_scale_is_no_problem(valid, low, high, scale):
    (valid / "rounds.csv").write_text(ROUND_WITH_SCALE.format(low=low, high=high), "utf-8")

    workbook, problems = store.check_workbook(valid)

    assert problems == []
    assert round_scale(workbook, workbook.rounds[0]) == scale
