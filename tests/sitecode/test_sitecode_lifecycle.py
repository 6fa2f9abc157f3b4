"""The site codes in the desk's life: a purge of expired cases keeps the responsible person of a
place, and the photos of inspections, hazards and rectifications are sealed from the start
(protecting finds nothing in clear, opens them all, and notices one that does not open)."""

from __future__ import annotations

import datetime as dt

import pytest
from service_helpers import intake, party, today
from sqlalchemy import select

from mediation_desk.core.registry import REGISTRY
from mediation_desk.lifecycle import protect, retention
from mediation_desk.mediation import intake as intake_svc
from mediation_desk.mediation import states, workflow
from mediation_desk.people.models import Person
from mediation_desk.privacy.crypto import DecryptError
from mediation_desk.sitecode import hazards, inspections, places, rules
from mediation_desk.sitecode.data_lifecycle import (
    HAZARD_PHOTOS,
    INSPECTION_PHOTOS,
    PHOTO_FILES,
    RECTIFICATION_PHOTOS,
    RESPONSIBLE,
)
from mediation_desk.sitecode.inspections import HazardInput

SHOP_ITEMS = ("extinguishers", "exits", "wiring", "goods", "living")


def test_the_rules_registered_with_the_lifecycle() -> None:
    assert REGISTRY.retention_rules[RESPONSIBLE.name] is RESPONSIBLE and RESPONSIBLE.periods == ()
    for photos in PHOTO_FILES:
        assert REGISTRY.sealed_files[photos.name] is photos


def test_a_purge_keeps_the_responsible_person_of_a_place(site_env) -> None:
    desk, admin = site_env.desk, site_env.admin
    shop = places.add_place(
        desk, site_env.clerk, name="阿毛杂货", category="商铺", address="村口 5 号", grid="第一网格",
        responsible_name="陈阿毛", responsible_phone="13905750012",
    )  # fmt: skip
    # 陈阿毛 was a party to a dispute that was declined, long enough ago to be purged.
    case_id = intake_svc.open_case(
        desk, admin, intake(party("欧阳静霞", 811, male=False), {"person_id": shop.person_id, "role": "respondent"})
    )
    workflow.transition(desk, admin, case_id, states.DECLINED, reason="双方已自行和解")
    later = dt.date(today().year + 5, 1, 1)
    with desk.read() as s:
        assert RESPONSIBLE.expired(s, {}, later) == []  # places and their inspections never expire
        assert RESPONSIBLE.keeps(s, shop.person_id)
        other = s.scalar(select(Person.id).where(Person.name == "欧阳静霞"))
        assert not RESPONSIBLE.keeps(s, other)
        assert RESPONSIBLE.erased_files(s) == []
    report = retention.purge_expired(desk, admin, today=later)
    assert (report.persons_anonymised, report.persons_kept) == (1, 1)
    with desk.read() as s:
        assert s.get(Person, shop.person_id).purged_at is None and s.get(Person, other).purged_at is not None
    kept = places.get_place(desk, admin, shop.id)
    assert (kept.responsible_name, kept.responsible_phone_masked) == ("陈阿毛", "139****0012")


def test_photos_are_sealed_from_the_start(site_env, tmp_path) -> None:
    desk, clerk = site_env.desk, site_env.clerk
    photo = tmp_path / "现场.png"
    photo.write_bytes(_png())
    shop = places.add_place(desk, clerk, name="阿毛杂货", category="商铺", address="村口 5 号", grid="第一网格")
    results = dict.fromkeys(SHOP_ITEMS, rules.OK) | {"exits": rules.FOUND}
    done = inspections.record_inspection(
        desk, clerk, shop.id, results=results, hazards={"exits": HazardInput(photo=photo)}, evidence=photo
    )
    [hazard] = done.hazards
    hazards.rectify(desk, clerk, hazard.id, note="通道已清理", checked_by="谢阿根", photo=photo)
    folder = desk.paths.attachments
    with desk.read() as s:
        for photos in PHOTO_FILES:
            assert photos.plain_files(s, folder) == []
            assert photos.sealed_names(s, []) == {}
            assert photos.check_open(s, desk.vault, folder) == 1
        assert INSPECTION_PHOTOS.sealed_names(s, [done.id, "not-a-record"]) == {done.id: f"{done.id}.sealed"}
        assert HAZARD_PHOTOS.sealed_names(s, [hazard.id]) == {hazard.id: f"{hazard.id}.sealed"}
        assert RECTIFICATION_PHOTOS.sealed_names(s, [hazard.id]) == {hazard.id: f"{hazard.id}.rectification.sealed"}
        assert INSPECTION_PHOTOS.switch_to_sealed(s, done.id, f"{done.id}.sealed")
        assert not HAZARD_PHOTOS.switch_to_sealed(s, "not-a-hazard", "x.sealed")
    assert not protect.needs_protection(desk)
    # A photo altered (or sealed for another use) does not open: the check says so.
    stored = folder / f"{hazard.id}.rectification.sealed"
    stored.write_bytes(stored.read_bytes()[:-2])
    with desk.read() as s, pytest.raises(DecryptError):
        RECTIFICATION_PHOTOS.check_open(s, desk.vault, folder)
    with desk.read() as s:
        assert HAZARD_PHOTOS.check_open(s, desk.vault, folder) == 1  # the other kinds still open


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0)
    raw = b"".join(b"\x00" + b"\x80" * 2 for _ in range(2))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
