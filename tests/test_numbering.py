"""Case numbers (案号): format and parse, seats, and two desks of one committee working offline."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from mediation_desk.administration import accounts
from mediation_desk.desk import Desk
from mediation_desk.mediation import intake
from mediation_desk.mediation.models_case import CaseNumberCounter, MediationCase
from mediation_desk.mediation.numbering import (
    MAX_SEAT,
    CaseNumber,
    default_case_word,
    format_case_number,
    parse_case_number,
)
from mediation_desk.paths import AppPaths

case_words = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=6)


@given(st.integers(1990, 2200), case_words, st.integers(1, MAX_SEAT), st.integers(1, 999_999))
def test_format_parse_round_trip(year, word, seat, seq):
    text = format_case_number(year, word, seat, seq)
    assert parse_case_number(text) == CaseNumber(year, word, seat, seq)
    assert str(CaseNumber(year, word, seat, seq)) == text


def test_seat_one_prints_the_classic_form():
    assert format_case_number(2026, "谢调字", 1, 65) == "（2026）谢调字第 0065 号"


def test_other_seats_put_the_seat_before_the_sequence():
    assert format_case_number(2026, "谢调字", 2, 7) == "（2026）谢调字第 2-0007 号"
    assert format_case_number(2026, "谢调字", 99, 12345) == "（2026）谢调字第 99-12345 号"


def test_seat_one_and_seat_two_never_collide():
    seat1 = {format_case_number(2026, "谢调字", 1, n) for n in range(1, 300)}
    seat2 = {format_case_number(2026, "谢调字", 2, n) for n in range(1, 300)}
    assert not seat1 & seat2


@pytest.mark.parametrize("seat", [0, -1, MAX_SEAT + 1, 1000])
def test_bad_seats_are_refused(seat):
    with pytest.raises(ValueError):
        format_case_number(2026, "谢调字", seat, 1)


def test_sequence_starts_at_one():
    with pytest.raises(ValueError):
        format_case_number(2026, "谢调字", 1, 0)


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("(2026)谢调字第0065号", CaseNumber(2026, "谢调字", 1, 65)),
        ("  （2026）谢调字第 2-0007 号 ", CaseNumber(2026, "谢调字", 2, 7)),
        ("（2026）谢调字第0007  号", CaseNumber(2026, "谢调字", 1, 7)),
    ],
)
def test_parse_tolerates_how_people_type(typed, expected):
    assert parse_case_number(typed) == expected


@pytest.mark.parametrize("text", ["", "2026-0065", "（2026）谢调字 0065", "（26）谢调字第 0065 号"])
def test_parse_rejects_non_numbers(text):
    assert parse_case_number(text) is None


def test_default_case_word():
    assert default_case_word("谢塘镇") == "谢人调字"  # （年）X人调字第 号, as the national form has it
    assert default_case_word("  ") == "人调字"


def _open_desk(root, committee_data, seat: int) -> Desk:
    desk = Desk.open(AppPaths.resolve(root))
    accounts.setup_committee(desk, {**committee_data, "seat": seat})
    return desk


def test_two_offline_desks_of_one_committee_never_share_a_number(tmp_path, committee_data, make_party, intake_form):
    desks = [
        _open_desk(tmp_path / "main-desk", committee_data, 1),
        _open_desk(tmp_path / "second-desk", committee_data, 2),
    ]
    actor = accounts.actor_for(desks[0], None)
    try:
        numbers: list[str] = []
        for i in range(30):  # interleaved, as two rooms would work on the same days
            for d, desk in enumerate(desks):
                case_id = intake.open_case(
                    desk,
                    actor,
                    intake_form(make_party(f"甲{d}{i}"), make_party(f"乙{d}{i}"), accepted_on=dt.date.today()),
                )
                with desk.read() as s:
                    numbers.append(s.get(MediationCase, case_id).number)
        assert len(numbers) == 60
        assert len(set(numbers)) == 60
        parsed = [parse_case_number(n) for n in numbers]
        year = dt.date.today().year
        assert all(p is not None and p.year == year and p.case_word == "谢调字" for p in parsed)
        for seat in (1, 2):
            assert sorted(p.seq for p in parsed if p.seat == seat) == list(range(1, 31))
        assert f"（{year}）谢调字第 0030 号" in numbers
        assert f"（{year}）谢调字第 2-0030 号" in numbers
    finally:
        for desk in desks:
            desk.close()


def test_next_case_number_resumes_after_highest_existing(desk, committee, admin, intake_form):
    """Cases that arrived by import or restore, with no counter row, are not numbered over."""
    year = dt.date.today().year
    for _ in range(3):
        intake.open_case(desk, admin, intake_form())
    with desk.write(admin) as uow:
        # As after restoring cases numbered elsewhere: the counter is gone, seq 40 is taken.
        uow.session.execute(CaseNumberCounter.__table__.delete())
        case = uow.session.scalars(select(MediationCase).order_by(MediationCase.seq.desc())).first()
        case.seq, case.number = 40, format_case_number(year, committee.case_word, 1, 40)
    with desk.write(admin) as uow:
        seq, number = intake.next_case_number(uow, desk.committee(uow.session), year, 1)
        assert (seq, number) == (41, format_case_number(year, committee.case_word, 1, 41))
        # Another year (or another seat) starts its own series at 1.
        assert intake.next_case_number(uow, desk.committee(uow.session), year - 1, 1)[0] == 1
        assert intake.next_case_number(uow, desk.committee(uow.session), year, 2)[0] == 1
    new_id = intake.open_case(desk, admin, intake_form())
    with desk.read() as s:
        assert s.get(MediationCase, new_id).seq == 42
        assert s.scalar(select(func.count()).select_from(MediationCase)) == 4
