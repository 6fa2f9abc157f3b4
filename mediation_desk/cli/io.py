"""Terminal input and output of the command line.

Machine output is JSON on stdout (UTF-8, Chinese kept as is); messages and errors go to stderr.
Nothing here knows about the database: commands hand over plain results from the services."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import importlib
import json
import os
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

from mediation_desk.errors import (
    DeskError,
    NotFound,
    PermissionDenied,
    TransitionError,
    ValidationError,
)
from mediation_desk.mediation.dto import to_jsonable

EXIT_OK = 0
EXIT_REJECTED = 1  # the command ran but refused part of its input, or was cancelled
EXIT_USER_ERROR = 2
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
CHINA = dt.timezone(dt.timedelta(hours=8))


def use_utf8() -> None:
    """UTF-8 on the standard streams whatever the locale (a GBK console, LANG=C, a pipe)."""
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            reconfigure(encoding="utf-8")
        except (AttributeError, ValueError, OSError):
            pass


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def err(text: str) -> None:
    sys.stderr.write(text + "\n")


def dumps(obj: Any, *, indent: int | None = 2) -> str:
    return json.dumps(to_jsonable(obj), ensure_ascii=False, indent=indent)


def emit_json(obj: Any) -> None:
    sys.stdout.write(dumps(obj) + "\n")
    sys.stdout.flush()


# --- options shared by several commands ---------------------------------------------------


def json_flag(p: argparse.ArgumentParser) -> None:
    """`--json` on a subcommand: same switch as the global one (not reset when absent)."""
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="输出 JSON")


def json_input(p: argparse.ArgumentParser, *, required: bool = True, what: str = "内容") -> None:
    p.add_argument(
        "--json",
        dest="json_input",
        metavar="FILE|-",
        required=required,
        help=f"{what}的 JSON 文件（UTF-8），“-” 表示从标准输入读取",
    )


def optional_module(name: str, feature: str) -> ModuleType:
    """A part of the desk that a given build may not include yet: a clear refusal if absent."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as e:
        if e.name != name:
            raise
        raise DeskError(f"本版本尚未提供{feature}功能") from None


# --- input -----------------------------------------------------------------------------------


def _no_constants(name: str) -> Any:
    raise ValueError(name)


def read_json_input(source: str) -> dict[str, Any]:
    """A JSON object from a file or "-" (standard input). Numbers with a fraction become
    Decimal, so amounts keep their exact cents; NaN and Infinity are refused."""
    if source == "-":
        text = sys.stdin.read()
    else:
        path = Path(source)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise ValidationError.single("json", "file_missing", f"找不到文件：{source}") from None
        except UnicodeDecodeError:
            raise ValidationError.single(
                "json", "file_encoding", f"文件「{path.name}」不是 UTF-8 编码，请另存为 UTF-8 后重试"
            ) from None
        except OSError as e:
            raise ValidationError.single(
                "json", "file_unreadable", f"无法读取文件「{path.name}」：{e.strerror}"
            ) from None
    text = text.lstrip("\ufeff")
    try:
        data = json.loads(text, parse_float=Decimal, parse_constant=_no_constants)
    except json.JSONDecodeError as e:
        raise ValidationError.single(
            "json", "json_syntax", f"JSON 格式错误（第 {e.lineno} 行第 {e.colno} 列）：{e.msg}"
        ) from None
    except ValueError as e:
        raise ValidationError.single("json", "json_syntax", f"JSON 中不允许出现 {e}") from None
    if not isinstance(data, dict):
        raise ValidationError.single("json", "json_object", "JSON 内容须为一个对象 {…}")
    return data


def stdin_is_terminal() -> bool:
    try:
        return bool(sys.stdin) and sys.stdin.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def read_secret(env_name: str, prompt: str, *, twice: bool = False, field: str = "password", what: str = "密码") -> str:
    """A password or key from the environment variable, or typed (not echoed) at a terminal —
    twice for a new password; never a command argument, never written anywhere."""
    value = os.environ.get(env_name)
    if value:
        return value
    if not stdin_is_terminal():
        raise DeskError(
            f"请在终端中运行以输入{what}，或设置环境变量 {env_name}（run in a terminal, or set {env_name}）"
        )
    first = getpass.getpass(prompt)
    if twice and getpass.getpass(f"再次输入{what} / Repeat: ") != first:
        raise ValidationError.single(field, "password_mismatch", f"两次输入的{what}不一致")
    return first


def read_password(env_name: str, prompt: str, field: str = "password") -> str:
    """A new password: from the environment variable, or typed twice at a terminal."""
    return read_secret(env_name, prompt, twice=True, field=field)


def write_private_file(target: Path, content: bytes) -> None:
    """Write a file readable by this OS user only, whole or not at all (temp file, then rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def confirm(prompt: str) -> bool:
    sys.stderr.write(prompt)
    sys.stderr.flush()
    try:
        answer = sys.stdin.readline()
    except (OSError, ValueError):
        return False
    return answer.strip().lower() in ("yes", "y", "是", "确认")


# --- errors ----------------------------------------------------------------------------------


def report_error(error: DeskError, *, as_json: bool, hint: str | None = None) -> int:
    """One line per problem on stderr (field and rule named), then the hint if any; with --json
    also a JSON object (the last line)."""
    payload: dict[str, Any] = {"error": str(error)}
    if isinstance(error, ValidationError):
        payload["kind"] = "validation"
        for p in error.problems:
            err(f"错误 {p.field} [{p.rule}]: {p.message}")
        payload["problems"] = error.as_dicts()
    elif isinstance(error, TransitionError):
        payload.update(
            kind="transition",
            current=error.current,
            requested=error.requested,
            reason=error.reason,
            allowed=error.allowed,
        )
        payload["problems"] = [{"field": "target", "rule": "transition_refused", "message": error.reason}]
        err(f"错误 target [transition_refused]: {error}")
    else:
        kind = (
            "not_found"
            if isinstance(error, NotFound)
            else "permission"
            if isinstance(error, PermissionDenied)
            else "desk"
        )
        payload.update(kind=kind, problems=[])
        err(f"错误：{error}")
    if hint:
        payload["hint"] = hint
        err(f"提示：{hint}")
    if as_json:
        err(dumps(payload, indent=None))
    return EXIT_USER_ERROR


# --- human-readable output -------------------------------------------------------------------


def width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def clip(text: str, limit: int) -> str:
    if width(text) <= limit:
        return text
    outp, used = "", 0
    for ch in text:
        w = width(ch)
        if used + w > limit - 1:
            break
        outp, used = outp + ch, used + w
    return outp + "…"


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, max_col: int = 40) -> None:
    cells = [[clip("" if v is None else str(v), max_col) for v in row] for row in rows]
    widths = [width(h) for h in headers]
    for row in cells:
        widths = [max(w, width(c)) for w, c in zip(widths, row, strict=False)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - width(v)) for v, w in zip(values, widths, strict=False)).rstrip()

    out(line(headers))
    out(line(["-" * w for w in widths]))
    for row in cells:
        out(line(row))


def local_time(value: dt.datetime | None) -> str:
    """An instant shown in Beijing time, to the minute."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")
