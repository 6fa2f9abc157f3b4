"""What the bracelet alarms tell the data lifecycle (lifecycle/: consent, retention, protect).

The two bracelet purposes (registered by the lifecycle at first) are registered again here with
the handlers that erase what the desk keeps for them, run in the withdrawal's unit of work:
- `bracelet_location`: the coordinates of the wearer's alarms are cleared, and the district is
  told the consent is no longer in force (the wearer's `location_consent` false), so it stops
  keeping the bracelet's position and sends none with the next alarms;
- `bracelet_health`: the wearer's health notes are erased.

Wearers are kept while their bracelet is on record (a standing consent keeps the person when the
cases they were party to are purged), so the retention rule only says so: nothing expires."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from mediation_desk.alarms import rules
from mediation_desk.alarms.models import Alarm, Wearer
from mediation_desk.alarms.wearer_store import HEALTH, LOCATION, push_update
from mediation_desk.core.registry import ConsentPurpose, Erased, Expired, Registry, RetentionPeriod
from mediation_desk.core.uow import UnitOfWork


def erase_locations(uow: UnitOfWork, person_id: str) -> int:
    """Clear the coordinates of the person's alarms; the district learns the consent is withdrawn."""
    s, erased = uow.session, 0
    for w in s.scalars(select(Wearer).where(Wearer.person_id == person_id)):
        for a in s.scalars(select(Alarm).where(Alarm.wearer_id == w.id, Alarm.has_fix.is_(True))):
            a.latitude = a.longitude = None
            a.has_fix = False
            erased += 1
        push_update(uow, w, {"location_consent": False})
    return erased


def erase_health(uow: UnitOfWork, person_id: str) -> int:
    erased = 0
    for w in uow.session.scalars(select(Wearer).where(Wearer.person_id == person_id, Wearer.health_enc.is_not(None))):
        w.health_enc = None
        w.updated_at = uow.now
        erased += 1
    return erased


CONSENT_PURPOSES = (
    ConsentPurpose(LOCATION, "手环定位", standing=True, erase=(erase_locations,)),
    ConsentPurpose(HEALTH, "健康信息（手环）", standing=True, erase=(erase_health,)),
)


class WearerRetention:
    """The retention rule of the wearers (core/registry.py `RetentionRule`): nothing expires."""

    name = "alarms_wearers"
    entity = rules.WEARER
    periods: tuple[RetentionPeriod, ...] = ()

    def expired(self, session: Session, years: Mapping[str, int], today: dt.date) -> list[Expired]:
        return []

    def erase(self, uow: UnitOfWork, item: Expired, years: Mapping[str, int], today: dt.date) -> Erased | None:
        return None

    def keeps(self, session: Session, person_id: str, purging: Collection[str] = ()) -> bool:
        """A wearer (active or not: the alarms raised name them) stays when cases are purged."""
        return bool(session.scalar(select(exists().where(Wearer.person_id == person_id))))

    def erased_files(self, session: Session) -> list[str]:
        return []

    def compact(self, uow: UnitOfWork) -> None:
        return None


RETENTION = WearerRetention()


def register_lifecycle(registry: Registry) -> None:
    for purpose in CONSENT_PURPOSES:
        registry.add_consent_purpose(purpose)
    registry.add_retention_rule(RETENTION)
