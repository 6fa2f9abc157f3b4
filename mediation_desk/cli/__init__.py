"""The `mediation-desk` command line: admin work and scripting on top of the services."""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    from mediation_desk.cli.app import main as run

    return run(argv)


__all__ = ["main"]
