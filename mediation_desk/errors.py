"""Errors the services raise. Each names the field and the rule, so the window and the
command line can show a message next to the right input without parsing text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass
class FieldProblem:
    field: str  # dotted path of the input, e.g. "parties[0].id_number"
    rule: str  # short machine name of the rule, e.g. "id_check_digit"
    message: str  # human sentence, Chinese first, naming the field and the rule


class DeskError(Exception):
    """Base of every error the desk reports to a user (never a crash)."""


class ValidationError(DeskError):
    """Input broke one or more rules. Nothing was saved."""

    def __init__(self, problems: list[FieldProblem] | FieldProblem) -> None:
        if isinstance(problems, FieldProblem):
            problems = [problems]
        self.problems: list[FieldProblem] = list(problems)
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in self.problems))

    @classmethod
    def single(cls, field_name: str, rule: str, message: str) -> ValidationError:
        return cls(FieldProblem(field_name, rule, message))

    def prefixed(self, prefix: str) -> ValidationError:
        """The same problems with their fields placed under `prefix` (e.g. "parties[1]")."""
        return ValidationError([FieldProblem(f"{prefix}.{p.field}", p.rule, p.message) for p in self.problems])

    def as_dicts(self) -> list[dict[str, str]]:
        return [{"field": p.field, "rule": p.rule, "message": p.message} for p in self.problems]


class TransitionError(DeskError):
    """A case (or other state machine) was asked for a move its rules do not allow."""

    def __init__(self, current: str, requested: str, reason: str, allowed: list[str], final: bool = False) -> None:
        self.current = current
        self.requested = requested
        self.reason = reason
        self.allowed = list(allowed)
        allowed_text = "、".join(allowed) if allowed else ("无（已是终态）" if final else "暂无（须先满足上述条件）")
        super().__init__(f"不能从「{current}」转为「{requested}」：{reason}。当前允许：{allowed_text}")


class NotFound(DeskError):
    def __init__(self, kind: str, key: str) -> None:
        self.kind = kind
        self.key = key
        super().__init__(f"找不到{kind}：{key}")


class PermissionDenied(DeskError):
    pass


class ConflictError(DeskError):
    """A uniqueness or concurrency rule was hit (e.g. a duplicate person or case number)."""


@dataclass
class Problems:
    """Collects problems across many fields so a form reports all of them at once."""

    items: list[FieldProblem] = field(default_factory=list)

    def add(self, field_name: str, rule: str, message: str) -> None:
        self.items.append(FieldProblem(field_name, rule, message))

    def extend(self, error: ValidationError, prefix: str | None = None) -> None:
        self.items.extend((error.prefixed(prefix) if prefix else error).problems)

    def check(self, rule: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Apply one validation rule; its problems are collected and None stands in for the
        value, so a form reports every bad field at once instead of the first."""
        try:
            return rule(*args, **kwargs)
        except ValidationError as e:
            self.extend(e)
            return None

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationError(self.items)
