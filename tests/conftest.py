"""Shared fixtures: a fresh desk on a real SQLite file per test, operators of each role, valid
parties, and no contact with the real home directory or the OS keyring."""
from __future__ import annotations

import datetime as dt
import logging
import itertools
import os
from collections.abc import Callable, Iterator
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# `mediation-desk` without a command opens the window; the command-line tests want its summary.
os.environ.setdefault("MEDIATION_DESK_NO_GUI", "1")

import keyring  # noqa: E402
import keyring.backend  # noqa: E402
import keyring.errors  # noqa: E402
import pytest  # noqa: E402

from mediation_desk.capabilities import register_all  # noqa: E402
from mediation_desk.administration import accounts  # noqa: E402
from mediation_desk.administration.accounts import CommitteeView  # noqa: E402
from mediation_desk.core.uow import SYSTEM, Actor  # noqa: E402
from mediation_desk.desk import Desk  # noqa: E402
from mediation_desk.mediation.models_people import Mediator  # noqa: E402
from mediation_desk.paths import DATA_ENV, AppPaths  # noqa: E402
from mediation_desk.validation import resident_id_check_char  # noqa: E402

register_all()  # as the window and the command line do at start-up

pytest_plugins = ["district_server"]  # the real district server (tests/district_server.py)

PASSWORD = "Xietang-2026!"
COMMITTEE = {
    "name": "谢家塘村人民调解委员会",
    "code": "XT-001",
    "town": "谢塘镇",
    "village": "谢家塘村",
}
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


@pytest.fixture
def desk(paths: AppPaths) -> Iterator[Desk]:
    d = Desk.open(paths)
    try:
        yield d
    finally:
        d.close()


@pytest.fixture
def committee_data() -> dict[str, Any]:
    return dict(COMMITTEE)


@pytest.fixture
def committee(desk: Desk) -> CommitteeView:
    return accounts.setup_committee(desk, COMMITTEE)


def _operator(desk: Desk, by: Actor, username: str, display: str, role: str, **extra: Any) -> Actor:
    # Each account costs one Argon2 hash and one verify (~0.1 s each): fixtures build only
    # the roles a test asks for.
    accounts.add_operator(desk, by, {"username": username, "display_name": display, "role": role,
                                     "password": PASSWORD, **extra})
    return accounts.authenticate(desk, username, PASSWORD)


@pytest.fixture
def admin(desk: Desk, committee: CommitteeView) -> Actor:
    return _operator(desk, SYSTEM, "daicailiang", "戴才良", "admin")


@pytest.fixture
def clerk(desk: Desk, admin: Actor) -> Actor:
    return _operator(desk, admin, "clerk", "金晓燕", "clerk")


@pytest.fixture
def mediator_actor(desk: Desk, admin: Actor) -> Actor:
    with desk.write(admin) as uow:
        m = Mediator(committee_id=desk.committee(uow.session).id, name="谢阿根", gender="male",
                     area="谢家塘村", skills=["neighbour", "family"], title="老娘舅",
                     updated_hlc=uow.tick())
        uow.session.add(m)
        uow.session.flush()
        uow.audit("mediator.create", "mediator", m.id)
        mediator_id = m.id
    return _operator(desk, admin, "xieagen", "谢阿根", "mediator", mediator_id=mediator_id)
