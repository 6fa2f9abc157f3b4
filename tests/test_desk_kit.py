"""The test kit's copied desks behave as desks set up for real: each is its own installation on
its own database file, its accounts log in to the same Actor the fixtures hand out, and the key
it is unlocked with is the one a login gives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import desk_kit
from service_helpers import Env
from sqlalchemy import select

from mediation_desk.administration import accounts
from mediation_desk.administration.accounts import CommitteeView
from mediation_desk.core.models import AuditRecord, Operator
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.mediation import intake
from mediation_desk.privacy import keys


def operators(desk: Desk) -> list[str]:
    with desk.read() as s:
        return list(s.scalars(select(Operator.username).order_by(Operator.created_at)))


def actions(desk: Desk) -> list[str]:
    with desk.read() as s:
        return list(s.scalars(select(AuditRecord.action).order_by(AuditRecord.seq)))


def test_a_bare_desk_is_migrated_empty_and_locked(desk: Desk) -> None:
    assert not desk.is_set_up() and desk.vault is None and operators(desk) == [] and actions(desk) == []


def test_the_fixtures_hand_out_what_a_real_login_gives(
    desk: Desk, committee: CommitteeView, admin: Actor, clerk: Actor, mediator_actor: Actor
) -> None:
    assert operators(desk) == ["daicailiang", "clerk", "xieagen"]
    assert actions(desk).count("operator.login") == 3
    assert mediator_actor.mediator_id is not None and mediator_actor.role == "mediator"
    kept = desk.require_vault().master
    desk.lock()
    for who in (admin, clerk, mediator_actor):
        assert accounts.authenticate(desk, who.username, desk_kit.PASSWORD) == who
        assert desk.require_vault().master == kept
    with desk.read() as s:
        remembered = keys.vault_from_keyring(desk.device_id, s)  # as setup leaves it
    assert remembered is not None and remembered.master == kept
    view = accounts.get_committee(desk)
    assert (view.id, view.code) == (committee.id, committee.code) and committee.recovery_key


def test_copies_are_separate_installations(
    env: Env, tmp_path: Path, intake_form: Callable[..., dict[str, Any]]
) -> None:
    recipe = desk_kit.Recipe.of(desk_kit.COMMITTEE, ["admin"], login=False)
    other = desk_kit.copy_desk(recipe, tmp_path / "other", remember_key=False)
    try:
        assert other.device_id != env.desk.device_id
        assert other.paths.database != env.desk.paths.database
        before = actions(other)
        intake.open_case(env.desk, env.admin, intake_form())
        assert actions(other) == before and len(actions(env.desk)) > len(before)
        assert "operator.login" not in before  # the service tests' desk records no login
        assert other.require_vault().master == desk_kit.data_key(env.desk)
    finally:
        other.close()
    files = [p.name for p in desk_kit.template(recipe).root.iterdir()]
    assert "desk.sqlite3" in files and not [name for name in files if name.startswith("desk.sqlite3-")]
