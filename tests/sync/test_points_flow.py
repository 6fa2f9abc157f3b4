"""Green coins end to end through the real district server: a declaration at a committee's desk,
the village's review, the town's review on a town's desk, the coins credited exactly once at the
desk; rejection at each level; replays doubling nothing; two desks of one committee spending the
same coins offline, the conflict that makes on the desks and at the town, and the town resolving it
both ways until the desks agree; reversals going round; the catalogue handed down."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from service_helpers import Env
from sqlalchemy import func, select
from sync_helpers import FAST, district_db, enroll, make_desk, sync, sync_until_quiet

from mediation_desk.core import sync_contract as contract
from mediation_desk.core.models import AuditRecord, OutboxOp
from mediation_desk.core.uow import china_today
from mediation_desk.district.models import PointsEntry
from mediation_desk.errors import PermissionDenied, ValidationError
from mediation_desk.points import catalogue, declarations, gifts, ledger, pulled, residents, rules, shop
from mediation_desk.points.models import CatalogueVersion, Declaration, Gift, LedgerEntry, Redemption, Resident
from mediation_desk.storage.state import DeskState
from mediation_desk.sync import town_points
from mediation_desk.sync.push import SYNC_ACTOR

pytestmark = pytest.mark.usefixtures("district")
TOWN = "谢塘镇"


@pytest.fixture
def town(district, tmp_path: Path) -> Iterator[Env]:
    """The 谢塘镇 centre's PC, enrolled for the town."""
    env = make_desk(tmp_path / "town", "XT-002")
    try:
        enroll(district, env, town=TOWN)
        yield env
    finally:
        env.desk.close()


def villager(env: Env, name: str = "王小芳") -> str:
    household = residents.add_household(env.desk, env.admin, label=f"{name}户", village_group="一组")
    return residents.add_resident(env.desk, env.admin, name=name, village_group="一组", household_id=household.id).id


def declared_and_approved(env: Env, resident_id: str, item: str = "patrol", days_ago: int = 0) -> str:
    day = china_today() - dt.timedelta(days=days_ago)
    made = declarations.declare(env.desk, env.admin, resident_id=resident_id, item_code=item, activity_date=day)
    declarations.review(env.desk, env.admin, made.id, approve=True)
    return made.id


def approve_at_town(town: Env, *declaration_ids: str) -> None:
    for declaration_id in declaration_ids:
        view = town_points.town_review(town.desk, town.admin, declaration_id, approve=True, options=FAST)
        assert view.status == rules.TOWN_APPROVED


def balance(env: Env, resident_id: str) -> int:
    with env.desk.read() as s:
        return ledger.balance_of(s, resident_id)


def entries(env: Env) -> dict[str, tuple[str, int]]:
    with env.desk.read() as s:
        return {e.id: (e.kind, e.coins) for e in s.scalars(select(LedgerEntry))}


def declaration_row(env: Env, declaration_id: str) -> Declaration:
    with env.desk.read() as s:
        row = s.get(Declaration, declaration_id)
        assert row is not None
        return row


def district_entries(district, resident_id: str) -> list[tuple[str, int]]:
    with district_db(district) as db, db.read() as s:
        rows = s.scalars(select(PointsEntry).where(PointsEntry.resident_id == resident_id))
        return sorted((e.kind, e.coins) for e in rows)


def redeem_offline(env: Env, resident_id: str, price: int) -> str:
    """A gift handed over at the desk (no sync); the redemption's ledger entry id."""
    gift = gifts.add_gift(env.desk, env.admin, name=f"洗衣液{price}", price=price, stock=5)
    done = shop.redeem(env.desk, env.admin, resident_id=resident_id, gift_id=gift.id, off_day_reason="村民临时需要")
    with env.desk.read() as s:
        row = s.get(Redemption, done.id)
        assert row is not None
        return row.entry_id


# ---------------------------------------------------------------- declaration → village → town → credit


def test_a_declaration_is_credited_once_after_the_village_and_the_town(district, desk_a: Env, town: Env) -> None:
    enroll(district, desk_a)
    rid = villager(desk_a)
    approved = declared_and_approved(desk_a, rid, "hazard_report")
    rejected_here = declarations.declare(
        desk_a.desk, desk_a.admin, resident_id=rid, item_code="patrol", activity_date=china_today()
    ).id
    declarations.review(desk_a.desk, desk_a.admin, rejected_here, approve=False, reason="当天未参加巡防")
    rejected_there = declared_and_approved(desk_a, rid, "safety_talk")
    sync_until_quiet(desk_a)

    with pytest.raises(PermissionDenied, match="镇（街道）"):  # a committee's desk has no town review
        town_points.town_declarations(desk_a.desk, desk_a.admin, options=FAST)
    waiting = {d.id: d for d in town_points.town_declarations(town.desk, town.admin, options=FAST)}
    assert set(waiting) == {approved, rejected_there}  # the village's rejection never reaches the town
    shown = waiting[approved]
    assert (shown.resident_label, shown.item_label, shown.coins, shown.committee_code) == (
        "王*芳",
        "报告安全隐患（经核实）",
        3,
        "XT-001",
    )
    assert "王小芳" not in json.dumps([d.__dict__ for d in waiting.values()], default=str, ensure_ascii=False)

    with pytest.raises(ValidationError) as no_reason:
        town_points.town_review(town.desk, town.admin, rejected_there, approve=False, options=FAST)
    assert no_reason.value.problems[0].field == "reason"
    with pytest.raises(ValidationError) as bad_id:
        town_points.town_review(town.desk, town.admin, "12ab", approve=True, options=FAST)
    assert bad_id.value.problems[0].field == "declaration_id"
    view = town_points.town_review(town.desk, town.admin, approved, approve=True, options=FAST)
    assert (view.status, view.changed, view.entry_id) == (rules.TOWN_APPROVED, True, rules.credit_entry_id(approved))
    assert town_points.town_review(town.desk, town.admin, approved, approve=True, options=FAST).changed is False
    no = town_points.town_review(
        town.desk, town.admin, rejected_there, approve=False, reason="宣讲签到表缺失", options=FAST
    )
    assert no.status == rules.TOWN_REJECTED and no.entry_id is None
    with pytest.raises(ValidationError, match="镇审核未通过") as late:
        town_points.town_review(town.desk, town.admin, rejected_there, approve=True, options=FAST)
    assert late.value.problems[0].rule == contract.ERROR_POINTS_REFUSED
    assert town_points.town_declarations(town.desk, town.admin, options=FAST) == []

    sync(desk_a)
    assert balance(desk_a, rid) == 3
    credited = declaration_row(desk_a, approved)
    assert credited.status == rules.TOWN_APPROVED and credited.town_reviewed_on == china_today()
    assert credited.town_reviewer == town.admin.label
    refused = declaration_row(desk_a, rejected_there)
    assert (refused.status, refused.town_reason) == (rules.TOWN_REJECTED, "宣讲签到表缺失")
    assert declaration_row(desk_a, rejected_here).status == rules.VILLAGE_REJECTED
    [credit] = [e for e in entries(desk_a).items() if e[1][0] == rules.CREDIT]
    assert credit == (rules.credit_entry_id(approved), (rules.CREDIT, 3))
    with desk_a.desk.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditRecord).where(AuditRecord.action == "points.credit")) == 1
    with town.desk.read() as s:  # the town's desk answered online and kept the record of it
        actions = set(s.scalars(select(AuditRecord.action).where(AuditRecord.action.like("points.%"))))
    assert actions == {"points.town_review"}

    # Replays double nothing: the whole outbox sent again, then the whole feed pulled again.
    with desk_a.desk.write(SYNC_ACTOR) as uow:
        for op in uow.session.scalars(select(OutboxOp)):
            op.state, op.result = "pending", None
        uow.session.merge(DeskState(key="sync.cursor", value="0"))
    again = sync(desk_a)
    assert again.applied == again.conflicts == again.rejected == 0 and again.duplicates == again.pushed > 0
    assert balance(desk_a, rid) == 3 and len(entries(desk_a)) == 1
    assert district_entries(district, rid) == [(rules.CREDIT, 3)]
    assert declaration_row(desk_a, approved).status == rules.TOWN_APPROVED


# ---------------------------------------------------------------- two desks spend the same coins offline


def converged(district, *desks: Env) -> None:
    for env in (*desks, *desks):  # twice round: each desk's pushes reach the others
        sync_until_quiet(env)
    first = entries(desks[0])
    for env in desks[1:]:
        assert entries(env) == first


def test_two_desks_overdraw_and_the_town_resolves_it_both_ways(district, desk_a: Env, desk_b: Env, town: Env) -> None:
    enroll(district, desk_a)
    enroll(district, desk_b)
    rid = villager(desk_a)
    first = [declared_and_approved(desk_a, rid, "hazard_report"), declared_and_approved(desk_a, rid, "patrol")]
    sync_until_quiet(desk_a)
    approve_at_town(town, *first)
    converged(district, desk_a, desk_b)
    with desk_b.desk.read() as s:  # known at the second desk from the district only: no name
        there = s.get(Resident, rid)
        assert there is not None and there.person_id is None and there.label == "王*芳"
    assert balance(desk_a, rid) == balance(desk_b, rid) == 5

    # Offline, each desk sees 5 coins and hands over a gift of 4.
    redeem_offline(desk_a, rid, 4)
    overdrawn = redeem_offline(desk_b, rid, 4)
    assert balance(desk_a, rid) == balance(desk_b, rid) == 1
    converged(district, desk_a, desk_b)
    assert balance(desk_a, rid) == balance(desk_b, rid) == -3  # never silent: a conflict shows it
    for env in (desk_a, desk_b):
        [open_] = ledger.list_conflicts(env.desk, env.admin)
        assert (open_.entry_id, open_.shortfall, open_.status) == (overdrawn, 3, rules.OPEN)
    [at_town] = town_points.town_conflicts(town.desk, town.admin, options=FAST)
    assert (at_town.id, at_town.shortfall, at_town.balance, at_town.resident_label) == (
        rules.conflict_id(overdrawn),
        3,
        -3,
        "王*芳",
    )
    with pytest.raises(ValidationError) as bad:
        town_points.resolve_conflict(town.desk, town.admin, at_town.id, resolution="forget", reason="x", options=FAST)
    assert bad.value.problems[0].field == "resolution"
    with pytest.raises(ValidationError):
        town_points.resolve_conflict(
            town.desk, town.admin, at_town.id, resolution=rules.TOWN_COVERS, reason=" ", options=FAST
        )
    covered = town_points.resolve_conflict(
        town.desk, town.admin, at_town.id, resolution=rules.TOWN_COVERS, reason="镇里补足", options=FAST
    )
    assert covered.status == rules.RESOLVED and covered.balance == 0 and covered.changed
    converged(district, desk_a, desk_b)
    assert balance(desk_a, rid) == balance(desk_b, rid) == 0
    for env in (desk_a, desk_b):
        assert ledger.list_conflicts(env.desk, env.admin) == []
        [done] = ledger.list_conflicts(env.desk, env.admin, open_only=False)
        assert (done.status, done.resolution) == (rules.RESOLVED, rules.TOWN_COVERS)

    # Again, settled the other way: the redemption reversed by the town.
    more = [declared_and_approved(desk_a, rid, "patrol", days_ago=1), declared_and_approved(desk_a, rid, "patrol", 2)]
    sync_until_quiet(desk_a)
    approve_at_town(town, *more)
    converged(district, desk_a, desk_b)
    assert balance(desk_b, rid) == 4
    redeem_offline(desk_a, rid, 3)
    second = redeem_offline(desk_b, rid, 3)
    converged(district, desk_a, desk_b)
    [at_town] = town_points.town_conflicts(town.desk, town.admin, options=FAST)
    assert (at_town.entry_id, at_town.shortfall) == (second, 2)
    reversed_ = town_points.resolve_conflict(
        town.desk, town.admin, at_town.id, resolution=rules.REVERSE_REDEMPTION, reason="礼品已退回", options=FAST
    )
    assert reversed_.resolution_entry_id == rules.reversal_entry_id(second)
    converged(district, desk_a, desk_b)
    assert balance(desk_a, rid) == balance(desk_b, rid) == 1
    assert entries(desk_a)[rules.reversal_entry_id(second)] == (rules.REVERSAL, 3)
    # The gift handed over at desk B goes back on its shelf; desk A's stock is not touched.
    with desk_b.desk.read() as s:
        redemption = s.scalars(select(Redemption).where(Redemption.entry_id == second)).one()
        gift = s.get(Gift, redemption.gift_id)
        assert gift is not None and gift.stock == 5
    assert [g.stock for g in gifts.list_gifts(desk_a.desk, desk_a.admin) if g.price == 3] == [4]
    with pytest.raises(ValidationError):  # reversed at the district: not a second time at the desk
        ledger.reverse(desk_b.desk, desk_b.admin, second, reason="重复冲正")
    assert len(town_points.town_conflicts(town.desk, town.admin, open_only=False, options=FAST)) == 2
    assert sum(c for _, c in district_entries(district, rid)) == 1


def test_a_reversal_at_one_desk_reaches_the_other(district, desk_a: Env, desk_b: Env, town: Env) -> None:
    enroll(district, desk_a)
    enroll(district, desk_b)
    rid = villager(desk_a)
    approved = declared_and_approved(desk_a, rid, "hazard_report")
    sync_until_quiet(desk_a)
    approve_at_town(town, approved)
    converged(district, desk_a, desk_b)
    credit = rules.credit_entry_id(approved)
    view = ledger.reverse(desk_b.desk, desk_b.admin, credit, reason="核实为重复申报")
    assert view.coins == -3
    converged(district, desk_a, desk_b)
    assert balance(desk_a, rid) == balance(desk_b, rid) == 0
    assert entries(desk_a)[rules.reversal_entry_id(credit)] == (rules.REVERSAL, -3)
    assert district_entries(district, rid) == [(rules.CREDIT, 3), (rules.REVERSAL, -3)]


# ---------------------------------------------------------------- the catalogue handed down


def test_a_new_catalogue_reaches_the_desk_and_a_bad_one_changes_nothing(district, desk_a: Env, tmp_path: Path) -> None:
    enroll(district, desk_a)
    wire = rules.catalogue_to_wire(rules.DEFAULT_CATALOGUE)
    wire["version"] = 2
    wire["items"][2]["coins"] = 3  # patrol
    path = tmp_path / "catalogue-2.json"
    path.write_text(json.dumps(wire, ensure_ascii=False), encoding="utf-8")
    district.admin("points", "catalogue", "set", str(path), "--reason", "巡防加分")
    sync(desk_a)
    with desk_a.desk.read() as s:
        assert catalogue.current_catalogue(s).version == 2
        assert s.get(CatalogueVersion, 2).source == catalogue.DISTRICT
    rid = villager(desk_a)
    made = declarations.declare(
        desk_a.desk, desk_a.admin, resident_id=rid, item_code="patrol", activity_date=china_today()
    )
    assert (made.catalogue_version, made.coins) == (2, 3)
    assert sync(desk_a).rejected == 0

    with desk_a.desk.write(SYNC_ACTOR) as uow:  # what a broken catalogue would do: nothing, but say so
        pulled.adopt_catalogue(uow, {"version": 3, "items": [{"code": "X", "coins": 0}]})
    with desk_a.desk.read() as s:
        assert catalogue.current_catalogue(s).version == 2
        refused = s.scalars(select(AuditRecord).where(AuditRecord.action == "points.catalogue")).all()
        assert any("refused" in (r.detail or {}) for r in refused)
