"""site codes' month end writes in order: site_month keyed month first (a month's rows go to the
end of the key's index together); on SQLite site_month and site_code keep their rows in the key's
order (WITHOUT ROWID)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _rebuild(month_first: bool) -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    kwargs = {"sqlite_with_rowid": not month_first} if sqlite else {}
    columns = ["month", "place_id"] if month_first else ["place_id", "month"]
    with op.batch_alter_table("site_month", recreate="always" if sqlite else "auto", table_kwargs=kwargs) as batch:
        batch.drop_constraint("pk_site_month", type_="primary")
        batch.create_primary_key("pk_site_month", columns)
    if sqlite:
        with op.batch_alter_table("site_code", recreate="always", table_kwargs=kwargs):
            pass


def upgrade() -> None:
    _rebuild(month_first=True)


def downgrade() -> None:
    _rebuild(month_first=False)
