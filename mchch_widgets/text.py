"""Every user-facing text, in Thai first with its English translation.

Kept in one place so a translator (or a trainer fixing a word) edits one file.
`t("key", "th")` returns the Thai text; unknown languages fall back to Thai.
"""

from __future__ import annotations

LANGUAGES = ("th", "en")

TEXTS: dict[str, tuple[str, str]] = {
    # --- the app shell -----------------------------------------------------------------
    "app_title": ("สมุดงาน มชช.", "มชช. workbook"),
    "app_subtitle": ("ระบบมาตรฐานการพัฒนาชุมชน", "Community Work Standards"),
    "language": ("ภาษา", "Language"),
    "nav_overview": ("ภาพรวม", "Overview"),
    "nav_step1": ("๑ สมัครเข้าร่วม", "1 Join"),
    "step1_heading": ("ขั้นที่ ๑ สมัครใจเข้าสู่ระบบ มชช.", "Step 1: join มชช. voluntarily"),
    "step1_help": (
        "กรอกข้อมูลของผู้สมัคร ทีมนำการพัฒนา และที่ปรึกษา ทุกช่องบันทึกทันทีเมื่อกด Enter หรือออกจากช่อง",
        (
            "Enter the applicant, its lead team and advisors. Each field is saved as soon as you "
            "press Enter or leave it."
        ),
    ),
    "overview_heading": ("ผลการประเมินแบบฉันทามติในแต่ละรอบ", "Consensus scores, round by round"),
    "overview_facts": (
        "{target} · {place} · ตัวชี้วัด {indicators} ข้อ · ประเมิน {rounds} รอบ",
        "{target} · {place} · {indicators} indicators · {rounds} rounds",
    ),
    "no_place": ("ยังไม่ระบุพื้นที่", "no place given yet"),
    "workbook_folder": ("โฟลเดอร์สมุดงาน: {path}", "Workbook folder: {path}"),
    # --- saving ------------------------------------------------------------------------
    "saved_at": ("บันทึกแล้ว {time}", "Saved {time}"),
    "saving": ("กำลังบันทึก…", "Saving…"),
    "loaded": ("เปิดสมุดงานแล้ว ข้อมูลทั้งหมดอยู่ในไฟล์ CSV", "Workbook open; everything is in its CSV files"),
    "not_saved": ("ยังไม่ได้บันทึก: {reason}", "Not saved: {reason}"),
    "formula_stored_as_text": (
        "ข้อความที่ขึ้นต้นด้วย = + - @ จะเก็บเป็นข้อความ ไม่ใช่สูตร",
        "Text starting with = + - @ is kept as text, never as a formula",
    ),
    "err_write": ("เขียนไฟล์ไม่ได้ ({detail}) ข้อมูลยังอยู่บนหน้าจอ ลองอีกครั้ง", "Cannot write the file ({detail}); it is still on screen, try again"),
    "changed_elsewhere": (
        "สมุดงานถูกบันทึกจากหน้าต่างหรือโปรแกรมอื่น จึงโหลดข้อมูลล่าสุดแล้ว กรุณาพิมพ์รายการสุดท้ายอีกครั้ง",
        "The workbook was saved from another tab or program; the latest is loaded. Please type your last entry again",
    ),
    "err_changed_elsewhere": ("ไฟล์ถูกแก้ไขจากที่อื่นหลังจากเปิด", "the file was changed elsewhere after it was opened"),
    "cannot_open": ("เปิดสมุดงานไม่ได้ ไม่มีไฟล์ใดถูกแก้ไข", "The workbook cannot be opened; no file was changed"),
    # --- step 1: profile ---------------------------------------------------------------
    "field_name": ("ชื่อ", "Name"),
    "field_target_type": ("ประเภทผู้สมัคร", "Applicant type"),
    "field_province": ("จังหวัด", "Province"),
    "field_district": ("อำเภอ", "District"),
    "field_subdistrict": ("ตำบล", "Subdistrict"),
    "field_facilitator": ("ผู้อำนวยความสะดวก (พี่เลี้ยง)", "Facilitator"),
    "field_scale": ("ระดับคะแนน", "Score scale"),
    "field_scale_to": ("ถึง", "to"),
    "field_created_at": ("สร้างเมื่อ", "Created"),
    "choose": ("— เลือก —", "— choose —"),
    "scale_in_use": (
        "เปลี่ยนระดับคะแนนไม่ได้ มีคะแนน {count} รายการอยู่นอกช่วง {low}–{high}",
        "Cannot change the scale: {count} scores lie outside {low}–{high}",
    ),
    "scale_order": ("ระดับต่ำสุดต้องน้อยกว่าระดับสูงสุด", "The lowest level must be below the highest"),
    "members_heading": ("ทีมนำการพัฒนาและที่ปรึกษา", "Lead team and advisors"),
    "member_name": ("ชื่อ-สกุล", "Full name"),
    "member_role": ("บทบาท", "Role"),
    "member_position": ("ตำแหน่ง", "Position"),
    "member_contact": ("ติดต่อ", "Contact"),
    "member_add": ("+ เพิ่มรายชื่อ", "+ Add a person"),
    "member_remove": ("ลบ", "Remove"),
    "member_remove_confirm": ("ยืนยันลบ?", "Really remove?"),
    "member_none": ("ยังไม่มีรายชื่อ กด “เพิ่มรายชื่อ”", "No one listed yet; press “Add a person”"),
    "role_lead": ("ทีมนำการพัฒนา", "Lead team"),
    "role_advisor": ("ที่ปรึกษา", "Advisor"),
    # --- step 2: the indicator forum (core messages) ----------------------------------
    "err_title_empty": ("กรุณาพิมพ์ชื่อตัวชี้วัด (ว่างไม่ได้)", "Type the indicator's title (it cannot be empty)"),
    "err_title_long": (
        "ยาวเกิน {limit} ตัวอักษร (พิมพ์มา {count}) ลองเขียนให้สั้นลง แล้วใส่รายละเอียดในคำอธิบาย",
        "Longer than {limit} characters ({count} typed); shorten it and put details in the description",
    ),
    "err_title_taken": ("มีตัวชี้วัดนี้อยู่แล้ว: “{title}”", "This indicator is already there: “{title}”"),
    "err_votes_negative": ("จำนวนโหวตติดลบไม่ได้", "Votes cannot be negative"),
    "err_votes_number": ("จำนวนโหวตต้องเป็นตัวเลข", "Votes must be a number"),
    "err_merge_self": ("เลือกข้ออื่นที่จะรวม", "Choose another proposal to merge"),
    "err_merge_scored": (
        "รวม “{title}” ไม่ได้ เพราะมีคะแนนประเมินแล้ว {count} รายการ",
        "Cannot merge “{title}”: it already has {count} scores",
    ),
    "merged_from": ("(รวมมาจาก: {title})", "(merged from: {title})"),
    "warn_target_outside": ("เป้าหมายอยู่นอกช่วงคะแนน {low}–{high}", "target lies outside the scale {low}–{high}"),
    "check_near_duplicate": ("“{a}” กับ “{b}” คล้ายกันมาก รวมเป็นข้อเดียวหรือไม่?",
                             "“{a}” and “{b}” read alike: merge them?"),
    "check_too_many": ("เลือกไว้ {count} ข้อ มากกว่า {limit} ข้อจะประเมินได้ไม่ทันในหนึ่งเวที",
                       "{count} selected: more than {limit} is hard to score in one workshop"),
    "check_levels_empty": ("“{title}” ยังไม่มีคำอธิบายระดับ {levels}", "“{title}” has no words for level {levels}"),
    "check_no_target": ("“{title}” ยังไม่ได้กำหนดระดับเป้าหมาย", "“{title}” has no target level yet"),
    "check_no_targets": ("ตัวชี้วัดที่เลือก {count} ข้อยังไม่ได้กำหนดระดับเป้าหมาย (ทำในขั้น ค.)",
                         "{count} selected indicators have no target level yet (set them in part c)"),
    "check_target_outside": ("เป้าหมายของ “{title}” (ระดับ {target}) อยู่นอกช่วง {low}–{high}",
                             "The target of “{title}” (level {target}) lies outside {low}–{high}"),
    # --- step 3: the plan (core messages) ----------------------------------------------
    "err_activity_empty": ("กรุณาพิมพ์ชื่อกิจกรรม (ว่างไม่ได้)", "Type the activity (it cannot be empty)"),
    "err_budget": (
        "อ่านงบประมาณ “{value}” ไม่ได้ พิมพ์เป็นตัวเลข เช่น 5000, 5,000 หรือ ห้าพัน",
        "Cannot read the budget “{value}”; type a number such as 5000, 5,000 or ห้าพัน",
    ),
    "err_budget_negative": ("งบประมาณติดลบไม่ได้ (“{value}”)", "A budget cannot be negative (“{value}”)"),
    "err_date_typed": (
        "อ่านวันที่ “{value}” ไม่ได้ พิมพ์แบบ วัน/เดือน/ปี พ.ศ. เช่น 15/3/2569",
        "Cannot read the date “{value}”; type day/month/Buddhist year, e.g. 15/3/2569",
    ),
    "note_gregorian_year": (
        "อ่านปี {year} เป็น ค.ศ. (ตรงกับ พ.ศ. {be})",
        "{year} read as a Gregorian year (B.E. {be})",
    ),
    "err_date_short_year": (
        "ปี “{value}” สั้นเกินไป พิมพ์ปี พ.ศ. ให้ครบ ๔ หลัก เช่น 15/3/2569",
        "The year in “{value}” is too short; type all four digits of the Buddhist year, e.g. 15/3/2569",
    ),
    "err_aspect_long": ("ชื่อหมวดยาวเกิน {limit} ตัวอักษร (พิมพ์มา {count})",
                        "The aspect is longer than {limit} characters ({count} typed)"),
    "err_end_before_start_typed": ("วันสิ้นสุดต้องไม่ก่อนวันเริ่ม", "The end date cannot be before the start date"),
    # --- undo ----------------------------------------------------------------------------
    "undo_drop": ("ตัดออก “{title}”", "drop “{title}”"),
    "undo_drop_rest": ("ตัดข้อที่ไม่ได้เลือก {count} ข้อ", "drop {count} unselected"),
    "undo_merge": ("รวม “{other}” เข้ากับ “{title}”", "merge “{other}” into “{title}”"),
    "undo_remove_activity": ("ลบกิจกรรม “{title}”", "remove activity “{title}”"),
    "undo_remove_member": ("ลบรายชื่อ “{title}”", "remove “{title}”"),
    "undo_button": ("↶ เลิกทำ: {action}", "↶ Undo: {action}"),
    "undone": ("เลิกทำแล้ว: {action}", "Undone: {action}"),
    # --- step 2: proposals, voting and selection (widgets) ------------------------------
    "nav_step2": ("๒ ตัวชี้วัด", "2 Indicators"),
    "nav_step3": ("๓ แผนพัฒนา", "3 Plan"),
    "step2_heading": ("ขั้นที่ ๒ เวทีกำหนดตัวชี้วัด", "Step 2: the indicator forum"),
    "step2_help": (
        "ชุมชนกำหนดตัวชี้วัดเอง: เสนอความคิด ลงคะแนนโหวต เลือกชุดสุดท้าย แล้วเขียนคำอธิบายแต่ละระดับ ทุกอย่างบันทึกทันที",
        "The community sets its own indicators: call out ideas, vote, choose the final set, then describe each level. Everything is saved at once.",
    ),
    "phase_propose": ("ก. เสนอและโหวต", "a. Propose and vote"),
    "phase_select": ("ข. คัดเลือกและเรียงลำดับ", "b. Select and order"),
    "phase_ladder": ("ค. คำอธิบายระดับและเป้าหมาย", "c. Levels and targets"),
    "entry_title": ("พิมพ์ข้อเสนอตัวชี้วัด แล้วกด Enter", "Type a proposed indicator and press Enter"),
    "entry_aspect": ("หมวด (ไม่บังคับ)", "Aspect (optional)"),
    "entry_description": ("คำอธิบาย (ไม่บังคับ)", "Description (optional)"),
    "entry_add": ("+ เพิ่ม", "+ Add"),
    "sort_aspect": ("จัดกลุ่มตามหมวด", "Grouped by aspect"),
    "sort_votes": ("เรียงตามคะแนนโหวต", "Sorted by votes"),
    "aspect_none": ("ยังไม่ระบุหมวด", "No aspect yet"),
    "proposals_none": (
        "ยังไม่มีข้อเสนอ พิมพ์ในช่องด้านบน หรือเริ่มจากตัวอย่าง",
        "No proposals yet: type one above, or start from a suggestion",
    ),
    "proposal_came_back": ("ข้อนี้เคยถูกตัดออก นำกลับมาแล้ว", "This one had been dropped; it is back"),
    "proposal_edit": ("แก้ไข", "Edit"),
    "proposal_title": ("ชื่อตัวชี้วัด", "Title"),
    "proposal_aspect": ("หมวด", "Aspect"),
    "proposal_description": ("คำอธิบาย", "Description"),
    "proposal_merge_with": ("รวมกับ", "Merge with"),
    "proposal_merge": ("รวมเข้ากับข้อนี้", "Merge into this one"),
    "proposal_merge_confirm": ("ยืนยันรวม?", "Really merge?"),
    "proposal_merge_help": (
        "รวม: ข้อที่เลือกจะถูกรวมเข้ากับข้อนี้ คะแนนโหวตรวมกัน ข้อเดิมเก็บไว้เป็นประวัติ (ตัดออก)",
        "Merge: the chosen proposal is folded into this one with its votes; it stays on record as dropped",
    ),
    "proposal_drop": ("ตัดออก", "Drop"),
    "selected_tag": ("เลือกแล้ว", "selected"),
    "votes_heading": ("คะแนนโหวต (รวม {total} จุด)", "Votes ({total} dots in all)"),
    "votes_none": ("ยังไม่มีข้อเสนอให้โหวต", "Nothing to vote on yet"),
    "suggest_heading": ("ตัวอย่างตัวชี้วัดสำหรับ{target}", "Suggested indicators for a {target}"),
    "suggest_note": (
        "(ข้อเสนอแนะ ใช้ แก้ หรือไม่ใช้ก็ได้)",
        "(only suggestions: use, reword or ignore them)",
    ),
    "suggest_show": ("แสดงตัวอย่าง ({count})", "Show suggestions ({count})"),
    "suggest_hide": ("ซ่อนตัวอย่าง", "Hide suggestions"),
    "suggest_use": ("+ ใช้ข้อนี้", "+ Use this"),
    "suggest_taken": ("✓ อยู่ในรายการแล้ว", "✓ Already listed"),
    "select_proposals": ("ข้อเสนอ (เรียงตามโหวต)", "Proposals (by votes)"),
    "select_chosen": ("ตัวชี้วัดที่เลือก ({count} ข้อ)", "Selected indicators ({count})"),
    "select_add": ("เลือก →", "Select →"),
    "select_remove": ("← เอาออก", "← Unselect"),
    "select_up": ("▲", "▲"),
    "select_down": ("▼", "▼"),
    "select_none": ("ยังไม่ได้เลือก กด “เลือก →” ที่ข้อเสนอทางซ้าย", "Nothing selected yet: press “Select →” on the left"),
    "select_all_chosen": ("ทุกข้อเสนอถูกเลือกแล้ว", "Every proposal is selected"),
    "select_drop_rest": ("ตัดข้อที่ไม่ได้เลือกออก ({count} ข้อ)", "Drop the {count} not selected"),
    "select_drop_rest_confirm": ("ยืนยันตัดออก {count} ข้อ?", "Really drop {count}?"),
    "select_dropped": ("ข้อที่ตัดออกแล้ว ({count})", "Dropped ({count})"),
    "select_restore": ("นำกลับ", "Bring back"),
    "select_merged_into": ("รวมเข้ากับ “{title}”", "merged into “{title}”"),
    "votes_count": ("{count} โหวต", "{count} votes"),
    # --- step 2: the ladder and the checks (widgets) ------------------------------------
    "ladder_previous": ("◀ ข้อก่อนหน้า", "◀ Previous"),
    "ladder_next": ("ข้อถัดไป ▶", "Next ▶"),
    "ladder_position": ("ตัวชี้วัดที่ {number} จาก {count}", "Indicator {number} of {count}"),
    "ladder_option": ("{number}. {title}", "{number}. {title}"),
    "ladder_target": ("ระดับเป้าหมาย", "Target level"),
    "ladder_target_none": ("ยังไม่กำหนด", "Not set"),
    "ladder_target_badge": ("◎ เป้าหมาย", "◎ Target"),  # no emoji: village laptops may lack an emoji font
    "ladder_level_placeholder": (
        "ระดับ {level} เป็นอย่างไร? เขียนด้วยคำของกลุ่ม แล้วคลิกนอกช่องเพื่อบันทึก",
        "What does level {level} look like? In the group's words; click outside the box to save",
    ),
    "ladder_fill_generic": ("เติมคำอธิบายตัวอย่างในช่องที่ว่าง", "Fill empty levels with example words"),
    "ladder_filled": ("เติมคำอธิบายตัวอย่าง {count} ช่อง", "Example words put in {count} empty levels"),
    "ladder_generic_note": (
        "ระดับ {levels} ยังเป็นคำอธิบายตัวอย่าง ลองเขียนด้วยคำของกลุ่มเอง",
        "Level {levels} still holds the example words: try the group's own words",
    ),
    "ladder_none_selected": (
        "ยังไม่ได้เลือกตัวชี้วัด เลือกตัวชี้วัดที่กลุ่มตกลงกันก่อน แล้วจึงกลับมาเขียนคำอธิบายแต่ละระดับที่นี่",
        (
            "No indicators are selected yet. Select the indicators the group agreed on first, "
            "then come back here to write the words for each level."
        ),
    ),
    "checks_heading": ("ข้อสังเกต {count} ข้อ", "{count} things to look at"),
    "checks_advice": ("เป็นคำแนะนำ ไม่บังคับ", "advice only; nothing is blocked"),
    "checks_show_all": ("แสดงทั้งหมด ({count})", "Show all ({count})"),
    "checks_show_fewer": ("แสดงน้อยลง", "Show fewer"),
    # --- step 3: the plan (widgets) -------------------------------------------------------
    "step3_heading": ("ขั้นที่ ๓ แผนพัฒนาตนเอง", "Step 3: the development plan"),
    "step3_help": (
        (
            "เลือกตัวชี้วัดทางซ้าย แล้วเพิ่มกิจกรรมทางขวา วันที่พิมพ์เป็น พ.ศ. เช่น 15/3/2569 "
            "งบประมาณพิมพ์ได้ทั้ง 5,000 หรือ ห้าพัน ทุกช่องบันทึกทันทีเมื่อกด Enter หรือออกจากช่อง "
            "กิจกรรมใหม่บันทึกเมื่อพิมพ์ชื่อกิจกรรมแล้ว"
        ),
        (
            "Choose an indicator on the left, then add its activities on the right. Type dates in "
            "the Buddhist Era (B.E.), e.g. 15/3/2569; budgets as 5,000 or ห้าพัน. Each field is saved "
            "as soon as you press Enter or leave it; a new activity once it has a name."
        ),
    ),
    "plan_total": (
        "ทั้งแผน {activities} กิจกรรม · เสร็จแล้ว {done} · งบรวม {budget} บาท",
        "Whole plan: activities {activities} · done {done} · budget {budget} baht",
    ),
    "plan_cancelled_note": ("งบรวมไม่นับกิจกรรมที่ยกเลิก", "Budgets do not count cancelled activities"),
    "plan_counts": (
        "{activities} กิจกรรม · เสร็จ {done} · {budget} บาท",
        "Activities {activities} · done {done} · {budget} baht",
    ),
    "plan_overdue_count": ("⚠ เลยกำหนด {count}", "⚠ {count} overdue"),
    "plan_overdue": ("⚠ เลยกำหนด", "⚠ Overdue"),
    "plan_other_heading": ("กิจกรรมของตัวชี้วัดที่ไม่ได้เลือก", "Activities of indicators not selected"),
    "plan_no_indicator": ("ไม่ระบุตัวชี้วัด", "No indicator"),
    "plan_not_selected": ("{title} (ไม่ได้เลือก)", "{title} (not selected)"),
    "plan_not_selected_note": (
        "ตัวชี้วัดนี้ไม่ได้อยู่ในรายการที่เลือก กิจกรรมยังเก็บไว้ แก้ไขหรือลบได้",
        "This indicator is not among the selected ones; its activities are kept and can be edited or removed",
    ),
    "plan_no_selected": (
        "ยังไม่ได้เลือกตัวชี้วัด เลือกในขั้นที่ ๒ ก่อน แล้วกลับมาวางแผน",
        "No indicator is selected yet: select them in step 2, then plan here",
    ),
    "plan_activity_placeholder": ("พิมพ์ชื่อกิจกรรม", "Type the activity"),
    "plan_owner": ("ผู้รับผิดชอบ", "Owner"),
    "plan_start": ("วันเริ่ม (พ.ศ.)", "Start (B.E.)"),
    "plan_end": ("วันสิ้นสุด (พ.ศ.)", "End (B.E.)"),
    "plan_budget": ("งบ (บาท)", "Budget (baht)"),
    "plan_date_placeholder": ("ว/ด/ปปปป", "d/m/yyyy"),
    "plan_budget_placeholder": ("เช่น 5,000", "e.g. 5,000"),
    "plan_add": ("+ เพิ่มกิจกรรม", "+ Add an activity"),
    "plan_remove": ("ลบ", "Remove"),
    "plan_remove_confirm": ("ยืนยันลบ?", "Really remove?"),
    "plan_none": ("ยังไม่มีกิจกรรม กด “+ เพิ่มกิจกรรม”", "No activities yet; press “+ Add an activity”"),
    "plan_status_planned": ("วางแผนไว้", "Planned"),
    "plan_status_in_progress": ("กำลังทำ", "In progress"),
    "plan_status_done": ("เสร็จแล้ว", "Done"),
    "plan_status_cancelled": ("ยกเลิก", "Cancelled"),
    "plan_changed_elsewhere": (
        "แผนถูกเปลี่ยนจากที่อื่น (เช่น เลิกทำ) จึงแสดงใหม่ กรุณาพิมพ์อีกครั้ง",
        "The plan was changed elsewhere (an undo, say) and is shown afresh; please type it again",
    ),
    "err_activity_long": (
        "ชื่อกิจกรรมยาวเกิน {limit} ตัวอักษร (พิมพ์มา {count}) ลองเขียนให้สั้นลง",
        "The activity is longer than {limit} characters ({count} typed); shorten it",
    ),
    # --- target types ------------------------------------------------------------------
    "target_leader": ("ผู้นำชุมชน", "Community leader"),
    "target_group": ("กลุ่ม/องค์กรชุมชน", "Community group or organisation"),
    "target_network": ("เครือข่ายองค์กรชุมชน", "Network of community organisations"),
    "target_community": ("ชุมชน", "Community"),
    # --- the chart ---------------------------------------------------------------------
    "chart_title": ("คะแนนฉันทามติ รอบต่อรอบ", "Consensus score, round by round"),
    "chart_level": ("ระดับ", "Level"),
    "chart_target": ("เป้าหมาย", "Target"),
    "chart_external": ("ประเมินจากภายนอก", "external"),
    "chart_no_scores": ("ยังไม่มีคะแนนฉันทามติ", "No consensus scores yet"),
    "chart_no_indicators": ("ยังไม่ได้เลือกตัวชี้วัด", "No indicators selected yet"),
    "chart_alt": ("กราฟคะแนนฉันทามติ", "Chart of consensus scores"),
    # --- validation (each takes file/row/column/value from the problem) ----------------
    "problem_at": ("{file} แถว {row} คอลัมน์ {column}", "{file} row {row} column {column}"),
    "problem_at_file": ("{file}", "{file}"),
    "problem_at_row": ("{file} แถว {row}", "{file} row {row}"),
    "problem_value": ("ค่า “{value}”", "value “{value}”"),
    "err_missing_file": ("ไม่พบไฟล์", "file is missing"),
    "err_not_folder": ("ไม่พบโฟลเดอร์สมุดงาน", "workbook folder not found"),
    "err_unreadable": ("อ่านไฟล์ไม่ได้ ({detail})", "file cannot be read ({detail})"),
    "err_encoding": (
        "ไฟล์ไม่ใช่ UTF-8 หรือ Windows-874 (ภาษาไทยของ Excel)",
        "file is neither UTF-8 nor Windows-874 (Thai Excel)",
    ),
    "err_csv": ("รูปแบบ CSV ผิด ({detail})", "malformed CSV ({detail})"),
    "err_missing_column": ("ไม่มีคอลัมน์ที่ต้องมี", "required column is missing"),
    "err_duplicate_column": ("ชื่อคอลัมน์ซ้ำกัน", "column name appears twice"),
    "err_one_row": ("ต้องมีข้อมูลหนึ่งแถวพอดี (พบ {count} แถว)", "must hold exactly one row (found {count})"),
    "err_ragged_row": (
        "จำนวนช่องไม่ตรงกับหัวตาราง ({count} ช่อง แต่หัวตารางมี {expected})",
        "row has {count} cells but the header has {expected}",
    ),
    "err_required": ("ต้องกรอก", "must not be empty"),
    "err_too_long": ("ยาวเกิน {limit} ตัวอักษร", "longer than {limit} characters"),
    "err_integer": ("ต้องเป็นจำนวนเต็ม", "must be a whole number"),
    "err_number": ("ต้องเป็นตัวเลข (เช่น 5000 หรือ 5000.50)", "must be a number (e.g. 5000 or 5000.50)"),
    "err_negative": ("ต้องไม่ติดลบ", "must not be negative"),
    "err_choice": ("ต้องเป็นหนึ่งใน: {choices}", "must be one of: {choices}"),
    "err_date": ("วันที่ต้องเป็นแบบ ค.ศ. ปปปป-ดด-วว เช่น 2026-03-15", "date must be ISO, e.g. 2026-03-15"),
    "err_buddhist_year": (
        "ปีนี้ดูเหมือนเป็น พ.ศ. ในไฟล์ต้องใช้ ค.ศ. (ลบ 543)",
        "this year looks Buddhist Era; files use Gregorian (subtract 543)",
    ),
    "err_datetime": ("ต้องเป็นวันเวลาแบบ ISO เช่น 2026-03-15T09:30:00", "must be an ISO date-time, e.g. 2026-03-15T09:30:00"),
    "err_schema": ("ไม่รู้จักรุ่นของรูปแบบไฟล์ (รองรับ {supported})", "unknown schema version (supported: {supported})"),
    "err_scale": ("ระดับต่ำสุดต้องน้อยกว่าระดับสูงสุด และอยู่ในช่วง 0–10", "scale_min must be below scale_max, both within 0–10"),
    "err_duplicate_id": ("รหัสซ้ำกับแถว {other}", "same id as row {other}"),
    "err_duplicate_title": ("ชื่อตัวชี้วัดซ้ำกับแถว {other}", "same indicator title as row {other}"),
    "err_unknown_ref": ("ไม่พบ {what} นี้ใน {file}", "no such {what} in {file}"),
    "err_level_outside": ("ระดับต้องอยู่ระหว่าง {low} ถึง {high}", "the level must be between {low} and {high}"),
    "err_out_of_scale": ("คะแนนต้องอยู่ระหว่าง {low} ถึง {high}", "score must be between {low} and {high}"),
    "err_end_before_start": ("วันสิ้นสุดมาก่อนวันเริ่ม", "end date is before the start date"),
    "err_level_missing": ("ไม่มีคอลัมน์คำอธิบายระดับ {level}", "no descriptor column for level {level}"),
    "err_not_saved_broken": (
        "ไม่ได้บันทึก เพราะไฟล์ {file} บนดิสก์เสียหรือถูกแก้ไขด้วยมือ: {detail}",
        "not saved, because {file} on disk is broken or was edited by hand: {detail}",
    ),
    "warn_formula": (
        "ข้อความขึ้นต้นด้วย = + - @ จะถูกเก็บเป็นข้อความ (ไม่ใช่สูตร)",
        "text starts with = + - @; it is kept as text, not as a formula",
    ),
    "what_round": ("รอบประเมิน", "round"),
    "what_indicator": ("ตัวชี้วัด", "indicator"),
    # --- CLI ---------------------------------------------------------------------------
    "cli_valid": ("สมุดงานถูกต้อง: {path}", "Workbook is valid: {path}"),
    "cli_problems": ("พบปัญหา {count} ข้อใน {path}", "{count} problems in {path}"),
    "cli_warnings": ("ข้อสังเกต {count} ข้อ", "{count} warnings"),
    "cli_created": ("สร้างสมุดงานใหม่แล้ว: {path}", "New workbook created: {path}"),
    "cli_cannot_create": ("สร้างสมุดงานที่ {path} ไม่ได้ ({detail})", "cannot create a workbook at {path} ({detail})"),
    "cli_exists": ("มีไฟล์อยู่แล้วที่ {path} ไม่ได้เขียนทับ", "{path} already holds files; nothing was overwritten"),
    "cli_serving": ("เปิดสมุดงาน {path}", "Serving workbook {path}"),
    "cli_open_at": ("เปิดเบราว์เซอร์ที่ {url}  (กด Ctrl+C เพื่อหยุด)", "Open {url} in a browser (Ctrl+C stops)"),
    "cli_sample_copy": (
        "ใช้สำเนาของสมุดงานตัวอย่างที่แก้ไขได้: {path}",
        "Using a writable copy of the sample workbook: {path}",
    ),
    "cli_port_busy": ("พอร์ต {port} ถูกใช้อยู่", "port {port} is already in use"),
    "cli_server_failed": ("เซิร์ฟเวอร์ Voila ไม่ตอบสนอง", "the Voila server did not start"),
}


def t(key: str, lang: str = "th", **values: object) -> str:
    """The text for `key` in `lang` (Thai by default), with `values` filled in."""
    thai, english = TEXTS[key]
    text = english if lang == "en" else thai
    return text.format(**values) if values else text


def both(key: str, **values: object) -> str:
    """Thai and English together, for messages that must reach every reader (CLI, errors)."""
    return f"{t(key, 'th', **values)} / {t(key, 'en', **values)}"
