"""site codes' reasons kept once per distinct list (site_reasons); site_month narrowed to month,
place, colour and the reasons' number (its committee and town are the place's); site_code refers
to its reasons by number

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def _as_text(column: str) -> str:
    """A JSON column's value as text (PostgreSQL keeps it as jsonb; SQLite's JSON columns have
    numeric affinity, which would keep the text's index from being used)."""
    return f"CAST({column} AS TEXT)" if _sqlite() else f"{column}::text"


def upgrade() -> None:
    op.create_table(
        "site_reasons",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_site_reasons"),
        sa.UniqueConstraint("digest", name="uq_site_reasons_digest"),
    )
    bind = op.get_bind()
    stored = {
        text
        for table in ("site_month", "site_code")
        for (text,) in bind.execute(sa.text(f"SELECT DISTINCT {_as_text('reasons')} FROM {table}"))
    }
    # Each list as the server writes one now (sitecode_reasons.text_of; stored JSON was written
    # with escapes, or as PostgreSQL prints jsonb): equal lists become one row.
    written = {text: json.dumps(json.loads(text), ensure_ascii=False) for text in stored}
    ids = {text: n for n, text in enumerate(sorted(set(written.values())), start=1)}
    if ids:
        bind.execute(
            sa.text("INSERT INTO site_reasons (id, digest, text) VALUES (:id, :digest, :text)"),
            [{"id": n, "digest": hashlib.sha256(t.encode()).hexdigest(), "text": t} for t, n in ids.items()],
        )
    if not _sqlite():  # ids given: the sequence goes on after them
        op.execute("SELECT setval(pg_get_serial_sequence('site_reasons', 'id'), (SELECT max(id) FROM site_reasons))")
    # The stored text → its list's number, while the rows are copied (PostgreSQL: a hash index,
    # which takes a text of any length).
    op.create_table("tmp_site_reasons_of", sa.Column("stored", sa.Text()), sa.Column("id", sa.Integer()))
    if written:
        bind.execute(
            sa.text("INSERT INTO tmp_site_reasons_of (stored, id) VALUES (:stored, :id)"),
            [{"stored": text, "id": ids[normal]} for text, normal in written.items()],
        )
    using = "" if _sqlite() else " USING hash"
    op.execute(f"CREATE INDEX tmp_site_reasons_of_stored ON tmp_site_reasons_of{using} (stored)")

    sqlite_kwargs = {"sqlite_with_rowid": False} if _sqlite() else {}
    op.create_table(
        "site_month_new",
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("place_id", sa.String(64), nullable=False),
        sa.Column("colour", sa.String(8), nullable=False),
        sa.Column("reasons_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("month", "place_id", name="pk_site_month_new"),
        **sqlite_kwargs,
    )
    op.execute(
        "INSERT INTO site_month_new (month, place_id, colour, reasons_id) "
        "SELECT m.month, m.place_id, m.colour, r.id FROM site_month m "
        f"JOIN tmp_site_reasons_of r ON r.stored = {_as_text('m.reasons')}"
    )
    op.drop_index("ix_site_month_month", table_name="site_month")
    op.drop_table("site_month")
    op.rename_table("site_month_new", "site_month")
    _rename_primary_key("site_month", "pk_site_month_new", "pk_site_month", ["month", "place_id"])

    op.add_column("site_code", sa.Column("reasons_id", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE site_code SET reasons_id = (SELECT r.id FROM tmp_site_reasons_of r "
        f"WHERE r.stored = {_as_text('site_code.reasons')})"
    )
    with op.batch_alter_table("site_code", recreate="always" if _sqlite() else "auto", table_kwargs=sqlite_kwargs) as b:
        b.alter_column("reasons_id", existing_type=sa.Integer(), nullable=False)
        b.drop_column("reasons")
    op.drop_table("tmp_site_reasons_of")


def _rename_primary_key(table: str, old: str, new: str, columns: list[str]) -> None:
    """The primary key named as the models name it (the table was made under another name)."""
    if _sqlite():  # a constraint's name lives only in the table's SQL: made again with the table
        with op.batch_alter_table(table, recreate="always", table_kwargs={"sqlite_with_rowid": False}) as batch:
            batch.drop_constraint(old, type_="primary")
            batch.create_primary_key(new, columns)
    else:
        op.execute(f"ALTER TABLE {table} RENAME CONSTRAINT {old} TO {new}")


def downgrade() -> None:
    json_type = sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), "postgresql")
    cast = "" if _sqlite() else "::jsonb"
    op.add_column("site_code", sa.Column("reasons", json_type, nullable=True))
    op.execute(f"UPDATE site_code SET reasons = (SELECT r.text{cast} FROM site_reasons r WHERE r.id = site_code.reasons_id)")
    sqlite_kwargs = {"sqlite_with_rowid": False} if _sqlite() else {}
    with op.batch_alter_table("site_code", recreate="always" if _sqlite() else "auto", table_kwargs=sqlite_kwargs) as b:
        b.alter_column("reasons", existing_type=json_type, nullable=False)
        b.drop_column("reasons_id")

    op.create_table(
        "site_month_old",
        sa.Column("place_id", sa.String(64), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("committee_id", sa.String(36), nullable=False),
        sa.Column("town_id", sa.String(36), nullable=False),
        sa.Column("colour", sa.String(8), nullable=False),
        sa.Column("reasons", json_type, nullable=False),
        sa.PrimaryKeyConstraint("month", "place_id", name="pk_site_month_old"),
        **sqlite_kwargs,
    )
    op.execute(
        "INSERT INTO site_month_old (place_id, month, committee_id, town_id, colour, reasons) "
        f"SELECT m.place_id, m.month, p.committee_id, p.town_id, m.colour, r.text{cast} FROM site_month m "
        "JOIN site_place p ON p.id = m.place_id JOIN site_reasons r ON r.id = m.reasons_id"
    )
    op.drop_table("site_month")
    op.rename_table("site_month_old", "site_month")
    _rename_primary_key("site_month", "pk_site_month_old", "pk_site_month", ["month", "place_id"])
    op.create_index("ix_site_month_month", "site_month", ["month", "committee_id"])
    op.drop_table("site_reasons")
