"""Service validation problems shown next to the input they name."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QLabel

from mediation_desk.errors import FieldProblem


def show_problems(labels: Mapping[str, QLabel], problems: list[FieldProblem]) -> list[FieldProblem]:
    """Put each problem's message under its field (clearing the others); returns the problems
    that no label here can show."""
    for label in labels.values():
        label.clear()
    unplaced = []
    for problem in problems:
        label = labels.get(problem.field)
        if label is None:
            unplaced.append(problem)
        elif not label.text():
            label.setText(problem.message)
    return unplaced
