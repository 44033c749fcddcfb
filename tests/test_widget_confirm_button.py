"""Two clicks for what is hard to take back; a question left standing disarms itself."""

from __future__ import annotations

import time

from workbook_files import wait_until

from mchch_widgets.widgets.widget_confirm_button import ConfirmButton


def test_the_first_click_asks_and_the_second_acts():
    done = []
    button = ConfirmButton("ลบ", "ยืนยันลบ?", lambda: done.append(True))
    button.click()
    assert (button.description, button.button_style, done) == ("ยืนยันลบ?", "danger", [])
    button.click()
    assert done == [True]
    assert (button.description, button.button_style, button.armed) == ("ลบ", "", False)


def test_a_question_left_standing_disarms_itself_so_a_later_click_only_asks_again():
    done = []
    button = ConfirmButton("ลบ", "ยืนยันลบ?", lambda: done.append(True), disarm_after=0.2)
    button.click()
    assert wait_until(lambda: not button.armed, timeout=5)
    assert button.description == "ลบ"
    button.click()
    time.sleep(0.05)
    assert done == [] and button.armed
