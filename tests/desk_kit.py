"""Template desks: every starting state a test asks for is built once per test process and then
copied into the test's own folder, so each test still works on a real SQLite file of its own but
pays neither the migrations nor Argon2 (~0.3 s per account added, ~0.3 s per login) unless that
is what it tests.

A state is a `Recipe`: a migrated, empty desk; plus a committee set up; plus accounts added and
logged in once each (the admin first, by the system, then the others by the admin). A recipe's
template is its parent's copy with one more step, made by the same service calls a test would
make (`setup_committee`, `add_operator`, `authenticate`).

A copy is a new installation (a device id of its own) that shares the template's committee,
accounts and data key; it is handed out unlocked with that key, as a login would leave it."""

from __future__ import annotations

import atexit
import gc
import itertools
import shutil
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Iterable, Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from mediation_desk.administration import accounts
from mediation_desk.administration.accounts import CommitteeView
from mediation_desk.capabilities import register_all
from mediation_desk.core.models import Operator
from mediation_desk.core.uow import SYSTEM, Actor
from mediation_desk.desk import DEVICE_KEY, Desk
from mediation_desk.mediation.models_people import Mediator
from mediation_desk.paths import AppPaths
from mediation_desk.privacy import keys
from mediation_desk.privacy.vault import Vault
from mediation_desk.storage.state import DeskState

register_all()  # as the window and the command line do before they open a desk

PASSWORD = "Xietang-2026!"  # every test account's
COMMITTEE = {
    "name": "谢家塘村人民调解委员会",
    "code": "XT-001",
    "town": "谢塘镇",
    "village": "谢家塘村",
    "case_word": "谢调字",
}
ADMIN_USER = "daicailiang"


@dataclass(frozen=True)
class Account:
    username: str
    display_name: str
    role: str


ACCOUNTS = {  # kind: the account a template may hold
    "admin": Account(ADMIN_USER, "戴才良", "admin"),
    "clerk": Account("clerk", "金晓燕", "clerk"),
    "mediator": Account("xieagen", "谢阿根", "mediator"),  # linked to a roster record of the same name
}


@dataclass(frozen=True)
class Recipe:
    committee: tuple[tuple[str, Any], ...] | None = None  # the setup form, as sorted items
    accounts: tuple[str, ...] = ()  # kinds of ACCOUNTS in the order they are added, the admin first
    login: bool = True  # each account logs in once after it is added (an audited login)

    @classmethod
    def of(cls, committee: Mapping[str, Any] | None = None, kinds: Iterable[str] = (), *, login: bool = True) -> Recipe:
        kinds = tuple(kinds)
        if kinds and (committee is None or kinds[0] != "admin" or len(set(kinds)) != len(kinds)):
            raise ValueError(f"accounts need a committee and the admin first, each once: {kinds}")
        unknown = set(kinds) - set(ACCOUNTS)
        if unknown:
            raise ValueError(f"no such test account: {sorted(unknown)}")
        # Without accounts there is nothing to log in: one recipe, whatever `login` says.
        return cls(tuple(sorted(committee.items())) if committee is not None else None, kinds, login or not kinds)

    def parent(self) -> Recipe:
        """This recipe less its last step."""
        if self.accounts:
            fewer = self.accounts[:-1]
            return Recipe(self.committee, fewer, self.login or not fewer)
        return EMPTY


EMPTY = Recipe()  # migrated, no committee: what a first run starts from


@dataclass(frozen=True)
class Template:
    root: Path  # the desk folder (database, attachments, config, logs, backups)
    key: bytes | None  # the data key; None before setup
    committee: CommitteeView | None  # as setup returned it, recovery key included


@dataclass(frozen=True)
class Copied:
    recipe: Recipe
    template: Template


_templates: dict[Recipe, Template] = {}
_copies: dict[Path, Copied] = {}  # resolved data folder → what it was copied from
_workdir: Path | None = None
_numbers = itertools.count(1)


# ---------------------------------------------------------------- the steps (also run live)


def set_up_committee(desk: Desk, data: Mapping[str, Any], *, remember_key: bool = True) -> CommitteeView:
    return accounts.setup_committee(desk, data, remember_key=remember_key)


def add_account(desk: Desk, by: Actor, kind: str, *, login: bool = True) -> Actor:
    """Add one of ACCOUNTS through the service and, unless told not to, log it in."""
    account = ACCOUNTS[kind]
    extra: dict[str, Any] = {}
    if kind == "mediator":
        extra["mediator_id"] = _roster_entry(desk, by, account.display_name)
    accounts.add_operator(
        desk,
        by,
        {
            "username": account.username,
            "display_name": account.display_name,
            "role": account.role,
            "password": PASSWORD,
            **extra,
        },
    )
    return accounts.authenticate(desk, account.username, PASSWORD) if login else actor(desk, account.username)


def _roster_entry(desk: Desk, by: Actor, name: str) -> str:
    with desk.write(by) as uow:
        m = Mediator(
            committee_id=desk.committee(uow.session).id,
            name=name,
            gender="male",
            area="谢家塘村",
            skills=["neighbour", "family"],
            title="老娘舅",
            updated_hlc=uow.tick(),
        )
        uow.session.add(m)
        uow.session.flush()
        uow.audit("mediator.create", "mediator", m.id)
        return m.id


def actor(desk: Desk, username: str) -> Actor:
    """The Actor a login of `username` gives (read from the desk, no password check)."""
    with desk.read() as s:
        op = s.scalars(select(Operator).where(Operator.username == username)).one()
        return Actor(op.username, op.role, op.id, op.display_name, op.mediator_id)


# ---------------------------------------------------------------- templates


def template(recipe: Recipe) -> Template:
    found = _templates.get(recipe)
    if found is None:
        found = _templates[recipe] = _build(recipe)
    return found


def _build(recipe: Recipe) -> Template:
    global _workdir
    if _workdir is None:
        _workdir = Path(tempfile.mkdtemp(prefix="desk-templates-"))
        atexit.register(shutil.rmtree, _workdir, True)
    root = _workdir / f"template-{next(_numbers)}"
    if recipe == EMPTY:
        Desk.open(AppPaths.resolve(root)).close()
        _settle(root)
        return Template(root, None, None)
    parent = template(recipe.parent())
    shutil.copytree(parent.root, root)
    desk = Desk.open(AppPaths.resolve(root))
    try:
        if not recipe.accounts:
            assert recipe.committee is not None
            view: CommitteeView | None = set_up_committee(desk, dict(recipe.committee), remember_key=False)
            key = desk.require_vault().master
        else:
            assert parent.key is not None
            desk.unlock(Vault(parent.key))
            by = SYSTEM if len(recipe.accounts) == 1 else actor(desk, ADMIN_USER)
            add_account(desk, by, recipe.accounts[-1], login=recipe.login)
            view, key = parent.committee, parent.key
    finally:
        desk.close()
    _settle(root)
    return Template(root, key, view)


def _settle(root: Path) -> None:
    """Everything in the database file itself: no write-ahead log for a copy to miss or share."""
    database = AppPaths.resolve(root).database
    leftovers: list[str] = []
    for _ in range(3):
        # A closed desk's connection can outlive it in a reference cycle not yet collected (a
        # session kept by a traceback, a worker's frame): collected, it closes and the log goes.
        gc.collect()
        with closing(sqlite3.connect(database)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        leftovers = [p.name for p in root.glob(database.name + "-*")]
        if not leftovers:
            return
        time.sleep(0.1)
    raise RuntimeError(f"template desk still has {leftovers} open")


# ---------------------------------------------------------------- copies


def copy_desk(recipe: Recipe, data_dir: Path, *, remember_key: bool) -> Desk:
    """A desk in `data_dir` at the state `recipe` (unlocked once set up); with `remember_key`
    the data key is also in the OS keyring, as setup leaves it."""
    source = template(recipe)
    shutil.copytree(source.root, data_dir, dirs_exist_ok=True)
    paths = AppPaths.resolve(data_dir)
    _new_device_id(paths.database)
    desk = Desk.open(paths)
    if source.key is not None:
        vault = Vault(source.key)
        desk.unlock(vault)
        if remember_key:
            keys.remember_in_keyring(desk.device_id, vault)
    _copies[paths.data] = Copied(recipe, source)
    return desk


def _new_device_id(database: Path) -> None:
    with closing(sqlite3.connect(database)) as conn, conn:
        conn.execute(f"UPDATE {DeskState.__tablename__} SET value = ? WHERE key = ?", (str(uuid.uuid4()), DEVICE_KEY))


def copied(desk: Desk) -> Copied | None:
    """What this desk (or another desk opened on the same folder) was copied from, if anything."""
    return _copies.get(desk.paths.data)


def data_key(desk: Desk) -> bytes:
    """The data key of a copied desk: what a login of any of its accounts unlocks."""
    found = copied(desk)
    if found is None or found.template.key is None:
        raise LookupError(f"{desk.paths.data} is not a copy of a set-up template desk")
    return found.template.key
