"""A code's reasons kept once per distinct list (SiteReasons, revision 0008).

Forty-one thousand places close a month with a few hundred distinct wordings between them (the
day a self-inspection was done, a hazard's item and deadline); the codes refer to their list by
number. A list is found by the SHA-256 of its JSON text, so a lookup reads a short fixed-width
key whatever the list's length; rows are only added (insert-or-skip on the digest), so two
transactions adding the same list — PostgreSQL runs them side by side — end with one row.

A place judged alone looks its list up and adds it if new (`id_of`, on the session's driver
cursor); month end stores its thousands of lists by one statement sent ahead (`send_lists`) and
reads their numbers where it uses them, by digest."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping, Sequence
from typing import Any

import orjson
from sqlalchemy.orm import Session

from mediation_desk.district.sitecode_bulk import Send, json_item, json_rows


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
    found = _read(cursor, sqlite, list(wanted))
    missing = [(d, t) for d, t in wanted.items() if d not in found]
    if missing:
        insert = "INSERT INTO site_reasons (digest, text) VALUES (?, ?) ON CONFLICT (digest) DO NOTHING"
        cursor.executemany(insert if sqlite else insert.replace("?", "%s"), missing)
        found.update(_read(cursor, sqlite, [d for d, _ in missing]))
    for digest, text in wanted.items():
        known[text] = found[digest]


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


def send_lists(send: Send, sqlite: bool, digests: Mapping[str, str]) -> None:
    """Month end's thousands of lists (text → digest) stored, those not stored yet, by one
    statement sent ahead (sitecode_bulk.sent_ahead): as one JSON parameter. Their numbers are
    read where they are used, by digest (`sitecode_situations.answer`)."""
    if not digests:
        return
    rows = orjson.dumps([[digest, text] for text, digest in digests.items()]).decode()
    digest, text = json_item(0, sqlite), json_item(1, sqlite)
    # SQLite: the WHERE tells its parser that ON CONFLICT belongs to the INSERT.
    send(
        f"INSERT INTO site_reasons (digest, text) SELECT {digest}, {text} FROM {json_rows(sqlite)} WHERE true "
        "ON CONFLICT (digest) DO NOTHING",
        (rows,),
    )


def id_of(session: Session, reasons: Sequence[str]) -> int:
    text = text_of(reasons)
    return ids_in(session, [text])[text]
