"""The saved badge says what happened, in the chosen language."""

from mchch_widgets.widgets.widget_save_status import SaveStatus


def test_states_read_as_a_facilitator_expects():
    status = SaveStatus()
    assert "เปิดสมุดงานแล้ว" in status.value

    status.saving()
    assert "กำลังบันทึก" in status.value

    status.saved()
    assert status.value.startswith("✓ บันทึกแล้ว")
    assert "mchch-status-saved" in status._dom_classes

    status.failed("ไฟล์เสีย <b>")
    assert "ยังไม่ได้บันทึก" in status.value and "&lt;b&gt;" in status.value
    assert "mchch-status-error" in status._dom_classes
    assert "mchch-status-saved" not in status._dom_classes


def test_english():
    status = SaveStatus(language="en")
    status.saved()
    assert status.value.startswith("✓ Saved")
