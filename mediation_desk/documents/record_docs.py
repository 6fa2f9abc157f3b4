"""Records kept along the case: 调解记录 (人民调解法第二十七条), 回访记录 (第三十一条), and the
pages of the case file that list what is kept on paper or as attachments (身份证明, 证据) or
explain how the case ended (情况说明)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from mediation_desk.documents.blocks import SIGN_LINE, F, Writer, chinese_date, chinese_time, party_label, scaled
from mediation_desk.documents.content import CaseRecord, PartyInfo, SessionInfo
from mediation_desk.documents.intake_docs import case_header
from mediation_desk.documents.layout import Section, table
from mediation_desk.documents.signing import seal_block, signature_rows, staff_signatures
from mediation_desk.mediation.attachments import KINDS as ATTACHMENT_KINDS


def _names_to_sign(w: Writer, names: list[F]) -> Table:
    rows = [[w.para("参加人：", name, "（签名）：", SIGN_LINE, style="plain")] for name in names]
    return table(rows, scaled(1.0), [("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 4)])


def session_signers(rec: CaseRecord, r: SessionInfo) -> tuple[list[PartyInfo], list[str]]:
    """Who signs a session's record besides the mediators and the recorder: every party present
    or heard (a statement recorded for a party, in person or through the agent or representative
    who came, means the party was there), then the other participants, each once. A mediator or
    the recorder listed among the participants signs only on the staff lines."""
    heard = {speaker for speaker, _ in r.statements}
    present = set(r.participants)

    def came(p: PartyInfo) -> bool:
        return bool({p.name, p.agent_name, p.representative if p.is_legal else None} & (heard | present))

    parties = [p for p in rec.parties if came(p)]
    if not parties and not r.participants:
        parties = list(rec.parties)  # nobody named: the record is signed by the parties
    taken = {n for p in parties for n in (p.name, p.agent_name, p.representative if p.is_legal else None) if n}
    staff = {*r.mediators, r.recorder}
    others = [n for n in dict.fromkeys(r.participants) if n and n not in taken and n not in staff]
    return parties, others


def _one_session(w: Writer, rec: CaseRecord, n: int, r: SessionInfo, total: int) -> list[Flowable]:
    base = f"sessions[{n}]"
    subtitle = f"（第 {n + 1} 次，共 {total} 次）" if total > 1 else None
    story: list[Flowable] = [*w.title("人民调解记录", subtitle)]
    if r.version > 1:
        story.append(
            w.para(
                f"本记录为更正后的第 {r.version} 版，更正理由：",
                F(f"{base}.correction_reason", "更正理由", r.correction_reason or "—"),
                style="small",
            )
        )
    parties = "；".join(f"{party_label(rec, p)}：{p.name}" for p in rec.parties)
    story.append(
        w.grid(
            [
                ["调解时间", chinese_time(r.held_at), "调解地点", F(f"{base}.place", "调解地点", r.place)],
                ["调解事项", F(f"{base}.matter", "调解事项", r.matter or rec.dispute_type_label)],
                ["当事人", F("parties", "当事人姓名", parties)],
                [
                    "调解员",
                    F(f"{base}.mediators", "调解员姓名", "、".join(r.mediators) or "—"),
                    "记录人",
                    F(f"{base}.recorder", "记录人", r.recorder),
                ],
                ["邀请协助人员", F(f"{base}.helpers", "邀请协助人员", "、".join(r.helpers) or "无")],
                ["参加人", F(f"{base}.participants", "参加人", "、".join(r.participants) or "—")],
            ],
            scaled(0.16, 0.34, 0.16, 0.34),
            label_columns=(0, 2),
        )
    )
    story += [
        Spacer(1, 3 * mm),
        w.para("告知当事人权利义务：", "已告知" if r.rights_notified else "未告知", style="plain"),
        w.heading("当事人陈述"),
    ]
    if not r.statements:
        story.append(w.para("（无）", style="plain"))
    for i, (speaker, text) in enumerate(r.statements):
        story.append(
            w.para(
                F(f"{base}.statements[{i}].person", "陈述人", speaker),
                "：",
                F(f"{base}.statements[{i}].text", "当事人陈述", text),
            )
        )
    story += [
        w.heading("查明事实"),
        w.para(F(f"{base}.facts_checked", "查明事实", r.facts_checked or "—")),
        w.heading("调解结果"),
        w.para(r.outcome_label, "。", F(f"{base}.result", "调解结果", r.result)),
        Spacer(1, 4 * mm),
    ]
    signers, others = session_signers(rec, r)
    where = {name: i for i, name in enumerate(r.participants)}
    signing: list[Flowable] = [
        w.para("以上记录已向到场人员宣读（或交其阅读），确认无误。", style="plain"),
        Spacer(1, 2 * mm),
    ]
    if signers:
        signing.append(signature_rows(w, rec, parties=signers))
    if others:
        signing.append(_names_to_sign(w, [F(f"{base}.participants[{where[n]}]", "参加人", n) for n in others]))
    signing += [Spacer(1, 2 * mm), staff_signatures(w, rec, recorder=r.recorder, mediators=r.mediators)]
    story.append(KeepTogether(signing))
    return story


def session_record(w: Writer, rec: CaseRecord) -> Section:
    """调解记录: every session (its latest version), each from a new page."""
    story: list[Flowable] = []
    for n, r in enumerate(rec.sessions):
        if n:
            story.append(PageBreak())
        story += _one_session(w, rec, n, r, len(rec.sessions))
    return Section("session_record", "人民调解记录", story, case_header(w, rec))


def follow_up(w: Writer, rec: CaseRecord) -> Section:
    """回访记录: each visit made, with the performance found and the visitor's signature."""
    story: list[Flowable] = [*w.title("人民调解回访记录")]
    for n, v in enumerate(rec.follow_ups):
        base = f"follow_ups[{n}]"
        block: list[Flowable] = [
            w.grid(
                [
                    [
                        "协议书编号",
                        F("number", "协议书编号", rec.number, whole=True),
                        "回访时间",
                        chinese_time(v.done_at),
                    ],
                    [
                        "回访对象",
                        F(f"{base}.person", "回访对象", v.person_name or rec.party_names()),
                        "回访事由",
                        F(f"{base}.reason", "回访事由", v.reason or "协议履行情况回访"),
                    ],
                    ["履行情况", v.performance_label, "满意度", v.satisfaction_label],
                    [
                        "有无新的矛盾",
                        "有（须及时化解）" if v.renewed_conflict else "无",
                        "回访人",
                        F(f"{base}.visitor", "回访人", v.visitor),
                    ],
                    ["回访情况", F(f"{base}.notes", "回访情况", v.notes)],
                ],
                scaled(0.16, 0.34, 0.16, 0.34),
                label_columns=(0, 2),
            )
        ]
        block += [
            Spacer(1, 3 * mm),
            w.para("回访人（签名）：", SIGN_LINE, "　　", chinese_date(v.done_at.date()), style="plain"),
            Spacer(1, 8 * mm),
        ]
        story.append(KeepTogether(block))
    return Section("follow_up", "人民调解回访记录", story, case_header(w, rec))


def identity_list(w: Writer, rec: CaseRecord) -> Section:
    """身份证明: the parties' identity documents as recorded, and the scanned copies kept."""
    story: list[Flowable] = [*w.title("当事人身份证明")]
    rows: list[list[str | F]] = [["身份", "姓名或名称", "证件类型", "证件号码或统一社会信用代码"]]
    for p in rec.parties:
        label = party_label(rec, p)
        rows.append(
            [
                label,
                F(f"parties[{p.index}].name", f"{label}姓名", p.name),
                "统一社会信用代码" if p.is_legal else (p.id_type_label or "—"),
                F(f"parties[{p.index}].id_number", f"{label}证件号码", (p.uscc if p.is_legal else p.id_number) or "—"),
            ]
        )
    story.append(w.grid(rows, scaled(0.15, 0.25, 0.22, 0.38), header=True))
    story += [Spacer(1, 4 * mm), *_attachment_table(w, rec, "id_copy", "身份证件复印件（扫描件）")]
    return Section("identity", "当事人身份证明", story, case_header(w, rec))


def evidence_list(w: Writer, rec: CaseRecord) -> Section:
    story: list[Flowable] = [*w.title("证据目录"), *_attachment_table(w, rec, "evidence", "证据材料")]
    return Section("evidence", "证据目录", story, case_header(w, rec))


def _attachment_table(w: Writer, rec: CaseRecord, kind: str, what: str) -> list[Flowable]:
    chosen = [(i, a) for i, a in enumerate(rec.attachments) if a.kind == kind]
    if not chosen:
        return [w.para(f"{what}：纸质材料附后。", style="plain")]
    rows: list[list[str | F]] = [["序号", "文件名称", "类别", "大小", "说明", "SHA-256（前 16 位）"]]
    for n, (i, a) in enumerate(chosen, 1):
        rows.append(
            [
                str(n),
                F(f"attachments[{i}].name", "附件文件名", a.original_name),
                ATTACHMENT_KINDS.get(a.kind, a.kind),
                f"{max(1, a.size // 1024)} KB",
                F(f"attachments[{i}].note", "附件说明", a.note or "—"),
                a.sha256[:16],
            ]
        )
    return [
        w.para(f"{what}共 {len(chosen)} 份，电子文件加密存于调解工作台，SHA-256 可核对原件：", style="plain"),
        w.grid(rows, scaled(0.08, 0.3, 0.12, 0.1, 0.2, 0.2), header=True),
    ]


def situation(w: Writer, rec: CaseRecord) -> Section:
    """情况说明: why mediation ended without an agreement, or where the case was reported."""
    story: list[Flowable] = [
        *w.title("情况说明"),
        w.para("本案（案号：", F("number", "案号", rec.number), "）现状态为「", rec.status_label, "」。", style="body"),
    ]
    if rec.status_reason:
        story.append(w.para("理由：", F("status_reason", "理由", rec.status_reason)))
    if rec.routes_told:
        story.append(
            w.para(
                "已告知当事人可以依法通过",
                "、".join(rec.routes_told),
                "等途径维护自己的权利（《中华人民共和国人民调解法》第二十六条）。",
            )
        )
    if rec.escalated_to:
        story.append(w.para("已上报：", rec.escalated_to, "（《中华人民共和国人民调解法》第二十五条）。"))
    story += [
        Spacer(1, 8 * mm),
        staff_signatures(w, rec),
        Spacer(1, 4 * mm),
        seal_block(w, rec, rec.closed_on or rec.today),
    ]
    return Section("situation", "情况说明", story, case_header(w, rec))
