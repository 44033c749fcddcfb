"""The download button, driven as the page drives it: a message asks for the file, the answer
carries it as a buffer; one file at a time, and a failure told in Thai and English."""

from __future__ import annotations

import io
import threading
import zipfile

import openpyxl
import pytest
from workbook_files import rows

from mchch_widgets import store
from mchch_widgets.model import Refused
from mchch_widgets.text import t
from mchch_widgets.widgets.widget_download import MIME_TYPES, DownloadButton, workbook_export_button

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def recording(button: DownloadButton, monkeypatch) -> list[tuple[dict, list[bytes]]]:
    """What the kernel sends the page."""
    sent: list[tuple[dict, list[bytes]]] = []
    monkeypatch.setattr(button, "send", lambda content, buffers=None: sent.append((content, buffers)))
    return sent


def press(button: DownloadButton) -> None:
    """The page's click: the message its JavaScript sends."""
    button._handle_custom_msg({"download": 1700000000000}, [])


def test_a_press_sends_the_file_with_its_name_and_type(monkeypatch):
    button = DownloadButton(lambda: ("รายงาน.txt", "สวัสดี".encode(), "text/plain"), label="ดาวน์โหลด")
    sent = recording(button, monkeypatch)

    press(button)
    button.wait()

    assert sent == [({"file": "ok", "name": "รายงาน.txt", "mime": "text/plain"}, ["สวัสดี".encode()])]
    assert button.busy is False
    assert button.note == t("download_saved", "th", name="รายงาน.txt")


def test_other_messages_start_nothing(monkeypatch):
    calls = []
    button = DownloadButton(lambda: calls.append(1) or ("a.txt", b"a", "text/plain"))
    sent = recording(button, monkeypatch)

    button._handle_custom_msg({"something": "else"}, [])
    button._handle_custom_msg("download", [])
    button.wait()

    assert calls == [] and sent == [] and button.busy is False


def test_while_the_file_is_made_the_button_is_busy_and_a_second_press_starts_nothing(monkeypatch):
    started, release = threading.Event(), threading.Event()
    calls = []

    def slow():
        calls.append(1)
        started.set()
        assert release.wait(10)
        return "ช้า.txt", b"done", "text/plain"

    button = DownloadButton(slow, label="ดาวน์โหลด")
    sent = recording(button, monkeypatch)

    press(button)
    assert started.wait(10)
    assert button.busy is True and button.busy_label == "กำลังเตรียมไฟล์…"
    press(button)  # pressed again while waiting
    assert button.start() is False  # and from Python
    assert calls == [1] and sent == []

    release.set()
    button.wait()

    assert calls == [1]
    assert sent == [({"file": "ok", "name": "ช้า.txt", "mime": "text/plain"}, [b"done"])]
    assert button.busy is False
    press(button)  # done: a new press makes the file again
    button.wait()
    assert calls == [1, 1] and len(sent) == 2


def test_two_presses_at_the_same_instant_make_one_file(monkeypatch):
    release = threading.Event()
    calls = []

    def slow():
        calls.append(1)
        release.wait(10)
        return "a.txt", b"a", "text/plain"

    button = DownloadButton(slow)
    recording(button, monkeypatch)
    results = []
    presses = [threading.Thread(target=lambda: results.append(button.start())) for _ in range(8)]
    for thread in presses:
        thread.start()
    for thread in presses:
        thread.join(10)
    release.set()
    button.wait()

    assert sorted(results) == [False] * 7 + [True]
    assert calls == [1]


def test_a_disabled_button_makes_nothing(monkeypatch):
    calls = []
    button = DownloadButton(lambda: calls.append(1) or ("a.txt", b"a", "text/plain"), disabled=True)
    sent = recording(button, monkeypatch)

    press(button)
    button.wait()

    assert calls == [] and sent == [] and button.busy is False


@pytest.mark.parametrize(
    ("failure", "thai", "english"),
    [
        (Refused("export_not_workbook", path="/tmp/photos"), "ไม่ใช่โฟลเดอร์สมุดงาน", "is not a workbook folder"),
        (OSError(28, "No space left on device"), "ทำไฟล์ไม่สำเร็จ", "No space left on device"),
        (ValueError("a font is missing"), "ทำไฟล์ไม่สำเร็จ", "a font is missing"),
    ],
)
def test_a_failure_is_told_on_the_note_in_thai_and_english_and_sends_no_file(monkeypatch, failure, thai, english):
    def broken():
        raise failure

    button = DownloadButton(broken, label="ดาวน์โหลด")
    sent = recording(button, monkeypatch)

    press(button)
    button.wait()

    assert thai in button.note and english in button.note
    assert "Traceback" not in button.note and "File \"" not in button.note
    assert sent == [({"file": "failed", "error": button.note}, [])]
    assert button.busy is False  # and it can be pressed again


def test_the_note_is_cleared_when_a_new_file_is_asked_for(monkeypatch):
    outcomes = iter([OSError(5, "Input/output error"), None])

    def flaky():
        failure = next(outcomes)
        if failure:
            raise failure
        return "a.txt", b"a", "text/plain"

    button = DownloadButton(flaky)
    sent = recording(button, monkeypatch)
    press(button)
    button.wait()
    assert "Input/output error" in button.note

    press(button)
    button.wait()

    assert button.note == t("download_saved", "th", name="a.txt")
    assert sent[-1][1] == [b"a"]


def test_the_words_follow_the_language():
    thai = DownloadButton(lambda: ("a", b"", "text/plain"), label="ดาวน์โหลด")
    english = DownloadButton(lambda: ("a", b"", "text/plain"), label="Download", lang="en")

    assert (thai.busy_label, english.busy_label) == (t("download_busy", "th"), t("download_busy", "en"))
    assert t("download_timeout", "th") in thai.timeout_note and t("download_timeout", "en") in thai.timeout_note
    assert thai.timeout > 0


def test_the_page_script_fetches_nothing_from_the_network():
    script = DownloadButton(lambda: ("a", b"", "text/plain"))._esm

    assert "http" not in script and "import " not in script
    assert "revokeObjectURL" in script and "download" in script


def test_the_workbook_as_excel_from_the_app(sample_folder, monkeypatch):
    button = workbook_export_button(sample_folder, "xlsx")
    sent = recording(button, monkeypatch)

    press(button)
    button.wait()

    (message, [data]), = sent
    name = rows(sample_folder, store.PROFILE)[0]["name"]
    assert message["name"].startswith(f"{name} - ข้อมูลสมุดงาน ") and message["name"].endswith(".xlsx")
    assert message["mime"] == XLSX_MIME == MIME_TYPES["xlsx"]
    spreadsheet = openpyxl.load_workbook(io.BytesIO(data))
    assert spreadsheet["profile"]["C2"].value == name
    assert len(list(spreadsheet["scores"].iter_rows())) == len(rows(sample_folder, store.SCORES)) + 1
    assert button.label == t("export_xlsx_button", "th")


def test_the_workbook_as_a_zip_from_the_app(sample_folder, monkeypatch):
    button = workbook_export_button(sample_folder, "zip", lang="en")
    sent = recording(button, monkeypatch)

    press(button)
    button.wait()

    (message, [data]), = sent
    assert message["name"].endswith(".zip") and " - workbook data " in message["name"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.read(f"{sample_folder.name}/scores.csv") == (sample_folder / store.SCORES).read_bytes()
    assert button.label == t("export_zip_button", "en")


def test_exporting_a_folder_that_is_no_workbook_is_told_on_the_button(tmp_path, monkeypatch):
    button = workbook_export_button(tmp_path, "xlsx")
    sent = recording(button, monkeypatch)

    press(button)
    button.wait()

    assert sent[0][1] == []
    assert str(tmp_path) in button.note and "profile.csv" in button.note


def test_what_the_file_is_made_from_is_taken_when_pressed_not_when_made(monkeypatch):
    """A save while a PDF prints (seconds) must not give a paper half of one state, half of another."""
    state = {"level": 3}
    release = threading.Event()

    def make(taken):
        release.wait(10)
        return "p.txt", str(taken["level"]).encode(), "text/plain"

    button = DownloadButton(make, label="x", snapshot=lambda: dict(state))
    sent = recording(button, monkeypatch)
    press(button)
    state["level"] = 4  # saved while the file is being made
    release.set()
    button.wait()

    assert sent == [({"file": "ok", "name": "p.txt", "mime": "text/plain"}, [b"3"])]


def test_a_snapshot_that_fails_is_told_on_the_note(monkeypatch):
    def broken():
        raise RuntimeError("disk gone")

    button = DownloadButton(lambda taken: ("p.txt", b"", "text/plain"), label="x", snapshot=broken)
    recording(button, monkeypatch)
    press(button)
    assert not button.busy and "disk gone" in button.note
