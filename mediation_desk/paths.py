"""Where the desk keeps its files. Built once in `main()` (no import-time side effects)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "mediation-desk"
APP_AUTHOR = "mediation-desk"
DATA_ENV = "MEDIATION_DESK_DATA"


@dataclass(frozen=True)
class AppPaths:
    data: Path  # the database and attachments
    config: Path
    logs: Path
    backups: Path  # automatic copies before migrations, and `backup` output
    exports: Path  # PDFs and exported files

    @property
    def database(self) -> Path:
        return self.data / "desk.sqlite3"

    @property
    def attachments(self) -> Path:
        return self.data / "attachments"

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> "AppPaths":
        """`--data-dir` wins, then $MEDIATION_DESK_DATA, then the platform's usual places.

        With an override everything lives under that one folder, so a USB stick or a test's
        temp dir holds the whole desk."""
        override = data_dir or os.environ.get(DATA_ENV)
        if override:
            root = Path(override).expanduser().resolve()
            return cls(
                data=root,
                config=root / "config",
                logs=root / "logs",
                backups=root / "backups",
                exports=root / "exports",
            )
        dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
        data = Path(dirs.user_data_dir)
        return cls(
            data=data,
            config=Path(dirs.user_config_dir),
            logs=Path(dirs.user_log_dir),
            backups=data / "backups",
            exports=Path(platformdirs.user_documents_dir()) / "调解文书",
        )

    def ensure(self) -> "AppPaths":
        for p in (self.data, self.config, self.logs, self.backups, self.exports, self.attachments):
            p.mkdir(parents=True, exist_ok=True)
        return self
