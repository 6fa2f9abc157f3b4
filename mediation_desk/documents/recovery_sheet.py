"""The recovery key (恢复密钥) on paper: printed once, after setup or protection, and locked away.

One A4 page: the committee, the key in large type (two lines of four groups), what it is for and
how it is used, and lines where the keeper writes who keeps it and where. The key never goes into
the PDF's metadata; the bytes are only ever sent to the printer, never saved by the desk."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from mediation_desk.documents.blocks import BLANK_DATE, SIGN_LINE, F, Writer, chinese_date
from mediation_desk.documents.layout import FRAME_WIDTH, GREY, STYLES, Section, render, table

KEY_STYLE = STYLES["title"].clone("recovery_key", fontSize=24, leading=36, alignment=TA_CENTER, spaceAfter=0)
GROUPS_PER_LINE = 4


def key_lines(recovery_key: str) -> list[str]:
    """ "ABCD-EFGH-…" in lines of four groups, as it is easiest to read back and type."""
    groups = [g for g in recovery_key.split("-") if g]
    return ["-".join(groups[i : i + GROUPS_PER_LINE]) for i in range(0, len(groups), GROUPS_PER_LINE)]


def recovery_sheet_pdf(recovery_key: str, committee_name: str | None, day: dt.date) -> bytes:
    """The page to print; `day` is the date the key was made (shown, so an old sheet is told apart)."""
    w = Writer()
    story: list[Flowable] = w.title(
        "恢复密钥", F("committee_name", "调解委员会名称", committee_name or "人民调解室工作台")
    )
    key = [[Paragraph(w.text(F("recovery_key", "恢复密钥", line)), KEY_STYLE)] for line in key_lines(recovery_key)]
    story.append(
        table(key, [FRAME_WIDTH], [("BOX", (0, 0), (-1, -1), 1.2, GREY), ("TOPPADDING", (0, 0), (-1, -1), 4 * mm)])
    )
    story.append(Spacer(1, 6 * mm))
    story += [
        w.para(f"生成日期：{chinese_date(day)}", style="plain"),
        Spacer(1, 4 * mm),
        w.heading("这是什么"),
        w.para(
            "工作台用一把数据密钥加密当事人的身份证号、电话和地址。每位操作员的密码都能打开它；"
            "这把恢复密钥也能打开它。它只在设置时显示一次，以后无法再查看。"
        ),
        w.heading("什么时候用"),
        w.para(
            "某位操作员忘了密码时，请主任在「操作员」页为其重设密码即可，不需要恢复密钥。"
            "只有所有能登录的主任都忘了密码时，才在登录窗口点「忘记密码」，输入用户名、这把恢复密钥和新密码。"
        ),
        w.heading("怎样保管"),
        w.para(
            "锁在调解室的档案柜或保险柜里，不要拍照，不要存在电脑或手机上，也不要交给无关的人。"
            "拿到这张纸的人可以打开本机所有的个人信息。"
        ),
        Spacer(1, 10 * mm),
        w.para(f"保管人（签名）：{SIGN_LINE}　　　保管地点：{SIGN_LINE}", style="plain"),
        Spacer(1, 6 * mm),
        w.para(f"交接日期：{BLANK_DATE}", style="plain"),
    ]
    w.check.raise_if_any()
    section = Section("recovery_key", "恢复密钥", story)
    return render([section], title="恢复密钥", author=committee_name or "", subject="恢复密钥").pdf
