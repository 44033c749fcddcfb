"""The chart view: shows a new chart only when it changed, and answers the page's download requests."""

from __future__ import annotations

import pytest

from mchch_widgets.widgets.widget_chart_view import ChartView

FIRST = b'<svg xmlns="http://www.w3.org/2000/svg"><text>first</text></svg>'
OTHER = b'<svg xmlns="http://www.w3.org/2000/svg"><text>second</text></svg>'


@pytest.fixture
def view() -> ChartView:
    files = {"png": b"\x89PNG\r\n\x1a\nfile", "svg": b"<svg/>"}
    return ChartView(lambda file_format: files[file_format], file_name="กลุ่ม - ภาพรวม",
                     labels={"png": "PNG", "svg": "SVG", "busy": "…", "failed": "ไม่สำเร็จ:"})


def test_a_new_chart_is_counted_and_the_same_one_is_not_sent_again(view):
    view.show(FIRST, "ภาพรวม")
    view.show(FIRST, "ภาพรวม")

    assert (view.image, view.alt, view.serial) == (FIRST, "ภาพรวม", 1)

    view.show(OTHER, "ความก้าวหน้า")

    assert (view.image, view.alt, view.serial) == (OTHER, "ความก้าวหน้า", 2)


@pytest.mark.parametrize("file_format", ["png", "svg"])
def test_a_download_sends_the_file_with_its_name(view, file_format):
    message, buffers = view.download(file_format)

    assert message == {"file": file_format, "name": f"กลุ่ม - ภาพรวม.{file_format}"}
    assert buffers == [{"png": b"\x89PNG\r\n\x1a\nfile", "svg": b"<svg/>"}[file_format]]


def test_a_failed_download_tells_the_page_why_and_sends_no_file():
    def broken(_format: str) -> bytes:
        raise OSError("disk full")

    view = ChartView(broken, labels={"failed": "ดาวน์โหลดไม่สำเร็จ:"})

    message, buffers = view.download("png")

    assert message == {"file": "png", "error": "ดาวน์โหลดไม่สำเร็จ: disk full"}
    assert buffers == []


def test_the_page_asking_for_a_download_gets_an_answer(view, monkeypatch):
    sent = []
    monkeypatch.setattr(view, "send", lambda content, buffers=None: sent.append((content, buffers)))

    view._handle_custom_msg({"download": "svg"}, [])
    view._handle_custom_msg({"download": "exe"}, [])  # not a format we make: ignored

    assert sent == [({"file": "svg", "name": "กลุ่ม - ภาพรวม.svg"}, [b"<svg/>"])]
