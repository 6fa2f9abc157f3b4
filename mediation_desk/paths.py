"""Where the desk keeps its files. Built once in `main()` (no import-time side effects)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import platformdirs

APP_NAME = "mediation-desk"
APP_AUTHOR = "mediation-desk"
DATA_ENV = "MEDIATION_DESK_DATA"
LOCATION_FILE = "data-location.txt"  # the data folder chosen on the settings page


PACKAGE_DIR = Path(__file__).resolve().parent


def bundle_root() -> Path | None:
    """The folder of a frozen (PyInstaller) bundle's files, or None when run from Python."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(getattr(sys, "_MEIPASS", Path(sys.executable).resolve().parent))


def package_dir() -> Path:
    """The package's own folder: in the installed package, or under the frozen bundle (where the
    spec in packaging/ copies the resources and migrations to the same relative places)."""
    frozen = bundle_root()
    return frozen / "mediation_desk" if frozen is not None else PACKAGE_DIR


def resource(*parts: str) -> Path:
    """A file shipped with the desk (`resource("fonts", "wqy-microhei.ttc")`), found the same way
    in a source checkout, an installed package and the frozen bundle."""
    return package_dir().joinpath("resources", *parts)


def desk_version() -> str:
    """The version installed (pyproject.toml): shown by `--version` and the window's 关于."""
    try:
        return metadata.version(APP_NAME)
    except metadata.PackageNotFoundError:
        return "unknown"


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
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        """`--data-dir` wins, then $MEDIATION_DESK_DATA, then the data folder chosen on the
        settings page (`saved_data_location`), then the platform's usual places.

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
        # A chosen folder moves the database, attachments and backups; the window's settings
        # and logs stay where the platform keeps them.
        data = saved_data_location() or Path(dirs.user_data_dir)
        return cls(
            data=data,
            config=Path(dirs.user_config_dir),
            logs=Path(dirs.user_log_dir),
            backups=data / "backups",
            exports=Path(platformdirs.user_documents_dir()) / "调解文书",
        )

    def ensure(self) -> AppPaths:
        for p in (self.data, self.config, self.logs, self.backups, self.exports, self.attachments):
            p.mkdir(parents=True, exist_ok=True)
        return self


def location_file() -> Path:
    """Where the chosen data folder is written down: the platform's config folder, which does
    not move with the data."""
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)) / LOCATION_FILE


def saved_data_location() -> Path | None:
    try:
        text = location_file().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return Path(text) if text else None


def save_data_location(folder: Path | None) -> None:
    """Use `folder` from the next start on (None: the platform's usual place again)."""
    file = location_file()
    if folder is None:
        file.unlink(missing_ok=True)
        return
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_name(file.name + ".part")
    tmp.write_text(str(Path(folder).expanduser().resolve()), encoding="utf-8")
    os.replace(tmp, file)
