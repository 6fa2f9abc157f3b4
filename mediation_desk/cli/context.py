"""What one run of the command line works with: the paths, the open desk and the operator.

Personal data are stored encrypted; a run that opens the desk unlocks the data key in this
order: the OS keyring (when this desk put the key there), the password in the environment
variable MEDIATION_DESK_PASSWORD for the operator named by `--as` (default: the first 主任), a
password typed at the terminal. Otherwise the desk stays locked and a command that needs personal
data is refused with a hint. Passwords are never command arguments and never written anywhere."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
from pathlib import Path

from mediation_desk.administration import accounts
from mediation_desk.cli import io as cli_io
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import NotFound, PermissionDenied, ValidationError
from mediation_desk.lifecycle import protect
from mediation_desk.logging_setup import setup_logging
from mediation_desk.mediation import mediators
from mediation_desk.paths import AppPaths
from mediation_desk.privacy import keys

PASSWORD_ENV = "MEDIATION_DESK_PASSWORD"  # the login password of the operator running the command
NEW_PASSWORD_ENV = "MEDIATION_DESK_NEW_PASSWORD"  # a password being set (new operator, change, reset)
RECOVERY_KEY_ENV = "MEDIATION_DESK_RECOVERY_KEY"
PROTECT_HINT = (
    "本机数据来自旧版本、尚未加密：请主任运行 `mediation-desk protect` 加密个人信息并打印恢复密钥"
    "（this desk's data predate encryption: an admin runs `mediation-desk protect`）"
)
LOCKED_HINT = f"设置 {PASSWORD_ENV} 或在终端中运行以输入密码（set {PASSWORD_ENV}, or run in a terminal to type it）"
PROMPT_ATTEMPTS = 3

# How a command wants the desk opened (`set_defaults(unlock=...)`): "auto" every way above;
# "quiet" without asking at the terminal; "none" not at all (the command needs no personal data,
# or unlocks by itself, like `recover` and `password change`).
AUTO, QUIET, NONE = "auto", "quiet", "none"

log = logging.getLogger("mediation_desk.cli")


class Context:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.paths = AppPaths.resolve(getattr(args, "data_dir", None))
        self._desk: Desk | None = None
        self._actor: Actor | None = None
        self.logging_ready = False
        self.unlocked_by: str | None = None  # "keyring" | "password" | "prompt" once unlocked here

    @property
    def wants_json(self) -> bool:
        """`--json` given (as the output switch or as a JSON input): errors come as JSON too."""
        return bool(getattr(self.args, "json", False) or getattr(self.args, "json_input", None))

    def start_logging(self) -> None:
        """Rotating log in this desk's log folder (one folder per process: the last desk wins)."""
        self.paths.logs.mkdir(parents=True, exist_ok=True)
        wanted = str((self.paths.logs / "desk.log").resolve())
        root = logging.getLogger("mediation_desk")
        for handler in list(root.handlers):
            if getattr(handler, "_desk_handler", False) and getattr(handler, "baseFilename", wanted) != wanted:
                root.removeHandler(handler)
                handler.close()
        setup_logging(self.paths.logs)
        self.logging_ready = True

    @property
    def log_file(self) -> Path:
        return self.paths.logs / "desk.log"

    def database_exists(self) -> bool:
        return self.paths.database.exists()

    @property
    def desk(self) -> Desk:
        if self._desk is None:
            self._desk = Desk.open(self.paths)
            if getattr(self.args, "as_user", None):
                _ = self.actor  # an unknown `--as` is an error for every command, not only for writes
            mode = getattr(self.args, "unlock", AUTO)
            if mode != NONE:
                self.unlock(ask=mode == AUTO)
        return self._desk

    @property
    def actor(self) -> Actor:
        """The operator who logged in for this run (password from the environment or typed),
        else the one named by `--as`, else the first active admin."""
        desk = self.desk
        if self._actor is None:
            self._actor = accounts.actor_for(desk, getattr(self.args, "as_user", None))
        return self._actor

    # ---- unlocking ------------------------------------------------------------------------------

    def unlock(self, *, ask: bool = True) -> None:
        desk = self._desk
        assert desk is not None
        if desk.vault is not None or not self._protected(desk):
            return
        if desk.unlock_from_keyring():
            self.unlocked_by = "keyring"
            return
        login = accounts.actor_for(desk, getattr(self.args, "as_user", None))
        if not login.operator_id:  # no operator account yet: nobody can log in
            return
        password = os.environ.get(PASSWORD_ENV)
        if password:
            self._actor = accounts.authenticate(desk, login.username, password)  # wrong: refused
            self.unlocked_by = "password"
        elif ask and cli_io.stdin_is_terminal():
            self._actor = self._prompt_login(desk, login)
            self.unlocked_by = "prompt"
        if desk.vault is not None:
            log.info("desk unlocked (%s)", self.unlocked_by)

    def _prompt_login(self, desk: Desk, login: Actor) -> Actor:
        for attempt in range(1, PROMPT_ATTEMPTS + 1):
            password = getpass.getpass(f"{login.label}（{login.username}）的登录密码 / Password: ")
            try:
                return accounts.authenticate(desk, login.username, password)
            except PermissionDenied as refused:
                if attempt == PROMPT_ATTEMPTS or "锁定" in str(refused):
                    raise
                cli_io.err(f"{refused}，请重试。Wrong password, try again.")
        raise AssertionError("unreachable")

    def needs_protection(self) -> bool:
        """An old desk whose personal data are still in clear (no data key yet)."""
        return self._desk is not None and protect.needs_protection(self._desk)

    @staticmethod
    def _protected(desk: Desk) -> bool:
        """True when this desk has a data key (an old desk not yet protected has none)."""
        with desk.read() as s:
            return keys.keys_exist(s)

    # ---- lookups --------------------------------------------------------------------------------

    def mediator_id(self, key: str) -> str:
        """A mediator's id from its id or its (unique) name."""
        roster = mediators.list_mediators(self.desk, include_inactive=True)
        if any(m.id == key for m in roster):
            return key
        named = [m for m in roster if m.name == key.strip()]
        if len(named) > 1:
            raise ValidationError.single("mediator", "mediator_ambiguous", f"有多名调解员叫「{key}」，请用编号指定")
        if not named:
            raise NotFound("调解员", key)
        return named[0].id

    def close(self) -> None:
        if self._desk is not None:
            self._desk.close()
            self._desk = None
