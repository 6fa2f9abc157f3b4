"""The bracelets in the demo desk: five wearers with their contacts (one under 80 with the recorded
reason, one whose guardian consented), three months of alarms answered through the services — most
within a minute — and the latest still open in each state; device tasks; only ever filled into an
empty desk, with the audit chain intact."""

from __future__ import annotations

import pytest

from mediation_desk.administration.demo import seed_demo
from mediation_desk.alarms import figures, handling, rules, tasks, wearers
from mediation_desk.alarms.demo import HISTORY, WEARERS, AlarmsDemo
from mediation_desk.core.audit import verify_chain
from mediation_desk.core.registry import REGISTRY
from mediation_desk.core.uow import SYSTEM
from mediation_desk.desk import Desk
from mediation_desk.errors import DeskError
from mediation_desk.paths import AppPaths


@pytest.fixture(scope="module")
def demo_desk(tmp_path_factory: pytest.TempPathFactory):
    desk = Desk.open(AppPaths.resolve(tmp_path_factory.mktemp("alarms-demo") / "desk"))
    summary = seed_demo(desk, cases=3, seed=11)
    yield desk, summary
    desk.close()


def test_the_demo_is_registered() -> None:
    assert isinstance(REGISTRY.demo_fillers["alarms"], AlarmsDemo)


def test_the_demo_has_wearers_with_contacts(demo_desk) -> None:
    desk, summary = demo_desk
    listed = wearers.list_wearers(desk, SYSTEM)
    assert summary["alarms_wearers"] == len(listed) == len(WEARERS)
    assert all(w.contacts and w.location_consent and w.device_id for w in listed)
    assert any(w.exception_reason and w.age is not None and w.age < 80 for w in listed)
    assert any(w.consent_by for w in listed) and any(w.has_health_notes for w in listed)


def test_the_demo_alarms_tell_their_stories(demo_desk) -> None:
    desk, summary = demo_desk
    everything = figures.recent_figures(desk, SYSTEM, 6)
    assert sum(f.alarms for f in everything) == summary["alarms_raised"] == len(HISTORY)
    assert sum(f.within_60 for f in everything) > sum(f.alarms for f in everything) / 2
    still = handling.open_alarms(desk, SYSTEM)
    assert {a.status for a in still} == {rules.NEW, rules.ACKNOWLEDGED, rules.DISPATCHED}
    assert still[0].status == rules.NEW and still[0].escalated_at is not None
    assert len(tasks.list_tasks(desk, SYSTEM, open_only=False)) == summary["alarms_tasks"] >= 2


def test_the_audit_chain_holds_and_a_second_fill_is_refused(demo_desk) -> None:
    desk, _ = demo_desk
    with desk.read() as s:
        assert verify_chain(s).ok
    with pytest.raises(DeskError):
        seed_demo(desk, cases=3, seed=11)
