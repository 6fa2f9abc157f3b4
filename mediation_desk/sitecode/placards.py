"""亮码公示: what the placards print, and what a scanned placard names.

A placard carries the place's code as it was on the day it was printed; the QR code on it
(`placard_code.placard_payload`) names the place, that month and that colour, with a check character so
a misread scan never names another place. Scanning it at the desk finds the place and shows
today's code beside the printed one (`scan_note`): a placard left up after the code changed is
seen at once."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediation_desk.core.uow import Actor, acting_now
from mediation_desk.desk import Desk
from mediation_desk.errors import ValidationError
from mediation_desk.privacy import roles
from mediation_desk.sitecode import placard_code, rules
from mediation_desk.sitecode.dto import PlacardView, PlaceView
from mediation_desk.sitecode.models import Place
from mediation_desk.sitecode.places import place_views

MAX_PLACARDS = 5000  # one print run; a village has a few hundred places
MAX_SCAN_CHARS = 200


def placard_views(
    desk: Desk, actor: Actor, *, place_ids: Iterable[str] | None = None, grid: str | None = None
) -> list[PlacardView]:
    """The placards of the village's active places (those named, or those of a grid), in grid and
    name order, each with today's code. Nothing to print is refused with the reason; printing is
    audited with the count (the PDF itself is made by documents/placards.py)."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "sitecode.placard")  # inside the unit of work: a refusal is audited
        s = uow.session
        committee = desk.committee(s)
        query = select(Place).where(Place.committee_id == committee.id, Place.active.is_(True))
        wanted_grid = grid.strip() if grid is not None and grid.strip() else None
        if wanted_grid is not None:
            query = query.where(Place.grid == wanted_grid)
        if place_ids is None:
            places = list(s.scalars(query.order_by(Place.grid, Place.name, Place.id)))
        else:
            ids = _checked_ids(s, committee.id, place_ids)
            places = [
                p for i in range(0, len(ids), 900) for p in s.scalars(query.where(Place.id.in_(ids[i : i + 900])))
            ]
            places.sort(key=lambda p: (p.grid, p.name, p.id))  # the order the unnamed batch prints in
        if not places:
            raise _nothing(wanted_grid, place_ids is not None)
        if len(places) > MAX_PLACARDS:
            raise ValidationError.single(
                "place_ids", "too_many", f"一次最多打印 {MAX_PLACARDS} 张公示牌，请按网格分批打印"
            )
        views = [
            PlacardView(
                v,
                committee.name,
                v.code.period,
                placard_code.placard_payload(v.id, v.code.period, v.code.colour),
                uow.now,
            )
            for v in place_views(s, places, uow.now)
        ]
        uow.audit(
            "sitecode.placard",
            rules.PLACE,
            places[0].id if len(places) == 1 else None,
            count=len(views),
            **({"grid": wanted_grid} if wanted_grid is not None else {}),
        )
        return views


def find_by_payload(desk: Desk, actor: Actor, text: str) -> PlaceView:
    """The place a scanned placard names, with its code now (which may differ from the printed one:
    see `scan_note`). Refused, naming the field `payload`, when the text is no placard's code or
    names no place of this village."""
    parsed = placard_code.parse_payload(text) if isinstance(text, str) and len(text) <= MAX_SCAN_CHARS else None
    if parsed is None:
        raise ValidationError.single(
            "payload",
            "payload_unreadable",
            "扫描内容不是亮码公示牌上的二维码，或有字符读错（校验位不符），请重新扫描或核对后输入",
        )
    with desk.read(actor) as s:
        roles.authorize(actor, "sitecode.view")
        committee_id = desk.committee(s).id
        ids = s.scalars(select(Place.id).where(Place.committee_id == committee_id))
        found = next((pid for pid in ids if placard_code.place_code(pid) == parsed.place_code), None)
        if found is None:
            raise ValidationError.single(
                "payload",
                "place_unknown",
                f"场所码 {parsed.place_code} 不是本村登记的场所，请核对公示牌是否属于本村",
            )
        p = s.get(Place, found)
        assert p is not None  # just listed
        return place_views(s, [p], acting_now(), vault=desk.vault)[0]


def scan_note(text: str, place: PlaceView) -> str | None:
    """What to say when a scanned placard's colour or month is not the place's code now (None when
    the placard is current)."""
    parsed = placard_code.parse_payload(text)
    if parsed is None:
        return None
    printed = f"{rules.month_text(parsed.month)}{rules.COLOURS[parsed.colour]}"
    if parsed.colour != place.code.colour:
        return f"公示牌上为{printed}，当前为{place.code.label}，请更换公示牌"
    if parsed.month != place.code.period:
        return f"公示牌为{printed}，码色未变，可按需更换为{rules.month_text(place.code.period)}的公示牌"
    return None


def _checked_ids(s: Session, committee_id: str, place_ids: Iterable[str]) -> list[str]:
    ids = list(dict.fromkeys(str(i) for i in place_ids))
    if len(ids) > MAX_PLACARDS:
        raise ValidationError.single("place_ids", "too_many", f"一次最多打印 {MAX_PLACARDS} 张公示牌，请按网格分批打印")
    held: dict[str, bool] = {}
    for i in range(0, len(ids), 900):  # SQLite's limit on bound parameters
        chunk = ids[i : i + 900]
        rows = s.execute(select(Place.id, Place.active).where(Place.id.in_(chunk), Place.committee_id == committee_id))
        held.update({str(place_id): bool(active) for place_id, active in rows})
    unknown = [i for i in ids if i not in held]
    if unknown:
        raise ValidationError.single(
            "place_ids", "place_unknown", f"有 {len(unknown)} 个场所不在本村登记中（如 {unknown[0][:36]}），请重新选择"
        )
    stopped = [i for i in ids if not held[i]]
    if stopped:
        raise ValidationError.single(
            "place_ids", "place_inactive", f"有 {len(stopped)} 个场所已停用，停用的场所不打印公示牌"
        )
    return ids


def _nothing(grid: str | None, named: bool) -> ValidationError:
    if grid is not None:
        return ValidationError.single("grid", "no_places", f"网格「{grid[:50]}」没有在册的场所，无公示牌可打印")
    if named:
        return ValidationError.single("place_ids", "no_places", "请至少选择一个场所再打印公示牌")
    return ValidationError.single("place_ids", "no_places", "尚未登记场所，无公示牌可打印")
