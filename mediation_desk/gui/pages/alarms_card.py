"""The alarm's card, as the clerk reads it with the phone in hand: who (name, age, living alone,
address), what and when (the kinds, raised and received, late or not, escalated or not), where
(the fix, only while the wearer's location consent is in force), the bracelet's battery, the
alarm's life so far, and the emergency contacts in the order they are to be called, each number
in full and large. Everything shown is escaped: names come from people, not from the desk."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QCoreApplication

from mediation_desk.alarms.dto import AlarmView, WearerView
from mediation_desk.gui.pages.alarms_common import duration_text, kinds_text, label, moment_text

RED = "#b00020"


def dispatch_suggestions(wearer: WearerView | None) -> list[str]:
    """Whom an alarm is usually sent to: the wearer's contacts, in their order."""
    if wearer is None:
        return []
    return [f"{c.name}（{label('contact_kind', c.kind)}）" for c in wearer.contacts]


def _warning(text: str) -> str:
    return f"<p style='color:{RED}'><b>{escape(text)}</b></p>"


def _line(name: str, value: str) -> str:
    return f"<tr><td style='padding-right:8px'><b>{escape(name)}</b></td><td>{value}</td></tr>"


def _life(alarm: AlarmView, now: dt.datetime) -> list[str]:
    rows = []
    if alarm.acknowledged_at is not None:
        answer = duration_text((alarm.acknowledged_at - alarm.raised_at).total_seconds())
        rows.append(
            _line(
                QCoreApplication.translate("AlarmCard", "接警"),
                escape(
                    QCoreApplication.translate("AlarmCard", "{who}，{at}（用时 {answer}）").format(
                        who=alarm.acknowledged_by or "", at=moment_text(alarm.acknowledged_at, now), answer=answer
                    )
                ),
            )
        )
    if alarm.dispatched_at is not None:
        rows.append(
            _line(
                QCoreApplication.translate("AlarmCard", "派单"),
                escape(
                    QCoreApplication.translate("AlarmCard", "派给 {to}（{who}，{at}）").format(
                        to=alarm.dispatched_to or "",
                        who=alarm.dispatched_by or "",
                        at=moment_text(alarm.dispatched_at, now),
                    )
                ),
            )
        )
    if alarm.resolved_at is not None:
        rows.append(
            _line(
                QCoreApplication.translate("AlarmCard", "处置"),
                escape(
                    QCoreApplication.translate("AlarmCard", "{who}，{at}：{outcome}").format(
                        who=alarm.resolved_by or "", at=moment_text(alarm.resolved_at, now), outcome=alarm.outcome or ""
                    )
                ),
            )
        )
    if alarm.escalated_at is not None:
        rows.append(
            _line(
                QCoreApplication.translate("AlarmCard", "上报"),
                escape(
                    QCoreApplication.translate("AlarmCard", "超时未接警，{at} 已上报镇（街道）").format(
                        at=moment_text(alarm.escalated_at, now)
                    )
                ),
            )
        )
    if alarm.pending_push:
        rows.append(
            _line(
                QCoreApplication.translate("AlarmCard", "同步"),
                escape(QCoreApplication.translate("AlarmCard", "本机的处置还未送到区里，联网后自动送出")),
            )
        )
    return rows


def _wearer_rows(wearer: WearerView) -> list[str]:
    who = wearer.name
    if wearer.age is not None:
        who += QCoreApplication.translate("AlarmCard", "，{age} 岁").format(age=wearer.age)
    if wearer.living_alone:
        who += QCoreApplication.translate("AlarmCard", "，独居")
    rows = [_line(QCoreApplication.translate("AlarmCard", "佩戴人"), escape(who))]
    if wearer.address:
        rows.append(_line(QCoreApplication.translate("AlarmCard", "住址"), escape(wearer.address)))
    if wearer.has_health_notes:
        rows.append(
            _line(
                QCoreApplication.translate("AlarmCard", "健康信息"),
                escape(QCoreApplication.translate("AlarmCard", "有（在“佩戴人”页查看，查看会记录）")),
            )
        )
    return rows


def _contacts(wearer: WearerView) -> str:
    if not wearer.contacts:
        return _warning(QCoreApplication.translate("AlarmCard", "没有登记紧急联系人。"))
    items = []
    for c in sorted(wearer.contacts, key=lambda c: c.position):
        who = c.name + (f"（{c.relation}）" if c.relation else "")
        phone = c.phone or c.phone_masked or QCoreApplication.translate("AlarmCard", "无电话")
        items.append(
            f"<li>{escape(label('contact_kind', c.kind))}　{escape(who)}　"
            f"<span style='font-size:x-large'><b>{escape(phone)}</b></span></li>"
        )
    heading = escape(QCoreApplication.translate("AlarmCard", "紧急联系人（按顺序拨打）"))
    return f"<p><b>{heading}</b></p><ol>{''.join(items)}</ol>"


def card_html(alarm: AlarmView, wearer: WearerView | None, now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now(dt.UTC)
    state = QCoreApplication.translate("AlarmCard", "状态：{state}").format(state=label("state", alarm.status))
    title = escape(f"{alarm.wearer_name} — {kinds_text(alarm.kinds)}")
    colour = RED if alarm.urgent else "#000000"
    parts = [
        f"<h2 style='color:{colour}'>{title}</h2>",
        f"<p><b>{escape(state)}</b></p>",
    ]
    rows = []
    raised = QCoreApplication.translate("AlarmCard", "{at}（{source}）").format(
        at=moment_text(alarm.raised_at, now), source=label("source", alarm.source)
    )
    rows.append(_line(QCoreApplication.translate("AlarmCard", "报警时间"), escape(raised)))
    received = moment_text(alarm.received_at, now)
    if alarm.late:
        received = QCoreApplication.translate("AlarmCard", "{at}　迟到（报警通道中断期间发生，恢复后补收）").format(
            at=received
        )
        rows.append(
            _line(
                QCoreApplication.translate("AlarmCard", "收到时间"),
                f"<span style='color:{RED}'><b>{escape(received)}</b></span>",
            )
        )
    else:
        rows.append(_line(QCoreApplication.translate("AlarmCard", "收到时间"), escape(received)))
    if alarm.has_fix and alarm.latitude is not None and alarm.longitude is not None:
        where = QCoreApplication.translate("AlarmCard", "纬度 {lat:.5f}，经度 {lon:.5f}").format(
            lat=alarm.latitude, lon=alarm.longitude
        )
    else:
        where = QCoreApplication.translate("AlarmCard", "无定位（按住址上门）")
    rows.append(_line(QCoreApplication.translate("AlarmCard", "位置"), escape(where)))
    if alarm.battery is not None:
        rows.append(_line(QCoreApplication.translate("AlarmCard", "手环电量"), escape(f"{alarm.battery}%")))
    rows.append(_line(QCoreApplication.translate("AlarmCard", "手环"), escape(alarm.device_id)))
    if wearer is not None:
        rows = _wearer_rows(wearer) + rows
    rows += _life(alarm, now)
    parts.append(f"<table>{''.join(rows)}</table>")
    if wearer is not None:
        parts.append(_contacts(wearer))
    else:
        parts.append(
            _warning(QCoreApplication.translate("AlarmCard", "这个手环没有在本村登记佩戴人：请核对手环号，联系镇里。"))
        )
    return "".join(parts)
