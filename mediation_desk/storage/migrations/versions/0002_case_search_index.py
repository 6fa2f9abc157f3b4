"""case search index: FTS5 trigram table, a 1-/2-character gram table, sequence index

See mediation/search_index.py for why there are two. Cases written before this revision (a
desk upgrading from 0001) are indexed here, with a frozen copy of the gram rule: a migration
must do tomorrow exactly what it did the day it shipped.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""
from itertools import pairwise

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _grams(body: str) -> str:
    out: list[str] = []
    run: list[str] = []
    for ch in body.lower() + " ":
        if ch.isalnum():
            run.append(ch)
            continue
        out.extend(run)
        out.extend(a + b for a, b in pairwise(run))
        run = []
    return " ".join(dict.fromkeys(out))


def upgrade() -> None:
    op.execute("CREATE VIRTUAL TABLE case_fts USING fts5(case_id UNINDEXED, body, tokenize='trigram')")
    op.execute("CREATE VIRTUAL TABLE case_grams USING fts5(case_id UNINDEXED, grams, "
               "tokenize='unicode61 remove_diacritics 0')")
    with op.batch_alter_table("mediation_case") as batch:
        batch.create_index("ix_mediation_case_seq", ["seq"])
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, search_text FROM mediation_case")).all()
    for start in range(0, len(rows), 5000):
        chunk = rows[start:start + 5000]
        bind.execute(sa.text("INSERT INTO case_fts(case_id, body) VALUES (:id, :body)"),
                     [{"id": r[0], "body": r[1]} for r in chunk])
        bind.execute(sa.text("INSERT INTO case_grams(case_id, grams) VALUES (:id, :grams)"),
                     [{"id": r[0], "grams": _grams(r[1])} for r in chunk])


def downgrade() -> None:
    with op.batch_alter_table("mediation_case") as batch:
        batch.drop_index("ix_mediation_case_seq")
    op.execute("DROP TABLE IF EXISTS case_grams")
    op.execute("DROP TABLE IF EXISTS case_fts")
