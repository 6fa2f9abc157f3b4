"""Fixtures of the site-code tests: a committee's desk (copied from the templates of
tests/desk_kit.py) with its 主任, 记录员 and a 调解员 logged in.

`site_env` is the one to ask for; what the tests share beside it is in `site_setup.py`."""

from __future__ import annotations

import pytest
from site_setup import SiteEnv, bad_check_char, credit_code

from mediation_desk.administration.accounts import CommitteeView
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.paths import AppPaths

__all__ = ["SiteEnv", "bad_check_char", "credit_code", "site_env"]


@pytest.fixture
def site_env(
    desk: Desk, committee: CommitteeView, admin: Actor, clerk: Actor, mediator_actor: Actor, paths: AppPaths
) -> SiteEnv:
    return SiteEnv(desk, admin, clerk, mediator_actor, committee, paths.data)
