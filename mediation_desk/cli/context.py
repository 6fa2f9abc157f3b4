"""What one run of the command line works with: the paths, the open desk and the operator."""
from __future__ import annotations

import argparse
import logging
from pathlib import Path

from mediation_desk.core import accounts
from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.errors import NotFound, ValidationError
from mediation_desk.logging_setup import setup_logging
from mediation_desk.mediation import mediators
from mediation_desk.paths import AppPaths


class Context:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.paths = AppPaths.resolve(getattr(args, "data_dir", None))
        self._desk: Desk | None = None
        self._actor: Actor | None = None
        self.logging_ready = False

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
                self.actor  # an unknown `--as` is an error for every command, not only for writes
        return self._desk

    @property
    def actor(self) -> Actor:
        """The operator named by `--as`, else the first active admin."""
        if self._actor is None:
            self._actor = accounts.actor_for(self.desk, getattr(self.args, "as_user", None))
        return self._actor

    def mediator_id(self, key: str) -> str:
        """A mediator's id from its id or its (unique) name."""
        roster = mediators.list_mediators(self.desk, include_inactive=True)
        if any(m.id == key for m in roster):
            return key
        named = [m for m in roster if m.name == key.strip()]
        if len(named) > 1:
            raise ValidationError.single("mediator", "mediator_ambiguous",
                                         f"有多名调解员叫「{key}」，请用编号指定")
        if not named:
            raise NotFound("调解员", key)
        return named[0].id

    def close(self) -> None:
        if self._desk is not None:
            self._desk.close()
            self._desk = None
