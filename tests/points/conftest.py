"""Fixtures of the green-coin tests: a committee's desk (copied from the templates of
tests/desk_kit.py) with its 主任, 记录员 and a 调解员 logged in, two households and three residents
registered through the services, and small evidence files of real formats.

`points_env` is the one to ask for; the others are its parts, named so a test asks only for what
it uses. `points_env.env` is the same desk as a `service_helpers.Env`, for driving cases."""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from service_helpers import Env

from mediation_desk.administration.accounts import CommitteeView
from mediation_desk.core.uow import Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.paths import AppPaths
from mediation_desk.points import residents
from mediation_desk.points.dto import HouseholdView, ResidentView


@dataclass
class PointsEnv:
    desk: Desk
    admin: Actor  # 主任: reviews, corrects, signs off
    clerk: Actor  # 记录员: registers residents, records declarations, runs the shop
    mediator: Actor  # 调解员 谢阿根 (operator linked to the roster record `mediator.mediator_id`)
    committee: CommitteeView
    root: Path  # the desk's data folder
    households: tuple[HouseholdView, ...]  # 王建国户 (一组), 陈家 (三组)
    residents: tuple[ResidentView, ...]  # 王建国, 李秀英 (王建国户), 陈小芳 (陈家)

    @property
    def env(self) -> Env:
        """The same desk and 主任 as the service tests' `env` (service_helpers), for their builders."""
        return Env(self.desk, self.admin, self.root)

    @property
    def today(self) -> dt.date:
        return china_today()


@pytest.fixture
def points_env(
    desk: Desk, committee: CommitteeView, admin: Actor, clerk: Actor, mediator_actor: Actor, paths: AppPaths
) -> PointsEnv:
    wang = residents.add_household(desk, clerk, label="王建国户", village_group="一组")
    chen = residents.add_household(desk, clerk, label="陈家", village_group="三组")
    people = (
        residents.add_resident(
            desk, clerk, name="王建国", village_group="一组", household_id=wang.id, phone="13905750001"
        ),
        residents.add_resident(desk, clerk, name="李秀英", village_group="一组", household_id=wang.id),
        residents.add_resident(desk, clerk, name="陈小芳", village_group="三组", household_id=chen.id),
    )
    by_id = {h.id: h for h in residents.list_households(desk, admin)}  # with their members counted
    return PointsEnv(
        desk, admin, clerk, mediator_actor, committee, paths.data, (by_id[wang.id], by_id[chen.id]), people
    )


@pytest.fixture
def points_desk(points_env: PointsEnv) -> Desk:
    return points_env.desk


@pytest.fixture
def household(points_env: PointsEnv) -> HouseholdView:
    """王建国户 (一组): 王建国 and 李秀英."""
    return points_env.households[0]


@pytest.fixture
def resident(points_env: PointsEnv) -> ResidentView:
    """王建国 (一组, 王建国户), phone 13905750001."""
    return points_env.residents[0]


def png_bytes(width: int = 2, height: int = 2) -> bytes:
    """A small valid PNG (grey pixels): real magic bytes, parseable by image readers."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


@pytest.fixture
def make_evidence(tmp_path: Path) -> Callable[..., Path]:
    """`make_evidence("照片.png")` writes a small real PNG (or `content=` bytes as given) under
    tmp_path/evidence and returns its path."""
    folder = tmp_path / "evidence"
    folder.mkdir(exist_ok=True)

    def make(name: str = "巡防照片.png", content: bytes | None = None) -> Path:
        path = folder / name
        path.write_bytes(png_bytes() if content is None else content)
        return path

    return make
