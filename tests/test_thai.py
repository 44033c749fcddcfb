"""thai: Buddhist Era dates, Thai digits and line breaking of Thai titles."""

from __future__ import annotations

import csv
import io
import itertools
import math
import random
import time
import unicodedata
from datetime import date, datetime, timedelta, timezone

import pytest
from pythainlp.tokenize import word_tokenize

from mchch_widgets import samples
from mchch_widgets.thai import format_date, overflow, thai_digits, word_breaks, wrap

FOLLOWING_VOWELS = set("ะาำๅ")  # written after their consonant: never at the start of a line
LEADING_VOWELS = set("เแโใไ")  # written before their consonant: never at the end of a line
ELLIPSIS = "…"
THAI_BLOCK = (0x0E01, 0x0E5B)


# --- dates and digits -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "thai", "english"),
    [
        (date(2026, 3, 15), "15 มี.ค. 2569", "15 Mar 2026"),
        (date(2025, 1, 1), "1 ม.ค. 2568", "1 Jan 2025"),
        (date(2025, 12, 31), "31 ธ.ค. 2568", "31 Dec 2025"),
        (date(2024, 2, 29), "29 ก.พ. 2567", "29 Feb 2024"),
        (date(2026, 4, 13), "13 เม.ย. 2569", "13 Apr 2026"),  # Songkran
        (date(2026, 10, 5), "5 ต.ค. 2569", "5 Oct 2026"),  # no leading zero on the day
    ],
)
def test_format_date_in_buddhist_era_and_in_english(day, thai, english):
    assert format_date(day) == thai
    assert format_date(day, "th") == thai
    assert format_date(day, "en") == english


def test_every_month_has_its_thai_abbreviation():
    months = [format_date(date(2026, m, 1)).split(" ")[1] for m in range(1, 13)]
    assert months == ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                      "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]


def test_every_month_has_its_english_abbreviation():
    months = [format_date(date(2026, m, 1), "en").split(" ")[1] for m in range(1, 13)]
    assert months == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def test_format_date_with_thai_digits():
    assert format_date(date(2026, 3, 15), digits=True) == "๑๕ มี.ค. ๒๕๖๙"
    assert format_date(date(2025, 11, 8), "th", digits=True) == "๘ พ.ย. ๒๕๖๘"


def test_english_dates_keep_arabic_digits():
    assert format_date(date(2026, 3, 15), "en", digits=True) == "15 Mar 2026"


def test_format_date_takes_the_day_of_a_timestamp():
    ict = timezone(timedelta(hours=7))
    moment = datetime(2026, 5, 16, 23, 59, 59, tzinfo=ict)
    assert format_date(moment) == "16 พ.ค. 2569"
    assert format_date(moment, "en") == "16 May 2026"


def test_an_unknown_language_falls_back_to_thai():
    assert format_date(date(2026, 3, 15), "fr") == "15 มี.ค. 2569"


def test_thai_digits_maps_every_digit():
    assert thai_digits("0123456789") == "๐๑๒๓๔๕๖๗๘๙"


def test_thai_digits_leaves_other_text_alone():
    assert thai_digits("รอบที่ 2 ปี 2569, ร้อยละ 80.5%") == "รอบที่ ๒ ปี ๒๕๖๙, ร้อยละ ๘๐.๕%"
    assert thai_digits("ประชุมทุก ๒ เดือน") == "ประชุมทุก ๒ เดือน"
    assert thai_digits("") == ""


def test_thai_digits_is_idempotent():
    once = thai_digits("15 มี.ค. 2569")
    assert thai_digits(once) == once == "๑๕ มี.ค. ๒๕๖๙"


# --- line breaking: the rules every wrapped text must keep ------------------------------


def collapsed(text: str) -> str:
    return " ".join(text.split())


def assert_wrapped_well(text: str, width: int, max_lines: int | None = None) -> list[str]:
    """Check the result of wrap(text, width, max_lines) against the rules; return its lines."""
    result = wrap(text, width, max_lines=max_lines)
    whole = collapsed(text)
    if not whole:
        assert result == ""
        return []
    lines = result.split("\n")
    truncated = lines[-1].endswith(ELLIPSIS) and not whole.endswith(ELLIPSIS)
    if truncated:
        lines[-1] = lines[-1][: -len(ELLIPSIS)]
    if max_lines is not None:
        assert len(lines) <= max_lines

    # The lines, rejoined (a space where the break was at a space), are the text itself.
    position, breaks_at_space = 0, []
    for line in lines:
        assert line, f"empty line in {result!r}"
        assert line == line.strip(), f"line {line!r} keeps a space at its edge"
        assert whole.startswith(line, position), f"{line!r} is not the text at {position} of {whole!r}"
        position += len(line)
        at_space = whole[position:position + 1] == " "
        breaks_at_space.append(at_space)
        position += at_space
    if truncated:
        assert position < len(whole), "an ellipsis although nothing was cut off"
    else:
        assert position == len(whole), "text was lost"

    # Breaks the wrapper made inside a run of letters keep Thai clusters whole.
    for before, after, at_space in zip(lines, lines[1:], breaks_at_space):
        if at_space:
            continue
        assert unicodedata.category(after[0]) != "Mn", f"{after!r} starts with a combining mark"
        assert after[0] not in FOLLOWING_VOWELS, f"{after!r} starts with a following vowel"
        assert before[-1] not in LEADING_VOWELS, f"{before!r} ends with a leading vowel"
        # A word is cut only when there was no space to break at instead.
        assert " " not in before, f"{before!r} was cut mid-word although it holds a space"
    return lines


def read_indicators(name: str) -> list[dict[str, str]]:
    data = (samples.sample_path(name) / "indicators.csv").read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(data, newline="")))


@pytest.fixture(scope="module")
def main_titles() -> list[str]:
    titles = [row["title"] for row in read_indicators(samples.MAIN_SAMPLE)]
    assert len(titles) >= 10
    return titles


@pytest.fixture(scope="module")
def sample_texts() -> list[str]:
    """Every title and rubric descriptor of every sample: real Thai, some with spaces."""
    texts = []
    for name in samples.sample_names():
        for row in read_indicators(name):
            texts.append(row["title"])
            texts += [value for column, value in row.items() if column.startswith("level_") and value]
    assert any(" " in text for text in texts)
    return texts


@pytest.mark.parametrize("width", [8, 12, 20, 30, 34])
def test_wrap_keeps_clusters_whole_in_the_main_sample_titles(main_titles, width):
    for title in main_titles:
        lines = assert_wrapped_well(title, width)
        assert all(len(line) <= width + overflow(width) for line in lines), lines
        assert all(len(line) <= width for line in lines[:-1]), lines  # only the last line runs over


@pytest.mark.parametrize("width", [10, 20, 30, 40])
def test_wrap_keeps_clusters_whole_in_every_sample_text(sample_texts, width):
    for text in sample_texts:
        lines = assert_wrapped_well(text, width)
        assert all(len(line) <= width + overflow(width) for line in lines), lines
        assert all(len(line) <= width for line in lines[:-1]), lines  # only the last line runs over


def test_a_short_title_stays_on_one_line(main_titles):
    short = min(main_titles, key=len)
    assert wrap(short, len(short)) == short
    assert wrap(short, 200, max_lines=1) == short


def test_wrap_breaks_at_spaces_when_there_are_some():
    text = "ประชุมทุก ๒ เดือน มีบันทึกการประชุม แต่ยังไม่แจ้งมติให้สมาชิกที่ไม่ได้มา"
    # no space in the last part: it breaks before the phrase word ให้, not mid-word
    assert wrap(text, 20) == "ประชุมทุก ๒ เดือน\nมีบันทึกการประชุม\nแต่ยังไม่แจ้งมติ\nให้สมาชิกที่ไม่ได้มา"
    assert wrap(text, 40) == "ประชุมทุก ๒ เดือน มีบันทึกการประชุม\nแต่ยังไม่แจ้งมติให้สมาชิกที่ไม่ได้มา"


def test_wrap_never_cuts_a_word_that_fits_on_a_line(sample_texts):
    width = 40
    for text in sample_texts:
        if all(len(word) <= width for word in text.split()):
            assert wrap(text, width).split() == text.split(), text


def test_wrap_breaks_before_a_phrase_word_rather_than_mid_word():
    assert wrap("การถ่ายทอดภูมิปัญญาการย้อมสีสู่คนรุ่นใหม่", 32) == "การถ่ายทอดภูมิปัญญาการย้อมสี\nสู่คนรุ่นใหม่"
    assert wrap("แหล่งวัตถุดิบสีธรรมชาติจากสวนสมรมและป่าอย่างยั่งยืน", 32) == (
        "แหล่งวัตถุดิบสีธรรมชาติ\nจากสวนสมรมและป่าอย่างยั่งยืน")


def test_a_title_a_little_longer_than_the_width_stays_on_one_line():
    title = "บัญชีกลุ่มและกองทุนออมทรัพย์โปร่งใส"  # 35 characters
    assert wrap(title, 32) == title


def test_wrap_breaks_english_at_spaces():
    assert wrap("Consensus score, round by round", 12) == "Consensus\nscore, round\nby round"


def test_wrap_collapses_runs_of_spaces_and_newlines():
    assert wrap("  การประชุม   กลุ่ม\nและบันทึก  ", 40) == "การประชุม กลุ่ม และบันทึก"


def test_wrap_of_an_empty_text_is_empty():
    assert wrap("", 10) == ""
    assert wrap("   ", 10) == ""


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        # a cut at 6 would put ั first on the line: it moves back before ว
        ("แหล่งวัตถุดิบสีธรรมชาติ", 6, "แหล่ง\nวัตถุ\nดิบสีธ\nรรมชา\nติ"),
        ("การทำบัญชี", 4, "การ\nทำบั\nญชี"),  # not before ำ
        ("เปลือกมังคุด", 5, "เปลือ\nกมัง\nคุด"),  # not before ุ
        ("ใบเสร็จ", 3, "ใบ\nเส\nร็จ"),  # not after เ: the cut moves back before เ
    ],
    ids=["tone-mark", "sara-am", "sara-u", "leading-vowel"],
)
def test_wrap_moves_the_break_back_to_a_cluster_boundary(text, width, expected):
    result = wrap(text, width)
    assert_wrapped_well(text, width)
    assert result.replace("\n", "") == text
    assert result == expected


# --- max_lines --------------------------------------------------------------------------


def test_max_lines_ends_a_long_title_with_an_ellipsis(main_titles):
    longest = max(main_titles, key=len)  # แหล่งวัตถุดิบสีธรรมชาติจากสวนสมรมและป่าอย่างยั่งยืน
    full = wrap(longest, 12).split("\n")
    assert len(full) > 2

    short = wrap(longest, 12, max_lines=2)

    lines = short.split("\n")
    assert len(lines) == 2
    assert lines[0] == full[0]
    assert lines[1].endswith(ELLIPSIS) and lines[1].count(ELLIPSIS) == 1
    assert longest.startswith((lines[0] + lines[1]).removesuffix(ELLIPSIS))
    assert_wrapped_well(longest, 12, max_lines=2)


def test_max_lines_adds_nothing_when_the_text_fits(main_titles):
    for title in main_titles:
        lines = wrap(title, 30).split("\n")
        assert wrap(title, 30, max_lines=len(lines)) == "\n".join(lines)
        assert ELLIPSIS not in wrap(title, 30, max_lines=len(lines) + 1)


@pytest.mark.parametrize("max_lines", [1, 2, 3])
def test_max_lines_on_every_sample_text(sample_texts, max_lines):
    cut = 0
    for text in sample_texts:
        lines = assert_wrapped_well(text, 16, max_lines=max_lines)
        result = wrap(text, 16, max_lines=max_lines)
        if len(wrap(text, 16).split("\n")) > max_lines:
            cut += 1
            assert result.endswith(ELLIPSIS), text
            assert len(lines) == max_lines
        else:
            assert ELLIPSIS not in result
    assert cut > 0


# --- random Thai ------------------------------------------------------------------------


def random_thai(rng: random.Random, spaces: bool) -> str:
    """Letters drawn from the whole Thai block, with spaces (if any) between whole clusters."""
    chars = [chr(rng.randint(*THAI_BLOCK)) for _ in range(rng.randint(1, 120))]
    if not spaces:
        return "".join(chars)
    text = ""
    for here, after in zip(chars, chars[1:] + [""]):
        text += here
        space_fits = (after and here not in LEADING_VOWELS and after not in FOLLOWING_VOWELS
                      and unicodedata.category(after) != "Mn")
        if space_fits and rng.random() < 0.12:
            text += " "
    return text


@pytest.mark.parametrize("spaces", [False, True], ids=["no-spaces", "with-spaces"])
def test_wrap_keeps_clusters_whole_in_random_thai_at_label_widths(spaces):
    """Random strings are harsher than any real title: runs of stacked marks and vowels."""
    rng = random.Random(2569)
    for _ in range(2000):
        text = random_thai(rng, spaces)
        width = rng.randint(10, 40)
        max_lines = rng.choice([None, None, 1, 2, 3])
        assert_wrapped_well(text, width, max_lines)


def test_wrap_never_breaks_inside_a_cluster_longer_than_the_width():
    assert wrap("เก๊ะ", 3) == "เก๊ะ"  # one cluster: เ + ก + ๊ + ะ
    assert wrap("เก๊ะเก๊ะ", 3) == "เก๊ะ\nเก๊ะ"


def test_wrap_keeps_clusters_whole_in_random_thai_at_any_width():
    rng = random.Random(43)
    for _ in range(3000):
        assert_wrapped_well(random_thai(rng, spaces=False), rng.randint(2, 40))


# --- words: Thai breaks between words, not just between clusters ---------------------------

# Words of the sample titles, as a Thai reader knows them (not from the segmenter under test):
# none of them may be cut when a line can hold it whole.
SAMPLE_WORDS = ("ธรรมชาติ", "วัตถุดิบ", "ผลิตภัณฑ์", "ต่อเนื่อง", "ภูมิปัญญา", "ถ่ายทอด", "หมู่บ้าน",
                "ประสบการณ์", "อินทรีย์", "สนับสนุน", "เรียนรู้", "ยาเสพติด", "โปร่งใส", "สม่ำเสมอ",
                "สาธารณะ", "ความร่วมมือ", "ยั่งยืน", "มาตรฐาน", "ออนไลน์", "ซื่อสัตย์", "เกษตร",
                "ประเทศ", "ตัวเมือง", "นักท่องเที่ยว", "สวัสดิการ", "แลกเปลี่ยน")


def all_sample_titles() -> list[str]:
    return [row["title"] for name in samples.sample_names() for row in read_indicators(name)]


def test_the_sample_titles_hold_the_listed_words():
    text = " ".join(all_sample_titles())
    assert [word for word in SAMPLE_WORDS if word not in text] == []


@pytest.mark.parametrize("width", [10, 12, 14, 18, 22, 26, 30])
def test_wrap_never_cuts_a_known_word_that_fits_on_a_line(width):
    cut_compounds = 0
    for title in all_sample_titles():
        lines = assert_wrapped_well(title, width)
        for word in SAMPLE_WORDS:
            if word in title and len(word) <= width:
                if len(compound_around(title, word)) > width:
                    cut_compounds += 1  # e.g. การเรียนรู้ at 10: the dictionary's word is longer than a line
                    continue
                assert any(word in line for line in lines), (word, lines)
    assert cut_compounds <= 2


def compound_around(title: str, word: str) -> str:
    """The run of dictionary words (pythainlp newmm) that holds `word` in `title`."""
    start = title.index(word)
    end, words = 0, []
    for token in word_tokenize(title, engine="newmm", keep_whitespace=True):
        end += len(token)
        if end > start and end - len(token) < start + len(word):
            words.append(token)
    return "".join(words)


@pytest.mark.parametrize("width", [8, 10, 14, 18, 22, 30])
def test_every_break_in_a_sample_title_falls_between_two_words(width):
    """Where there is no space, a break is where the dictionary segmentation puts a word boundary,
    unless the word there is longer than the whole line."""
    for title in all_sample_titles():
        lines = assert_wrapped_well(title, width)
        words = word_tokenize(" ".join(title.split()), engine="newmm", keep_whitespace=True)
        bounds = set(itertools.accumulate(len(word) for word in words))
        position = 0
        for line in lines[:-1]:
            position += len(line)
            if title[position] == " ":
                position += 1
                continue
            if position not in bounds:
                inside = max(b for b in bounds | {0} if b < position), min(b for b in bounds if b > position)
                assert inside[1] - inside[0] > width, (title, width, lines)


@pytest.mark.parametrize(
    ("title", "width", "expected"),
    [
        ("การผลิตต่อเนื่องตลอดปี", 18, "การผลิตต่อเนื่อง\nตลอดปี"),  # was การผลิตต่อเนื่องตล|อดปี
        ("คุณภาพและมาตรฐานผลิตภัณฑ์ (มผช./OTOP)", 22, "คุณภาพและมาตรฐาน\nผลิตภัณฑ์ (มผช./OTOP)"),
        ("การเฝ้าระวังยาเสพติดในหมู่บ้าน", 18, "การเฝ้าระวัง\nยาเสพติดในหมู่บ้าน"),
        ("การริเริ่มผลิตภัณฑ์และกิจกรรมใหม่", 14, "การริเริ่ม\nผลิตภัณฑ์\nและกิจกรรมใหม่"),
        ("คุณภาพและมาตรฐานผลิตภัณฑ์ (มผช./OTOP)", 12, "คุณภาพและ\nมาตรฐาน\nผลิตภัณฑ์\n(มผช./OTOP)"),
    ],
)
def test_real_titles_break_between_words(title, width, expected):
    assert wrap(title, width) == expected
    assert_wrapped_well(title, width)


def test_max_lines_cuts_a_real_title_after_a_whole_word():
    title = "แหล่งวัตถุดิบสีธรรมชาติจากสวนสมรมและป่าอย่างยั่งยืน"
    assert wrap(title, 22, max_lines=2) == "แหล่งวัตถุดิบสี\nธรรมชาติจากสวนสมรม…"  # was …สีธรรมชา|ติ…
    for title in all_sample_titles():
        result = wrap(title, 14, max_lines=2)
        if result.endswith(ELLIPSIS):
            kept = result.removesuffix(ELLIPSIS).replace("\n", "")
            assert title.startswith(kept) and not title[len(kept)] in FOLLOWING_VOWELS
            assert unicodedata.category(title[len(kept)]) != "Mn", result


def test_a_word_longer_than_the_line_is_cut_where_a_syllable_ends():
    # ความร่วมมือ (11 letters) cannot fit in 10: ความร่วม|มือ, not ความร่วมมื|อ
    assert wrap("ความร่วมมือเพื่อกิจการสาธารณะ", 10, max_lines=2) == "ความร่วม\nมือเพื่อ…"
    # ซื่อสัตย์ in 8: not after ั (สั|ตย์) nor before a silenced ย์ (ซื่อสัต|ย์)
    assert wrap("ซื่อสัตย์และโปร่งใส", 8).split("\n")[:2] == ["ซื่อ", "สัตย์"]


def test_punctuation_does_not_start_a_line():
    for width in range(4, 30):
        for line in wrap("คุณภาพและมาตรฐานผลิตภัณฑ์ (มผช./OTOP), ความร่วมมือ", width).split("\n"):
            assert line[0] not in ")],.;:!?", (width, line)


def test_wrapping_every_sample_title_is_fast():
    """Every chart label is wrapped on every redraw: the 43 sample titles at three widths, with
    nothing cached yet, take well under 20 ms once the dictionary is loaded."""
    titles = all_sample_titles()
    wrap("ทดสอบการตัดคำ", 4)  # loads the dictionary (once per process)
    best = math.inf
    for _ in range(3):
        word_breaks.cache_clear()
        start = time.perf_counter()
        for title in titles:
            for width in (14, 18, 22):
                wrap(title, width, max_lines=2)
        best = min(best, time.perf_counter() - start)
    assert best < 0.020, f"{best * 1000:.1f} ms"


def test_the_segmentation_is_cached():
    title = "การแลกเปลี่ยนความรู้และประสบการณ์ระหว่างกัน"
    word_breaks.cache_clear()
    wrap(title, 14)
    wrap(title, 18, max_lines=2)
    info = word_breaks.cache_info()
    assert (info.misses, info.hits) == (1, 1)
