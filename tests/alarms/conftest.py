"""Fixtures of the bracelet tests: a committee's desk (copied from the templates of
tests/desk_kit.py) with its 主任, 记录员 and a 调解员 logged in.

`alarm_env` is the one to ask for; what the tests share beside it is in `alarm_setup.py`."""

from __future__ import annotations

import pytest
from alarm_setup import AlarmEnv

from mediation_desk.administration.accounts import CommitteeView
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk

__all__ = ["AlarmEnv", "alarm_env"]


@pytest.fixture
def alarm_env(desk: Desk, committee: CommitteeView, admin: Actor, clerk: Actor, mediator_actor: Actor) -> AlarmEnv:
    return AlarmEnv(desk, admin, clerk, mediator_actor, committee)
