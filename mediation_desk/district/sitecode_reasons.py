"""A code's reasons kept once per distinct list (SiteReasons, revision 0008).

Forty-one thousand places close a month with a few hundred distinct wordings between them (the
day a self-inspection was done, a hazard's item and deadline); the codes refer to their list by
number. A list is found by the SHA-256 of its JSON text, so a lookup reads a short fixed-width
key whatever the list's length; rows are only added (insert-or-skip on the digest), so two
transactions adding the same list — PostgreSQL runs them side by side — end with one row.

These functions work on the driver's own cursor (month end's writer thread holds no Session),
`ids_in` on a Session's."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy.orm import Session


def text_of(reasons: Sequence[str]) -> str:
    """A list of reasons as stored (and as its digest is taken)."""
    return json.dumps(list(reasons), ensure_ascii=False)


def digest_of(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def fill(cursor: Any, sqlite: bool, texts: Collection[str], known: dict[str, int]) -> None:
    """Add to `known` (text → id) the ids of `texts`, adding the lists not stored yet."""
    wanted = {digest_of(t): t for t in texts if t not in known}
    if not wanted:
        return
    if not sqlite and len(wanted) > _MANY:
        found = _fill_many(cursor, wanted)
    else:
        found = _read(cursor, sqlite, list(wanted))
        missing = [(d, t) for d, t in wanted.items() if d not in found]
        if missing:
            insert = "INSERT INTO site_reasons (digest, text) VALUES (?, ?) ON CONFLICT (digest) DO NOTHING"
            cursor.executemany(insert if sqlite else insert.replace("?", "%s"), missing)
            found.update(_read(cursor, sqlite, [d for d, _ in missing]))
    for digest, text in wanted.items():
        known[text] = found[digest]


_MANY = 50  # PostgreSQL: more lists than this go by COPY


def _fill_many(cursor: Any, wanted: dict[str, str]) -> dict[str, int]:
    """PostgreSQL, a month end's thousands of lists: copied into a working table, the new ones
    added from it and all numbered by one join (arrays of thousands of texts as parameters cost
    more to pass than to use)."""
    cursor.execute("CREATE TEMPORARY TABLE IF NOT EXISTS me_reasons (digest text, text text) ON COMMIT DELETE ROWS")
    cursor.execute("TRUNCATE me_reasons")
    with cursor.copy("COPY me_reasons (digest, text) FROM STDIN") as copy:
        for row in wanted.items():
            copy.write_row(row)
    cursor.execute(
        "INSERT INTO site_reasons (digest, text) SELECT digest, text FROM me_reasons ON CONFLICT (digest) DO NOTHING"
    )
    cursor.execute("SELECT n.digest, r.id FROM me_reasons n JOIN site_reasons r ON r.digest = n.digest")
    return {digest: int(id_) for digest, id_ in cursor.fetchall()}


def _read(cursor: Any, sqlite: bool, digests: list[str]) -> dict[str, int]:
    param: Any
    if sqlite:
        sql, param = (
            "SELECT digest, id FROM site_reasons WHERE digest IN (SELECT value FROM json_each(?))",
            json.dumps(digests),
        )
    else:
        sql, param = "SELECT digest, id FROM site_reasons WHERE digest = ANY(%s)", digests
    cursor.execute(sql, (param,))
    return {digest: int(id_) for digest, id_ in cursor.fetchall()}


def ids_in(session: Session, texts: Collection[str]) -> dict[str, int]:
    """`fill` within a Session's transaction: text → id of each of `texts`."""
    known: dict[str, int] = {}
    cursor = session.connection().connection.cursor()
    try:
        fill(cursor, session.get_bind().dialect.name == "sqlite", texts, known)
    finally:
        cursor.close()
    return known


def id_of(session: Session, reasons: Sequence[str]) -> int:
    text = text_of(reasons)
    return ids_in(session, [text])[text]
