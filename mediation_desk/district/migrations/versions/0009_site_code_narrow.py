"""site_code narrowed to what a current code is (place, colour, reasons, period, moment): its
committee and town are the place's (site_place), and nothing reads them from here. Month end
rewrites every row each month: a narrower row is fewer pages to write and to log.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    # SQLite: the table made again (its rows in the key's order, as revision 0007 keeps them).
    # PostgreSQL: the columns dropped (their indexes and foreign keys with them); each row is
    # written without them at its next update — month end's, within the month.
    kwargs = {"sqlite_with_rowid": False} if _sqlite() else {}
    with op.batch_alter_table("site_code", recreate="always" if _sqlite() else "auto", table_kwargs=kwargs) as b:
        b.drop_index("ix_site_code_committee_id")
        b.drop_index("ix_site_code_town_id")
        b.drop_constraint("fk_site_code_committee_id_committee", type_="foreignkey")
        b.drop_constraint("fk_site_code_town_id_town", type_="foreignkey")
        b.drop_column("committee_id")
        b.drop_column("town_id")


def downgrade() -> None:
    kwargs = {"sqlite_with_rowid": False} if _sqlite() else {}
    op.add_column("site_code", sa.Column("committee_id", sa.String(36), nullable=True))
    op.add_column("site_code", sa.Column("town_id", sa.String(36), nullable=True))
    op.execute(
        "UPDATE site_code SET committee_id = (SELECT p.committee_id FROM site_place p WHERE p.id = site_code.place_id), "
        "town_id = (SELECT p.town_id FROM site_place p WHERE p.id = site_code.place_id)"
    )
    with op.batch_alter_table("site_code", recreate="always" if _sqlite() else "auto", table_kwargs=kwargs) as b:
        b.alter_column("committee_id", existing_type=sa.String(36), nullable=False)
        b.alter_column("town_id", existing_type=sa.String(36), nullable=False)
        b.create_foreign_key("fk_site_code_committee_id_committee", "committee", ["committee_id"], ["id"])
        b.create_foreign_key("fk_site_code_town_id_town", "town", ["town_id"], ["id"])
        b.create_index("ix_site_code_committee_id", ["committee_id"])
        b.create_index("ix_site_code_town_id", ["town_id"])
