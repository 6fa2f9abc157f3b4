"""The catalogue of items a declaration may name (积分目录), as this desk holds it.

Version 1 is the built-in `rules.DEFAULT_CATALOGUE`; later versions come from the district (the
reference data part `rules.CATALOGUE_PART`). The desk declares against the highest version it
holds, and each declaration records that version, so a declaration made before a change of coin
values keeps the values it was made with."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mediation_desk.core.uow import Actor, UnitOfWork
from mediation_desk.desk import Desk
from mediation_desk.points import rules
from mediation_desk.points.models import CatalogueVersion
from mediation_desk.privacy import roles

BUILTIN, DISTRICT = "builtin", "district"
SOURCES = (BUILTIN, DISTRICT)


def current_catalogue(session: Session | UnitOfWork) -> rules.Catalogue:
    """The highest version held. Given a unit of work, a desk that holds none stores the built-in
    catalogue first (so the version its declarations name is on record); given a plain (read)
    session it only answers with the built-in one, since a read must not write."""
    s = session.session if isinstance(session, UnitOfWork) else session
    highest = s.scalar(select(func.max(CatalogueVersion.version)))
    if highest is None:
        if isinstance(session, UnitOfWork):
            store_catalogue(session, rules.DEFAULT_CATALOGUE, BUILTIN)
        return rules.DEFAULT_CATALOGUE
    found = catalogue_version(s, highest)
    assert found is not None  # the row was just seen
    return found


def catalogue_version(session: Session, version: int) -> rules.Catalogue | None:
    """A version as held here; version 1 is the built-in one even before it is stored."""
    row = session.get(CatalogueVersion, version)
    if row is None:
        return rules.DEFAULT_CATALOGUE if version == rules.DEFAULT_CATALOGUE.version else None
    # Stored bodies were checked on the way in; reading them back through the same check keeps
    # one parser for both.
    return rules.catalogue_from_wire(row.body)


def store_catalogue(uow: UnitOfWork, catalogue: rules.Catalogue, source: str) -> bool:
    """Keep a version (False: that version is already held, and is left as it was)."""
    if source not in SOURCES:
        raise ValueError(f"unknown catalogue source {source!r}")
    if uow.session.get(CatalogueVersion, catalogue.version) is not None:
        return False
    uow.session.add(
        CatalogueVersion(
            version=catalogue.version,
            body=rules.catalogue_to_wire(catalogue),
            source=source,
            received_at=uow.now,
        )
    )
    uow.session.flush()
    uow.audit("points.catalogue", "points_catalogue", str(catalogue.version), source=source)
    return True


def catalogue_view(desk: Desk, actor: Actor) -> rules.Catalogue:
    with desk.read(actor) as s:
        roles.authorize(actor, "points.view")
        return current_catalogue(s)
