"""Benchmarks, run on demand (`python -m tests.benchmarks.run …`), never in the test suite.

They open desks and call services as the window and the command line do, so every capability is
registered first, as those faces do at start-up."""

from mediation_desk.capabilities import register_all

register_all()
