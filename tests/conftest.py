"""Shared fixtures: a desk on a real SQLite file of the test's own (a copy of a template desk,
tests/desk_kit.py), operators of each role, valid parties, and no contact with the real home
directory or the OS keyring."""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import os
from collections.abc import Callable, Iterator
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# `mediation-desk` without a command opens the window; the command-line tests want its summary.
os.environ.setdefault("MEDIATION_DESK_NO_GUI", "1")

import desk_kit
import keyring
import keyring.backend
import keyring.errors
import pytest
from desk_kit import COMMITTEE, PASSWORD  # noqa: F401

from mediation_desk.administration.accounts import CommitteeView
from mediation_desk.core.uow import SYSTEM, Actor
from mediation_desk.desk import Desk
from mediation_desk.paths import DATA_ENV, AppPaths
from mediation_desk.validation import resident_id_check_char

# The real district server (tests/district_server.py) and `env`, the service tests' set-up desk
# (tests/service_helpers.py), for every test.
pytest_plugins = ["district_server", "service_helpers"]

REGION = "330604"  # 绍兴市上虞区
_serial = itertools.count(1)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Keeps secrets in a dict for the length of one test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.secrets[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError(f"no secret for {service}/{username}") from None


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend


@pytest.fixture(autouse=True)
def _default_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Anything that falls back to the default data location writes to a temp dir, not $HOME."""
    monkeypatch.setenv(DATA_ENV, str(tmp_path_factory.mktemp("default-data")))


@pytest.fixture(autouse=True)
def _desk_logging_restored() -> Iterator[None]:
    """A command run in-process installs the desk's log file handler (with its redacting filter)
    on the `mediation_desk` logger; it must not outlive the test that ran the command."""
    logger = logging.getLogger("mediation_desk")
    handlers, level = list(logger.handlers), logger.level
    yield
    for handler in logger.handlers:
        if handler not in handlers:
            logger.removeHandler(handler)
            handler.close()
    logger.setLevel(level)


def resident_id(birth: dt.date, serial: int, *, male: bool = True, region: str = REGION) -> str:
    """A valid 18-character resident ID number; `serial` makes it unique within one birth date."""
    seq = (serial % 500) * 2 + (1 if male else 0)  # 17th digit: odd male, even female
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + resident_id_check_char(first17)


def make_party(name: str, **kw: Any) -> dict[str, Any]:
    """A valid natural-person party with a unique, correctly checked ID number and mobile.

    Keyword arguments add or override fields; a value of None drops the field."""
    n = next(_serial)
    male = kw.pop("gender", "male") in ("male", "男")
    birth = dt.date(1950, 1, 1) + dt.timedelta(days=n // 500)
    party: dict[str, Any] = {
        "kind": "natural",
        "name": name,
        "id_type": "resident_id",
        "id_number": resident_id(birth, n, male=male),
        "phone": f"139{n:08d}",
        "address": "谢塘镇谢家塘村",
        "ethnicity": "汉族",
    }
    party.update(kw)
    return {k: v for k, v in party.items() if v is not None}


@pytest.fixture(name="make_party")
def make_party_fixture() -> Callable[..., dict[str, Any]]:
    return make_party


def intake_form(*parties: dict[str, Any], **kw: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "dispute_type": "neighbour",
        "brief_facts": "两家因宅基地边界的围墙高度发生争执，多次口角",
        "parties": list(parties) or [make_party("王永年"), make_party("陈建林")],
    }
    form.update(kw)
    return form


@pytest.fixture(name="intake_form")
def intake_form_fixture() -> Callable[..., dict[str, Any]]:
    return intake_form


@pytest.fixture
def paths(tmp_path) -> AppPaths:
    return AppPaths.resolve(tmp_path / "desk")


# The fixtures a desk's starting state is read from: `committee` sets it up, each account
# fixture adds (and logs in) one account. The desk is copied at that state from a template built
# once per test process (tests/desk_kit.py); a test asking for `desk` alone gets a migrated,
# empty desk, on which it may run the setup itself.
_ACCOUNT_FIXTURES = {"admin": "admin", "clerk": "clerk", "mediator_actor": "mediator"}


def _recipe(fixturenames: list[str]) -> desk_kit.Recipe:
    kinds = [_ACCOUNT_FIXTURES[name] for name in fixturenames if name in _ACCOUNT_FIXTURES]
    if kinds:
        kinds = ["admin", *(kind for kind in kinds if kind != "admin")]
    elif "committee" not in fixturenames:
        return desk_kit.EMPTY
    return desk_kit.Recipe.of(COMMITTEE, kinds)


@pytest.fixture
def desk(paths: AppPaths, request: pytest.FixtureRequest) -> Iterator[Desk]:
    d = desk_kit.copy_desk(_recipe(request.fixturenames), paths.data, remember_key=True)
    try:
        yield d
    finally:
        d.close()


@pytest.fixture
def committee_data() -> dict[str, Any]:
    return dict(COMMITTEE)


@pytest.fixture
def committee(desk: Desk) -> CommitteeView:
    copied = desk_kit.copied(desk)
    if copied is not None and copied.recipe.committee is not None:
        assert copied.template.committee is not None
        return copied.template.committee
    # A desk of another making, or one asked for after the copy was made: set it up here.
    return desk_kit.set_up_committee(desk, COMMITTEE)


def _account(desk: Desk, by: Actor, kind: str) -> Actor:
    copied = desk_kit.copied(desk)
    if copied is not None and kind in copied.recipe.accounts:
        return desk_kit.actor(desk, desk_kit.ACCOUNTS[kind].username)
    return desk_kit.add_account(desk, by, kind)


@pytest.fixture
def admin(desk: Desk, committee: CommitteeView) -> Actor:
    return _account(desk, SYSTEM, "admin")


@pytest.fixture
def clerk(desk: Desk, admin: Actor) -> Actor:
    return _account(desk, admin, "clerk")


@pytest.fixture
def mediator_actor(desk: Desk, admin: Actor) -> Actor:
    """谢阿根, a mediator on the committee's roster, with an operator account linked to it."""
    return _account(desk, admin, "mediator")
