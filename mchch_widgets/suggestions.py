"""Starting points for the indicator forum, one list per target type, and a generic ladder.

The qualities come from the Community Development Department's description of each
target type (DESIGN.md section 1). They are only suggestions: the group may reword
them, use some, or use none, because the community sets its own indicators.
Each text is (Thai, English).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Suggestion:
    aspect: tuple[str, str]
    title: tuple[str, str]
    description: tuple[str, str]

    def pick(self, lang: str) -> tuple[str, str, str]:
        """Aspect, title and description in `lang` (Thai unless "en")."""
        index = 1 if lang == "en" else 0
        return self.aspect[index], self.title[index], self.description[index]


def _s(aspect: tuple[str, str], title: tuple[str, str], description: tuple[str, str]) -> Suggestion:
    return Suggestion(aspect, title, description)


SUGGESTIONS: dict[str, tuple[Suggestion, ...]] = {
    "leader": (
        _s(("ภูมิรู้", "Knowledge"), ("ผู้นำมีความรู้และใฝ่เรียนรู้", "The leader knows and keeps learning"),
           ("รู้เรื่องชุมชน งานที่ทำ และหาความรู้ใหม่มาใช้", "Knows the community and the work, and brings in new knowledge")),
        _s(("ภูมิธรรม", "Integrity"), ("ผู้นำซื่อสัตย์ โปร่งใส เป็นธรรม", "The leader is honest, open and fair"),
           ("ตรวจสอบได้ ไม่เลือกปฏิบัติ", "Accountable, treats everyone alike")),
        _s(("ภูมิฐาน", "Standing"), ("เป็นที่ยอมรับและไว้วางใจของคนในชุมชน", "Accepted and trusted by the community"),
           ("คนในชุมชนขอคำปรึกษาและให้ความร่วมมือ", "People come for advice and cooperate")),
        _s(("การทำงานกับชุมชน", "Working with the community"),
           ("ร่วมกิจกรรมกับชุมชนอย่างต่อเนื่อง", "Takes part in community activities continuously"),
           ("อยู่ในพื้นที่ ร่วมงานส่วนรวมเป็นประจำ", "Present, joins common work regularly")),
    ),
    "group": (
        _s(("การบริหารจัดการ", "Management"), ("มีการบริหารจัดการกลุ่มที่ดี", "The group is well managed"),
           ("มีกรรมการ ระเบียบ บัญชี และการประชุมสม่ำเสมอ", "Committee, rules, accounts and regular meetings")),
        _s(("กิจกรรม", "Activities"), ("มีกิจกรรมของกลุ่มอย่างต่อเนื่อง", "The group keeps its activities going"),
           ("ทำกิจกรรมตามแผนตลอดปี", "Activities run to plan through the year")),
        _s(("การพัฒนา", "Development"), ("มีความเคลื่อนไหวในการพัฒนา", "The group keeps developing"),
           ("ปรับปรุงงาน ผลผลิต และความรู้ของสมาชิก", "Improves its work, products and members' skills")),
        _s(("การริเริ่ม", "Initiative"), ("ริเริ่มโครงการหรือกิจกรรมใหม่", "Starts new projects or activities"),
           ("มีความคิดใหม่และลงมือทำ", "New ideas, put into practice")),
        _s(("การสืบทอด", "Passing on"), ("ถ่ายทอดความรู้สู่คนรุ่นใหม่", "Passes its skills to the next generation"),
           ("เยาวชนเข้ามาเรียนรู้และร่วมงาน", "Young people learn and join in")),
    ),
    "network": (
        _s(("สมาชิก", "Members"), ("มีองค์กรสมาชิกที่หลากหลาย", "Diverse member organisations"),
           ("สมาชิกมาจากหลายประเภทและหลายพื้นที่", "Members of many kinds and places")),
        _s(("ความร่วมมือ", "Cooperation"), ("ร่วมมือกันทำงานเพื่อประโยชน์ส่วนรวม", "Cooperates for the public good"),
           ("มีงานที่ทำร่วมกันเพื่อชุมชน", "Joint work for the community")),
        _s(("การประสานงาน", "Coordination"), ("ประสานงานสองทางอย่างเท่าเทียม", "Equal two-way coordination"),
           ("ข้อมูลไหลทั้งขึ้นและลง ทุกองค์กรมีเสียง", "Information flows both ways; every member has a voice")),
        _s(("การเรียนรู้", "Learning"), ("แลกเปลี่ยนความรู้และประสบการณ์ระหว่างกัน", "Members exchange knowledge and experience"),
           ("มีเวทีหรือการดูงานระหว่างสมาชิก", "Forums or visits between members")),
    ),
    "community": (
        _s(("การเรียนรู้", "Learning"), ("มีการแลกเปลี่ยนเรียนรู้ในการพัฒนาชุมชน", "The community learns together"),
           ("มีเวทีประชาคมและการถอดบทเรียน", "Community forums and lessons learned")),
        _s(("การมีส่วนร่วม", "Voice"), ("มีช่องทางสะท้อนปัญหาและความต้องการ", "Channels to voice problems and needs"),
           ("คนในชุมชนบอกปัญหาได้และได้รับการตอบสนอง", "People can raise problems and get answers")),
        _s(("ทุนทางสังคม", "Social capital"), ("บริหารจัดการชุมชนด้วยทุนทางสังคมของตนเอง", "Manages itself with its own social capital"),
           ("ใช้คน ความรู้ ทรัพยากร และวัฒนธรรมของชุมชน", "Uses its people, knowledge, resources and culture")),
        _s(("ภาคี", "Partners"), ("ประสานการสนับสนุนจากภาคีการพัฒนาได้เหมาะสม", "Coordinates support from partners well"),
           ("ทำงานร่วมกับหน่วยงานและองค์กรภายนอก", "Works with agencies and outside organisations")),
        _s(("การพึ่งตนเอง", "Self-reliance"), ("ชุมชนพึ่งตนเองได้", "The community relies on itself"),
           ("แก้ปัญหาและพัฒนาได้โดยไม่รอความช่วยเหลือ", "Solves problems without waiting for help")),
    ),
}

# A ladder a group starts from and rewrites in its own words: from "not yet" to "a model for others".
GENERIC_LADDER: tuple[tuple[str, str], ...] = (
    ("ยังไม่ได้เริ่มทำ", "Not started yet"),
    ("เริ่มทำบ้าง แต่ยังไม่ต่อเนื่อง", "Started, but not yet regular"),
    ("ทำเป็นประจำ เห็นผลบางส่วน", "Done regularly, with some results"),
    ("ทำต่อเนื่อง เห็นผลชัดเจน สมาชิกส่วนใหญ่มีส่วนร่วม", "Sustained, with clear results; most members take part"),
    ("ทำได้ดีเยี่ยม เป็นแบบอย่างให้ผู้อื่นมาเรียนรู้", "Excellent; a model others come to learn from"),
)


def suggestions_for(target_type: str) -> tuple[Suggestion, ...]:
    return SUGGESTIONS.get(target_type, ())


def generic_ladder(levels: range, lang: str = "th") -> dict[int, str]:
    """A starting descriptor for every level, spreading the five steps over any scale."""
    index = 1 if lang == "en" else 0
    steps = len(GENERIC_LADDER) - 1
    count = len(levels)
    ladder = {}
    for position, level in enumerate(levels):
        step = round(position * steps / (count - 1)) if count > 1 else steps
        ladder[level] = GENERIC_LADDER[step][index]
    return ladder


def is_generic(text: str) -> bool:
    """True when `text` is still one of the generic ladder's steps, untouched by the group."""
    return any(text.strip() in pair for pair in GENERIC_LADDER)
