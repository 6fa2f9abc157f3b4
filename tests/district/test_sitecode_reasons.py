"""A code's reasons kept once per distinct list (site_reasons, district revision 0008): the
lists stored once whoever adds them, and a district's history carried over by the revision (and
back by its downgrade) with every place's month and current code as it was — on SQLite and on
PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from district_helpers import migrate_to, new_id, setup_district
from sqlalchemy import select, text

from mediation_desk.district import migrate, sitecode_reasons
from mediation_desk.district import sitecode_bulk as bulk
from mediation_desk.district.db import Database
from mediation_desk.district.models import Committee
from mediation_desk.district.sitecode_models import SiteCode, SiteMonth, SitePlace, SiteReasons

pytestmark = pytest.mark.parametrize("district_database_url", ["sqlite", "postgresql"], indirect=True)

GREEN = ["2026年10月自查已于 10月8日 完成", "无待整改隐患"]
RED = [f"隐患「{'电气线路' * 40}{k}」期限 2026-09-08 已过，尚未整改" for k in range(60)]  # longer than any index entry


@pytest.fixture
def db(district_database_url: str) -> Iterator[Database]:
    database = Database(district_database_url)
    try:
        yield database
    finally:
        database.dispose()


def test_a_list_is_stored_once_however_often_it_is_asked_for(db):
    migrate.upgrade(db)
    with db.write() as s:
        first = sitecode_reasons.id_of(s, GREEN)
        assert sitecode_reasons.id_of(s, list(GREEN)) == first
        ids = sitecode_reasons.ids_in(s, [sitecode_reasons.text_of(RED), sitecode_reasons.text_of(GREEN), "[]"])
    with db.write() as s:  # another transaction finds the same numbers
        assert sitecode_reasons.id_of(s, RED) == ids[sitecode_reasons.text_of(RED)]
        assert sitecode_reasons.id_of(s, []) == ids["[]"]
    with db.read() as s:
        stored = {r.id: r.reasons for r in s.scalars(select(SiteReasons))}
    assert stored == {first: GREEN, ids[sitecode_reasons.text_of(RED)]: RED, ids["[]"]: []}


def test_a_month_ends_thousands_of_lists_are_numbered_the_same_whichever_way_they_go_in(db):
    """A place judged alone adds its list by itself; month end sends its thousands at once (one
    JSON parameter, without reading back): each list is one row whichever came first, and the
    lists sent twice are stored once."""
    migrate.upgrade(db)
    lists = [[f"隐患「灭火器{k}」待整改，期限 2026-12-{k % 28 + 1:02d}", *GREEN] for k in range(300)]
    lists.append(['隐患「仓库"禁烟"标识\\」待整改', "🧯"])  # quotes, a backslash, a sign outside the BMP
    with db.write() as s:  # a few stored one by one first
        early = {sitecode_reasons.text_of(r): sitecode_reasons.id_of(s, r) for r in lists[:7]}
    texts = [sitecode_reasons.text_of(r) for r in lists]
    digests = {t: sitecode_reasons.digest_of(t) for t in texts}
    with db.write() as s:  # then all of them at once, twice
        sqlite = s.get_bind().dialect.name == "sqlite"
        with bulk.sent_ahead(s) as send:
            sitecode_reasons.send_lists(send, sqlite, digests)
            sitecode_reasons.send_lists(send, sqlite, digests)
    with db.read() as s:
        stored = {r.digest: (r.id, r.reasons) for r in s.scalars(select(SiteReasons))}
    assert len(stored) == len(lists)
    assert [stored[digests[t]][1] for t in texts] == lists
    assert all(stored[digests[t]][0] == n for t, n in early.items())
    with db.write() as s:  # and a place judged alone later finds the month's numbers
        assert sitecode_reasons.id_of(s, lists[-1]) == stored[digests[texts[-1]]][0]


def test_the_revision_carries_a_districts_codes_over_and_back(db):
    migrate_to(db, "0007")
    setup_district(db)
    with db.read() as s:
        c = s.scalars(select(Committee)).first()
    places = [new_id() for _ in range(3)]
    moment = dt.datetime(2026, 10, 8, 2, tzinfo=dt.UTC)
    with db.write() as s:
        for pid in places:
            s.add(
                SitePlace(id=pid, committee_id=c.id, town_id=c.town_id, category="shop", grid="一", created_at=moment)
            )
    months = [(pid, month, GREEN if k else RED) for k, pid in enumerate(places) for month in ("2026-09", "2026-10")]
    codes = [(pid, RED if k == 1 else GREEN) for k, pid in enumerate(places)]
    with db.write_engine.begin() as conn:  # as revision 0007 kept them
        conn.execute(
            text(
                "INSERT INTO site_month (place_id, month, committee_id, town_id, colour, reasons) "
                "VALUES (:p, :m, :c, :t, 'green', :r)"
            ),
            [{"p": p, "m": m, "c": c.id, "t": c.town_id, "r": json.dumps(r, ensure_ascii=False)} for p, m, r in months],
        )
        conn.execute(
            text(
                "INSERT INTO site_code (place_id, committee_id, town_id, colour, reasons, period, computed_at) "
                "VALUES (:p, :c, :t, 'red', :r, '2026-11', :at)"
            ),
            [
                {
                    "p": p,
                    "c": c.id,
                    "t": c.town_id,
                    "r": json.dumps(r),  # with escapes, as the ORM wrote JSON: the same lists as the months'
                    "at": moment.replace(tzinfo=None),
                }
                for p, r in codes
            ],
        )

    migrate.upgrade(db)
    with db.read() as s:
        assert sorted((m.place_id, m.month, m.reasons) for m in s.scalars(select(SiteMonth))) == sorted(months)
        assert sorted((r.place_id, r.reasons) for r in s.scalars(select(SiteCode))) == sorted(codes)
        assert len(s.scalars(select(SiteReasons)).all()) == 2  # two lists among nine codes

    migrate_to(db, "0007", down=True)
    with db.read() as s:
        back = s.execute(text("SELECT place_id, month, committee_id, reasons FROM site_month")).all()
        code_back = s.execute(text("SELECT place_id, reasons FROM site_code")).all()
    as_list = [r if isinstance(r, list) else json.loads(r) for *_, r in back]
    assert sorted((p, m, r) for (p, m, _c, _), r in zip(back, as_list, strict=True)) == sorted(months)
    assert {committee for _, _, committee, _ in back} == {c.id}
    assert sorted((p, r if isinstance(r, list) else json.loads(r)) for p, r in code_back) == sorted(codes)


def test_a_list_of_ids_given_as_one_parameter_reads_back_whatever_its_texts_hold(db):
    """Month end passes its lists of places, tasks and situations as one parameter (SQLite: a
    JSON array; PostgreSQL: an array's literal it writes itself): quotes, backslashes, commas,
    braces, spaces and Chinese come back as they went in, and an empty list matches nothing."""
    odd = ['a"b', "c\\d", "e,f", "{g}", " h ", "NULL", "#隐患", "'", ""]
    with db.read() as s:
        sql = "SELECT x FROM ({}) v WHERE x {}"
        values = " UNION ALL ".join("SELECT CAST(? AS TEXT) AS x" for _ in odd)
        rows = bulk.fetch(s, sql.format(values, bulk.in_list(s)), (*odd, bulk.id_list(s, odd)))
        assert sorted(x for (x,) in rows) == sorted(odd)
        assert bulk.fetch(s, sql.format(values, bulk.in_list(s)), (*odd, bulk.id_list(s, []))) == []
