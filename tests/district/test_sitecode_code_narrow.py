"""The district's current codes narrowed to what a code is (revision 0009): a district's codes
carried over as they were, month end and a place judged again writing the narrow rows, and the
downgrade giving each code its place's committee and town back; and the red streaks month end
reads back in windows of months — on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

import pytest
from district_helpers import migrate_to, new_id, setup_district
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import DBAPIError

from mediation_desk.district import migrate, sitecode_codes
from mediation_desk.district import sitecode_bulk as bulk
from mediation_desk.district.db import Database
from mediation_desk.district.feed import FeedWriter
from mediation_desk.district.models import Committee
from mediation_desk.district.sitecode_models import SiteCode, SitePlace
from mediation_desk.sitecode import rules

pytestmark = pytest.mark.parametrize("district_database_url", ["sqlite", "postgresql"], indirect=True)

REASONS_ID = 1


@pytest.fixture
def db(district_database_url: str) -> Iterator[Database]:
    database = Database(district_database_url)
    try:
        yield database
    finally:
        database.dispose()


def _columns(db: Database) -> set[str]:
    with db.write_engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns("site_code")}


def _places(db: Database, n: int, moment: dt.datetime) -> tuple[Committee, list[str]]:
    setup_district(db)
    with db.read() as s:
        c = s.scalars(select(Committee)).first()
    places = [new_id() for _ in range(n)]
    with db.write() as s:
        for pid in places:
            s.add(
                SitePlace(id=pid, committee_id=c.id, town_id=c.town_id, category="shop", grid="一", created_at=moment)
            )
    return c, places


def test_the_revision_keeps_every_code_and_its_downgrade_gives_back_committee_and_town(db):
    migrate_to(db, "0008")
    moment = dt.datetime(2026, 10, 8, 2, tzinfo=dt.UTC)
    c, places = _places(db, 3, moment)
    with db.write_engine.begin() as conn:
        conn.execute(text("INSERT INTO site_reasons (id, digest, text) VALUES (1, 'd', '[\"无待整改隐患\"]')"))
        conn.execute(
            text(
                "INSERT INTO site_code (place_id, committee_id, town_id, colour, reasons_id, period, computed_at) "
                "VALUES (:p, :c, :t, :colour, 1, '2026-11', :at)"
            ),
            [
                {"p": p, "c": c.id, "t": c.town_id, "colour": rules.RED if k else rules.GREEN, "at": moment}
                for k, p in enumerate(places)
            ],
        )

    migrate.upgrade(db)
    assert "committee_id" not in _columns(db) and "town_id" not in _columns(db)
    with db.read() as s:
        kept = sorted((r.place_id, r.colour, r.reasons, r.period) for r in s.scalars(select(SiteCode)))
    assert kept == sorted(
        (p, rules.RED if k else rules.GREEN, ["无待整改隐患"], "2026-11") for k, p in enumerate(places)
    )

    migrate_to(db, "0008", down=True)
    with db.write_engine.connect() as conn:
        back = conn.execute(text("SELECT place_id, committee_id, town_id, colour FROM site_code")).all()
    assert sorted(back) == sorted((p, c.id, c.town_id, rules.RED if k else rules.GREEN) for k, p in enumerate(places))


def test_month_end_and_a_place_judged_again_write_the_narrow_codes(db):
    migrate.upgrade(db)
    th = rules.DEFAULT_THRESHOLDS
    created = dt.datetime(2026, 8, 20, 2, tzinfo=dt.UTC)
    c, places = _places(db, 4, created)
    month = "2026-10"
    now = rules.cutoff(month, th) + dt.timedelta(hours=1)
    result = sitecode_codes.month_end(db, month, now)
    assert result.ran and result.places == 4
    with db.read() as s:
        codes = {r.place_id: r for r in s.scalars(select(SiteCode))}
    assert set(codes) == set(places)
    assert {r.colour for r in codes.values()} == {rules.RED}  # none inspected in October
    assert all(r.period == "2026-11" and r.computed_at == now for r in codes.values())

    # A place registered after the month end: judged alone, its narrow row made.
    later = new_id()
    with db.write(feed=True) as s:
        s.add(SitePlace(id=later, committee_id=c.id, town_id=c.town_id, category="shop", grid="一", created_at=now))
        s.flush()
        feed = FeedWriter(s)
        row = sitecode_codes.recompute_place(s, later, now, feed, s.get(Committee, c.id))
        feed.write()
        assert row is not None and row.colour == rules.GREEN
    with db.read() as s:
        assert s.get(SiteCode, later).period == "2026-11"


def test_red_streaks_read_back_in_windows_count_as_the_rule_counts_a_whole_history(db):
    """Month end reads the red rows of the places red now a window of months at a time (a short
    first one, then a year): over thirty months of random histories — rows red for two, three,
    twelve, thirteen, twenty-five months, gaps where a place owed nothing, rows ending at the
    window's edges — every place's streak is `rules.red_streak` of its whole history."""
    migrate.upgrade(db)
    rng = random.Random(13)
    months = rules.months_between("2024-06", "2026-11")
    _, places = _places(db, 60, dt.datetime(2024, 5, 1, tzinfo=dt.UTC))
    history: dict[str, list[tuple[str, str]]] = {}
    for k, pid in enumerate(places):
        run = (0, 1, 2, 3, 12, 13, 14, 25, 29, 30)[k % 10]  # red months ending with the last
        rows = []
        for n, month in enumerate(months):
            if n >= len(months) - run:
                colour = rules.RED
            elif rng.random() < 0.1:
                continue  # not owed that month: breaks a row
            else:
                colour = rng.choice([rules.GREEN, rules.YELLOW, rules.RED])
            rows.append((month, colour))
        if k % 7 == 3 and rows:
            rows.pop()  # its last closed month not the district's last
        history[pid] = rows
    with db.write_engine.begin() as conn:
        conn.execute(
            text("INSERT INTO site_month (month, place_id, colour, reasons_id) VALUES (:m, :p, :c, 1)"),
            [{"m": m, "p": pid, "c": colour} for pid, rows in history.items() for m, colour in rows],
        )
    with db.read() as s:
        last = bulk.red_runs(s, places, "2026-12")
        ending = bulk.red_runs(s, places, "2026-12", "2026-11")
    assert last == {pid: rules.red_streak(rows) for pid, rows in history.items()}
    assert ending == {
        pid: rules.red_streak(rows) if rows and rows[-1][0] == "2026-11" else 0 for pid, rows in history.items()
    }


def _history_rows(db: Database, rows: list[tuple[str, str]]) -> None:
    """`rows` (month, place) into the history, red, by statements sent ahead in one transaction."""
    with db.write() as s, bulk.sent_ahead(s) as send:
        for month, place in rows:
            send("INSERT INTO site_month (month, place_id, colour, reasons_id) VALUES (?, ?, 'red', 1)", (month, place))


def test_a_statement_sent_ahead_that_fails_raises_and_nothing_of_the_transaction_is_kept(db):
    """Month end sends its writes without waiting for their answers (PostgreSQL: pipeline mode):
    one that fails still raises — when the block ends at the latest — and the transaction,
    statements sent before it included, keeps nothing."""
    migrate.upgrade(db)
    _, places = _places(db, 2, dt.datetime(2026, 8, 1, tzinfo=dt.UTC))
    twice = [("2026-10", places[0]), ("2026-10", places[0]), ("2026-10", places[1])]  # the second: same key
    with pytest.raises(DBAPIError):
        _history_rows(db, twice)
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM site_month")).scalar_one() == 0
    # The database is usable afterwards, and a block whose statements all succeed keeps them.
    _history_rows(db, [("2026-10", places[1])])
    with db.read() as s:
        assert s.execute(text("SELECT place_id FROM site_month")).scalars().all() == [places[1]]
