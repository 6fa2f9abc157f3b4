"""the indexes the monthly report and its series need

The report counts each case in the month of its legal date: status changes by their target and
day, the moves in and out of the open states (月末在办 as a difference of counts), the changes that
credit a prevention (防止民转刑 …; few rows, hence a partial index), and agreements by the dates
they take effect on — written ones when signed, oral ones when reached.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_transition", schema=None) as batch_op:
        batch_op.create_index("ix_case_transition_to_at", ["to_status", "at", "case_id"], unique=False)
        batch_op.create_index("ix_case_transition_moves", ["to_status", "from_status", "at"], unique=False)
        batch_op.create_index(
            "ix_case_transition_prevented",
            ["at"],
            unique=False,
            sqlite_where=sa.text("json_extract(details, '$.prevented') IS NOT NULL"),
        )
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        # Covering: a month of successes is read from the index alone.
        success = ["withdrawn_on", "invalidated_on", "case_id", "amount_fen"]
        batch_op.create_index("ix_agreement_effective_on", ["effective_on", "form", *success], unique=False)
        batch_op.create_index(
            "ix_agreement_form_reached_on", ["form", "reached_on", "effective_on", *success], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.drop_index("ix_agreement_form_reached_on")
        batch_op.drop_index("ix_agreement_effective_on")
    with op.batch_alter_table("case_transition", schema=None) as batch_op:
        batch_op.drop_index("ix_case_transition_prevented")
        batch_op.drop_index("ix_case_transition_moves")
        batch_op.drop_index("ix_case_transition_to_at")
