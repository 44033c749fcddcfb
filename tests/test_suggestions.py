"""suggestions: starting indicators per target type, and the generic ladder of levels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from workbook_files import reread

from mchch_widgets import forum, model, store
from mchch_widgets.suggestions import (
    GENERIC_LADDER,
    SUGGESTIONS,
    generic_ladder,
    is_generic,
    suggestions_for,
)

THAI = re.compile(r"[\u0e00-\u0e7f]")
SCALES = [(1, 5), (0, 4), (1, 3), (0, 10), (1, 2)]


@pytest.mark.parametrize("target_type", model.TARGET_TYPES)
def test_every_target_type_has_suggestions_in_thai_and_english(target_type: str):
    suggestions = suggestions_for(target_type)
    assert len(suggestions) >= 3
    for suggestion in suggestions:
        for thai, english in (suggestion.aspect, suggestion.title, suggestion.description):
            assert thai.strip() and english.strip()
            assert THAI.search(thai), thai
            assert not THAI.search(english), english  # a translation, not the Thai again


@pytest.mark.parametrize("target_type", model.TARGET_TYPES)
def test_pick_gives_the_words_of_one_language(target_type: str):
    for suggestion in suggestions_for(target_type):
        assert suggestion.pick("th") == (suggestion.aspect[0], suggestion.title[0], suggestion.description[0])
        assert suggestion.pick("en") == (suggestion.aspect[1], suggestion.title[1], suggestion.description[1])
        assert suggestion.pick("xx") == suggestion.pick("th")  # unknown languages fall back to Thai


def test_suggestions_cover_exactly_the_target_types():
    assert set(SUGGESTIONS) == set(model.TARGET_TYPES)
    assert suggestions_for("no-such-type") == ()


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("target_type", model.TARGET_TYPES)
def test_every_suggestion_can_be_added_to_a_new_workbook(tmp_path: Path, target_type: str, lang: str):
    """All suggestions of a type are valid, distinct titles: a group may take them all."""
    workbook = model.new_workbook("ทดลอง", target_type)
    for suggestion in suggestions_for(target_type):
        aspect, title, description = suggestion.pick(lang)
        forum.add_proposal(workbook, title, aspect, description)
    store.create_workbook(tmp_path / "wb", workbook)

    saved = reread(tmp_path / "wb").indicators
    expected = [s.pick(lang) for s in suggestions_for(target_type)]
    assert [(i.aspect, i.title, i.description) for i in saved] == expected
    assert all(i.status == "proposed" for i in saved)


@pytest.mark.parametrize("low, high", SCALES)
@pytest.mark.parametrize("lang, index", [("th", 0), ("en", 1)])
def test_generic_ladder_covers_every_level_from_not_started_to_the_top(low: int, high: int, lang: str, index: int):
    levels = range(low, high + 1)
    ladder = generic_ladder(levels, lang)

    assert list(ladder) == list(levels)
    assert ladder[low] == GENERIC_LADDER[0][index]
    assert ladder[high] == GENERIC_LADDER[-1][index]
    steps = [[pair[index] for pair in GENERIC_LADDER].index(ladder[level]) for level in levels]
    assert steps == sorted(steps), "the ladder never steps down"


def test_generic_ladder_in_thai_starts_with_not_started():
    ladder = generic_ladder(range(1, 6))
    assert ladder[1] == "ยังไม่ได้เริ่มทำ"
    assert generic_ladder(range(1, 6), "en")[1] == "Not started yet"


def test_a_five_level_scale_uses_every_step_once():
    assert list(generic_ladder(range(1, 6)).values()) == [thai for thai, _english in GENERIC_LADDER]


def test_a_wide_scale_uses_every_step():
    ladder = generic_ladder(range(11), "en")
    assert set(ladder.values()) == {english for _thai, english in GENERIC_LADDER}


def test_is_generic_knows_the_ladder_in_both_languages():
    for thai, english in GENERIC_LADDER:
        assert is_generic(thai)
        assert is_generic(english)
        assert is_generic(f"  {thai}\n")
    assert not is_generic("ประชุมทุกเดือน มีบันทึกการประชุม")
    assert not is_generic("")
    assert not is_generic(GENERIC_LADDER[0][0] + " และมีบันทึก")  # reworded by the group


def test_words_of_the_sample_are_not_generic(sample_folder: Path):
    workbook = reread(sample_folder)
    texts = [text for i in workbook.indicators for text in i.levels.values() if text]
    assert texts
    assert not any(is_generic(text) for text in texts)
