"""The scheme (checklists and thresholds) as this desk holds it.

Version 1 is the built-in `scheme.DEFAULT_SCHEME`; later versions come from the district (the
reference data part `rules.SCHEME_PART`). Inspections follow the highest version held and record
it, so an inspection made before the checklist changed keeps the items it was made with."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mediation_desk.core.uow import Actor, UnitOfWork
from mediation_desk.desk import Desk
from mediation_desk.privacy import roles
from mediation_desk.sitecode import scheme
from mediation_desk.sitecode.models import SchemeVersion

BUILTIN, DISTRICT = "builtin", "district"
SOURCES = (BUILTIN, DISTRICT)


def current_scheme(session: Session | UnitOfWork) -> scheme.Scheme:
    """The highest version held. Given a unit of work, a desk that holds none stores the built-in
    scheme first (so the version its inspections name is on record); a read session only answers."""
    s = session.session if isinstance(session, UnitOfWork) else session
    highest = s.scalar(select(func.max(SchemeVersion.version)))
    if highest is None:
        if isinstance(session, UnitOfWork):
            store_scheme(session, scheme.DEFAULT_SCHEME, BUILTIN)
        return scheme.DEFAULT_SCHEME
    found = scheme_version(s, highest)
    assert found is not None  # the row was just seen
    return found


def scheme_version(session: Session, version: int) -> scheme.Scheme | None:
    """A version as held here; version 1 is the built-in one even before it is stored."""
    row = session.get(SchemeVersion, version)
    if row is None:
        return scheme.DEFAULT_SCHEME if version == scheme.DEFAULT_SCHEME.version else None
    return scheme.scheme_from_wire(row.body)  # checked on the way in; one parser for both


def store_scheme(uow: UnitOfWork, held: scheme.Scheme, source: str) -> bool:
    """Keep a version (False: that version is already held, and is left as it was)."""
    if source not in SOURCES:
        raise ValueError(f"unknown scheme source {source!r}")
    if uow.session.get(SchemeVersion, held.version) is not None:
        return False
    uow.session.add(
        SchemeVersion(version=held.version, body=scheme.scheme_to_wire(held), source=source, received_at=uow.now)
    )
    uow.session.flush()
    uow.audit("sitecode.scheme", "sitecode_scheme", str(held.version), source=source)
    return True


def scheme_view(desk: Desk, actor: Actor) -> scheme.Scheme:
    """The scheme the desk inspects by now: its categories and their checklists, its thresholds."""
    with desk.read(actor) as s:
        roles.authorize(actor, "sitecode.view")
        return current_scheme(s)
