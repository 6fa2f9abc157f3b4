"""网格看板 on a real desk: the places of each grid counted by the colour of their code now, their
open and overdue hazards and open tasks, and the village's conversion rate (转码率) from the month
before the last closed one to the last closed one."""

from __future__ import annotations

import datetime as dt

import pytest
from inspection_setup import add_place, bj, change, inspect, pull, task_data

from mediation_desk.core.uow import Actor, acting_at
from mediation_desk.errors import PermissionDenied
from mediation_desk.sitecode import dashboard, places, rules
from mediation_desk.sitecode.dto import GridSummary
from mediation_desk.sitecode.inspections import HazardInput
from mediation_desk.storage.base import new_id

NOW = bj(2026, 6, 10)  # the last closed month is May; the one before it April


def test_an_empty_desk_has_an_empty_board(site_env) -> None:
    with acting_at(NOW):
        view = dashboard.dashboard(site_env.desk, site_env.mediator)
    assert (view.period, view.conversion_month, view.grids) == ("2026-06", "2026-05", ())
    assert view.conversion_rate is None and view.conversion_text == "—（上月无红黄码）"
    assert view.totals == GridSummary("合计", 0, 0, 0, 0, 0, 0, 0)


def test_the_board_counts_each_grid_and_the_conversion_of_the_last_closed_month(site_env) -> None:
    desk, clerk, mediator = site_env.desk, site_env.clerk, site_env.mediator
    converted = add_place(desk, clerk, name="甲店")  # April missed (red), May done (green)
    stuck = add_place(desk, clerk, name="乙店")  # April's hazard never rectified: red, red
    steady = add_place(desk, clerk, name="丙店")  # green, green: not counted in the rate
    far = add_place(desk, clerk, name="丁店", grid="二网格")  # missed April and May: red, red
    closed = add_place(desk, clerk, name="戊店", grid="二网格")  # inactive: left out
    inspect(desk, mediator, converted.id, bj(2026, 5, 20))
    inspect(desk, mediator, stuck.id, bj(2026, 4, 8), found={"exits": HazardInput(deadline=dt.date(2026, 4, 15))})
    inspect(desk, mediator, stuck.id, bj(2026, 5, 8))
    inspect(desk, mediator, steady.id, bj(2026, 4, 8))
    inspect(desk, mediator, steady.id, bj(2026, 5, 8), found={"wiring": HazardInput(deadline=dt.date(2026, 6, 30))})
    places.edit_place(desk, clerk, closed.id, active=False)
    pull(
        desk,
        change(rules.TASK, new_id(), task_data(far.id), seq=1),
        change(rules.TASK, new_id(), task_data(far.id, rules.JOINT), seq=2),
        change(rules.TASK, new_id(), task_data(stuck.id, status=rules.TASK_DONE), seq=3),
        change(rules.TASK, new_id(), task_data(closed.id), seq=4),  # an inactive place's: not on the board
    )
    with acting_at(NOW):
        view = dashboard.dashboard(desk, site_env.admin)
    assert view.grids == (
        GridSummary("一网格", 3, green=1, yellow=1, red=1, open_hazards=2, overdue_hazards=1, open_tasks=0),
        GridSummary("二网格", 1, green=0, yellow=0, red=1, open_hazards=0, overdue_hazards=0, open_tasks=2),
    )
    assert view.totals == GridSummary("合计", 4, 1, 1, 2, 2, 1, 2)
    assert (view.conversion_month, view.conversion_text) == ("2026-05", "33.3%（1/3）")
    assert view.conversion_rate == pytest.approx(1 / 3)
    assert view.computed_at == NOW
    # The same board a month later: June closes; May's reds are the ones that may convert.
    inspect(desk, site_env.mediator, far.id, bj(2026, 6, 12))
    with acting_at(bj(2026, 7, 2)):
        later = dashboard.dashboard(desk, site_env.admin)
    assert (later.conversion_month, later.conversion_text) == ("2026-06", "33.3%（1/3）")


def test_the_board_is_for_those_who_may_see_the_places(site_env) -> None:
    with pytest.raises(PermissionDenied):
        dashboard.dashboard(site_env.desk, Actor(username="visitor", role="visitor"))
