"""Full-text index of cases for Chinese search without a word segmenter.

Two SQLite FTS5 tables (created by migration 0002):
- `case_fts`  (trigram tokenizer): any substring of three or more characters;
- `case_grams` (unicode61 over our own 1- and 2-character grams): one- and two-character
  queries such as a surname (王) or a short word (围墙), which trigrams cannot answer and a
  table scan over 100,000 cases answers too slowly.
The index is written by the same unit of work that writes the case."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session


def grams(body: str) -> str:
    """Unigrams and bigrams of each run of letters/digits, space-separated, lower-cased."""
    out: list[str] = []
    run: list[str] = []
    for ch in body.lower() + " ":
        if ch.isalnum():
            run.append(ch)
            continue
        out.extend(run)
        out.extend(a + b for a, b in itertools.pairwise(run))
        run = []
    return " ".join(dict.fromkeys(out))  # de-duplicated, order kept


def reindex_case(session: Session, case_id: str, body: str) -> None:
    """Replace a case's entries (its parties or facts changed). `case_id` is not an FTS column
    the index can seek on, so this scans the tables: fine for an edit, not for every intake."""
    session.execute(text("DELETE FROM case_fts WHERE case_id = :id"), {"id": case_id})
    session.execute(text("DELETE FROM case_grams WHERE case_id = :id"), {"id": case_id})
    index_many(session, [(case_id, body)])


def index_many(session: Session, rows: Iterable[tuple[str, str]]) -> None:
    """Bulk insert for new cases (no deletes): imports, upgrades, benchmark datasets."""
    rows = list(rows)
    if not rows:
        return
    session.execute(
        text("INSERT INTO case_fts(case_id, body) VALUES (:id, :body)"), [{"id": i, "body": b} for i, b in rows]
    )
    session.execute(
        text("INSERT INTO case_grams(case_id, grams) VALUES (:id, :grams)"),
        [{"id": i, "grams": grams(b)} for i, b in rows],
    )


def _phrase(query: str) -> str:
    return '"' + query.replace('"', '""') + '"'


def search(session: Session, query: str, limit: int, *, mediator_id: str | None = None) -> list[str]:
    """Case ids whose text contains `query` (any length ≥ 1); with `mediator_id`, only among the
    cases that mediator is or was assigned to (the limit counts those only)."""
    query = query.strip()
    if not query:
        return []
    if len(query) >= 3:
        table, q = "case_fts", _phrase(query)
    else:
        table, q = "case_grams", _phrase(query.lower())
    within = " AND case_id IN (SELECT case_id FROM case_assignment WHERE mediator_id = :m)" if mediator_id else ""
    sql = f"SELECT case_id FROM {table} WHERE {table} MATCH :q{within} LIMIT :n"
    return [r[0] for r in session.execute(text(sql), {"q": q, "n": limit, "m": mediator_id})]
