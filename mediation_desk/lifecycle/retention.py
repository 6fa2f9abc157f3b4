"""保管期限: how many years each class of records is kept (the committee's policy), and the purge
that erases personal data when that time is up (PIPL arts 19, 47) while leaving the anonymous
statistics whole.

What expires and how a record is erased is the capabilities' knowledge: each registers a retention
rule (core/registry.py `RetentionRule`) with the periods it needs (mediation: 长期, 短期 and the
cases declined or escalated away). This module keeps the policy, runs the rules, and erases the
people an erased record named unless something still keeps them: a rule (a party to a case not
purged) or a standing consent (a bracelet wearer). It deletes without reading, so it needs no
data key: a locked desk purges."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from mediation_desk.core.registry import REGISTRY, Expired, Registry, RetentionRule
from mediation_desk.core.uow import Actor, UnitOfWork, china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError, Problems
from mediation_desk.lifecycle.models import Consent
from mediation_desk.people.models import Person
from mediation_desk.privacy import roles
from mediation_desk.storage.state import DeskState

POLICY_KEY = "retention_policy"
MIN_YEARS, MAX_YEARS = 1, 100
ERASED_NAME = "（已清除）"
_PERSON_DATA = (
    "gender",
    "ethnicity",
    "birth_date",
    "id_type",
    "occupation",
    "uscc",
    "representative",
    "representative_title",
    "id_number_enc",
    "id_number_idx",
    "phone_enc",
    "phone_idx",
    "address_enc",
    "legacy_id_number",
    "legacy_phone",
    "legacy_address",
)


@dataclass(frozen=True)
class PurgeReport:
    records: tuple[str, ...]  # labels (e.g. case numbers) of the records purged, or that would be
    persons_anonymised: int
    files_deleted: int
    dry_run: bool
    persons_kept: int = 0  # people those records named who are kept: by a live record, or a standing consent
    today: dt.date | None = None
    policy: Mapping[str, int] = field(default_factory=dict)
    files_pending: int = 0  # files that could not be deleted now; the next run retries


# ---- the policy ------------------------------------------------------------------------------


def policy_in(session: Session, registry: Registry = REGISTRY) -> dict[str, int]:
    """Years by period key: the committee's, or each period's default where it set none."""
    years = {key: p.default_years for key, p in registry.retention_periods().items()}
    row = session.get(DeskState, POLICY_KEY)
    if row is None:
        return years
    try:
        stored = json.loads(row.value)
        return years | {k: int(stored[k]) for k in years if k in stored}
    except (ValueError, TypeError, KeyError):
        # Falling back to the defaults could purge sooner than the committee decided.
        raise DeskError("保管期限设置已损坏，请主任重新设置保管期限") from None


def get_policy(desk: Desk, registry: Registry = REGISTRY) -> dict[str, int]:
    with desk.read() as s:
        return policy_in(s, registry)


def validate_years(years: Mapping[str, Any], registry: Registry = REGISTRY) -> dict[str, int]:
    periods = registry.retention_periods()
    p = Problems()
    out: dict[str, int] = {}
    for key, value in years.items():
        if key not in periods:
            p.add(
                key,
                "retention_class",
                f"没有「{key}」这一保管期限，可设置：{'、'.join(x.label for x in periods.values())}",
            )
        elif not isinstance(value, int) or isinstance(value, bool) or not MIN_YEARS <= value <= MAX_YEARS:
            p.add(key, "retention_years", f"{periods[key].label}保管年限须为 {MIN_YEARS}–{MAX_YEARS} 的整数（年）")
        else:
            out[key] = value
    p.raise_if_any()
    return out


def set_policy(desk: Desk, actor: Actor, *, registry: Registry = REGISTRY, **years: Any) -> dict[str, int]:
    """Change some of the years (long=…, short=…, declined=…)."""
    with desk.write(actor) as uow:
        roles.authorize(actor, "retention.manage")
        changes = validate_years(years, registry)
        old = policy_in(uow.session, registry)
        new = old | changes
        p = Problems()
        periods = registry.retention_periods()
        for key, period in periods.items():
            cap = periods.get(period.at_most or "")
            if cap is not None and new[key] > new[cap.key]:
                p.add(
                    key, "retention_years", f"{period.label}（{new[key]} 年）不能长于{cap.label}（{new[cap.key]} 年）"
                )
        p.raise_if_any()
        uow.session.merge(DeskState(key=POLICY_KEY, value=json.dumps(new, sort_keys=True)))
        uow.audit("retention.policy", "desk", None, old=old, new=new)
        return new


# ---- the purge ---------------------------------------------------------------------------------


def _keeps_person(s: Session, registry: Registry, person_id: str, purging: Mapping[str, Collection[str]]) -> bool:
    """A person keeps their data while a rule still holds a live record naming them (not one
    being purged) or while a standing consent (a bracelet) is in force."""
    if any(rule.keeps(s, person_id, purging.get(name, ())) for name, rule in registry.retention_rules.items()):
        return True
    return bool(
        s.scalar(
            select(
                exists().where(
                    Consent.person_id == person_id,
                    Consent.withdrawn_at.is_(None),
                    Consent.purpose.in_(sorted(registry.standing_purposes())),
                )
            )
        )
    )


def _anonymise(uow: UnitOfWork, person: Person, rule: RetentionRule, key: str) -> None:
    person.name = ERASED_NAME
    for column in _PERSON_DATA:
        setattr(person, column, None)
    for consent in uow.session.scalars(select(Consent).where(Consent.person_id == person.id)):
        consent.note = consent.withdrawal_reason = None  # the record of consent and withdrawal stays, as evidence
    person.purged_at = uow.now
    uow.audit("person.purge", "person", person.id, reason="retention", **{f"{rule.entity}_id": key})


def _erase_people(uow: UnitOfWork, registry: Registry, rule: RetentionRule, item: Expired) -> tuple[set[str], set[str]]:
    """(anonymised, kept) among the people the erased record named."""
    anonymised: set[str] = set()
    kept: set[str] = set()
    for person_id in item.person_ids:
        person = uow.session.get(Person, person_id)
        if person is None or person.purged_at is not None:
            continue
        if _keeps_person(uow.session, registry, person_id, {rule.name: (item.key,)}):
            kept.add(person_id)
        else:
            _anonymise(uow, person, rule, item.key)
            anonymised.add(person_id)
    return anonymised, kept


def _delete_file(folder: Path, stored_name: str) -> bool | None:
    """Overwrite, then remove a stored file. False: it was not there; None: it could not be
    removed now (in use, permissions), so the next run tries again."""
    path = folder / stored_name
    if not path.is_file():
        return False
    try:
        left = path.stat().st_size
        with path.open("r+b") as f:
            while left > 0:
                chunk = min(left, 1 << 20)
                f.write(bytes(chunk))
                left -= chunk
            f.flush()
            os.fsync(f.fileno())
        path.unlink()
    except OSError:
        return None
    return True


def _delete_files(desk: Desk, names: Iterable[str]) -> tuple[int, int]:
    """(deleted, left for the next run)."""
    results = [_delete_file(desk.paths.attachments, n) for n in names]
    return sum(r is True for r in results), sum(r is None for r in results)


def _leftover_files(desk: Desk, registry: Registry) -> list[str]:
    """Files of records already erased that are still on disk (a purge interrupted after its
    commit): deleted on the next run."""
    with desk.read() as s:
        names = [n for rule in registry.retention_rules.values() for n in rule.erased_files(s)]
    return [n for n in names if (desk.paths.attachments / n).is_file()]


def _plan(s: Session, registry: Registry, found: list[Expired], years: dict[str, int], today: dt.date) -> PurgeReport:
    purging: dict[str, set[str]] = {}
    for item in found:
        purging.setdefault(item.rule, set()).add(item.key)
    named = {p for item in found for p in item.person_ids}
    alive = select(Person.id).where(Person.id.in_(named), Person.purged_at.is_(None))
    people = set(s.scalars(alive)) if named else set()
    kept = sum(1 for p in people if _keeps_person(s, registry, p, purging))
    return PurgeReport(
        tuple(item.label for item in found),
        len(people) - kept,
        sum(item.files for item in found),
        True,
        kept,
        today,
        years,
    )


def _checkpoint(desk: Desk) -> None:
    """Move the write-ahead log into the database and empty it: old page images in the log
    would otherwise still hold the erased text. Best effort (another reader may hold it)."""
    conn = desk.db.write_engine.raw_connection()
    try:
        conn.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def purge_expired(
    desk: Desk, actor: Actor, *, today: dt.date | None = None, dry_run: bool = False, registry: Registry = REGISTRY
) -> PurgeReport:
    """Erase the personal data of every record past its retention period, as each registered rule
    decides; one unit of work per record, so an interruption leaves whole records purged or untouched."""
    today = today or china_today()
    with desk.read(actor) as s:
        roles.authorize(actor, "purge")  # refused: audited as access.denied (Desk.read)
        years = policy_in(s, registry)
        found = [item for rule in registry.retention_rules.values() for item in rule.expired(s, years, today)]
        if dry_run:
            return _plan(s, registry, found, years, today)
    deleted, pending = _delete_files(desk, _leftover_files(desk, registry))
    purged: list[str] = []
    compact: dict[str, RetentionRule] = {}
    anonymised: set[str] = set()
    kept: set[str] = set()
    for item in found:
        rule = registry.retention_rules[item.rule]
        with desk.write(actor) as uow:
            erased = rule.erase(uow, item, years, today)
            if erased is None:
                continue
            a, k = _erase_people(uow, registry, rule, item)
            uow.audit(
                f"{rule.entity}.purge",
                rule.entity,
                item.key,
                **erased.detail,
                reason="retention_expired",
                persons_anonymised=len(a),
                persons_kept=len(k),
            )
        # The rows say "purged" only once committed; the files go after that (a failure here
        # is finished by the next run, see _leftover_files).
        done, left = _delete_files(desk, erased.files)
        deleted, pending = deleted + done, pending + left
        purged.append(item.label)
        compact[rule.name] = rule
        anonymised |= a
        kept |= k
    for rule in compact.values():
        with desk.write(actor) as uow:
            rule.compact(uow)
    if purged:
        _checkpoint(desk)
    # A person named by two expired records is kept by the first and anonymised with the second.
    return PurgeReport(
        tuple(purged), len(anonymised), deleted, False, len(kept - anonymised), today, years, files_pending=pending
    )
