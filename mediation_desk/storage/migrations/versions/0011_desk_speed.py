"""indexes and counters the start, the follow-ups and the roster need

Start and dashboard: cases by state and acceptance date (the open ones waiting too long are read
state by state, oldest first, from the index), changes of state by time (the latest ones), and
the judicial-confirmation deadlines not yet applied for (partial).

Follow-ups and roster: the visits not yet made get two partial indexes (by case, by date) and the
cases one by status with their ids, so the follow-ups due are counted from the index alone; open
cases per mediator are kept in `mediator_load` by triggers of the database itself, on every
change of an assignment or of a case's status, in the same transaction whoever writes it (the
services, a pull from the district, an import). The open states are written out here as they are
today (`mediation.states.OPEN_STATES`, a test holds them equal): a change of those needs a
revision that writes the triggers again.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# follow-ups and roster
OPEN = "('accepted', 'assigned', 'in_mediation', 'agreed', 'performing', 'follow_up')"
_CASE_OPEN = "(SELECT status FROM mediation_case WHERE id = {row}.case_id) IN " + OPEN
_ACTIVE_PAIR = (
    "(SELECT count(*) FROM case_assignment WHERE case_id = {row}.case_id"
    " AND mediator_id = {row}.mediator_id AND ended_at IS NULL)"
)
_PLUS_ONE = (
    "INSERT INTO mediator_load (mediator_id, open_cases) VALUES (new.mediator_id, 1)"
    " ON CONFLICT (mediator_id) DO UPDATE SET open_cases = open_cases + 1;"
)
_MINUS_ONE = "UPDATE mediator_load SET open_cases = open_cases - 1 WHERE mediator_id = old.mediator_id;"
_MOVED = "(old.case_id IS NOT new.case_id OR old.mediator_id IS NOT new.mediator_id)"
# A mediator counts a case once however many of their assignments on it are open: a row adds
# one when it is the pair's only open one, and takes one away when it was the last.
TRIGGERS = {
    "tr_mediator_load_assignment_added": f"""
        AFTER INSERT ON case_assignment
        WHEN new.ended_at IS NULL AND {_CASE_OPEN.format(row="new")} AND {_ACTIVE_PAIR.format(row="new")} = 1
        BEGIN {_PLUS_ONE} END""",
    "tr_mediator_load_assignment_removed": f"""
        AFTER DELETE ON case_assignment
        WHEN old.ended_at IS NULL AND {_CASE_OPEN.format(row="old")} AND {_ACTIVE_PAIR.format(row="old")} = 0
        BEGIN {_MINUS_ONE} END""",
    "tr_mediator_load_assignment_left": f"""
        AFTER UPDATE OF case_id, mediator_id, ended_at ON case_assignment
        WHEN old.ended_at IS NULL AND ({_MOVED} OR new.ended_at IS NOT NULL)
            AND {_CASE_OPEN.format(row="old")} AND {_ACTIVE_PAIR.format(row="old")} = 0
        BEGIN {_MINUS_ONE} END""",
    "tr_mediator_load_assignment_joined": f"""
        AFTER UPDATE OF case_id, mediator_id, ended_at ON case_assignment
        WHEN new.ended_at IS NULL AND ({_MOVED} OR old.ended_at IS NOT NULL)
            AND {_CASE_OPEN.format(row="new")} AND {_ACTIVE_PAIR.format(row="new")} = 1
        BEGIN {_PLUS_ONE} END""",
    "tr_mediator_load_case_status": f"""
        AFTER UPDATE OF status ON mediation_case
        WHEN (old.status IN {OPEN}) IS NOT (new.status IN {OPEN})
        BEGIN
            INSERT INTO mediator_load (mediator_id, open_cases)
            SELECT DISTINCT mediator_id, CASE WHEN new.status IN {OPEN} THEN 1 ELSE -1 END
            FROM case_assignment WHERE case_id = new.id AND ended_at IS NULL
            ON CONFLICT (mediator_id) DO UPDATE SET open_cases = open_cases + excluded.open_cases;
        END""",
    "tr_mediator_load_case_removed": f"""
        AFTER DELETE ON mediation_case
        WHEN old.status IN {OPEN}
        BEGIN
            UPDATE mediator_load SET open_cases = open_cases - 1 WHERE mediator_id IN
                (SELECT mediator_id FROM case_assignment WHERE case_id = old.id AND ended_at IS NULL);
        END""",
}


def upgrade() -> None:
    # start and dashboard
    _start_and_dashboard_up()

    # follow-ups and roster
    _followups_and_roster_up()


def downgrade() -> None:
    # follow-ups and roster
    _followups_and_roster_down()

    # start and dashboard
    _start_and_dashboard_down()


# start and dashboard
def _start_and_dashboard_up() -> None:
    """The dashboard's figures from indexes: open cases too long by state and acceptance date,
    the latest changes of state, judicial-confirmation deadlines not yet applied for."""
    with op.batch_alter_table("mediation_case", schema=None) as batch_op:
        batch_op.create_index("ix_case_status_accepted", ["status", "accepted_on", "number"], unique=False)
    with op.batch_alter_table("case_transition", schema=None) as batch_op:
        batch_op.create_index("ix_case_transition_at", ["at", "hlc"], unique=False)
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.create_index(
            "ix_agreement_judicial_pending",
            ["judicial_deadline"],
            unique=False,
            sqlite_where=sa.text("judicial_applied_on IS NULL"),
        )


def _start_and_dashboard_down() -> None:
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.drop_index("ix_agreement_judicial_pending")
    with op.batch_alter_table("case_transition", schema=None) as batch_op:
        batch_op.drop_index("ix_case_transition_at")
    with op.batch_alter_table("mediation_case", schema=None) as batch_op:
        batch_op.drop_index("ix_case_status_accepted")


def _followups_and_roster_up() -> None:
    with op.batch_alter_table("mediation_case", schema=None) as batch_op:
        batch_op.create_index("ix_case_status_id", ["status", "id"], unique=False)
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index(
            "ix_follow_up_pending_case",
            ["case_id", "due_on", "done_at"],
            unique=False,
            sqlite_where=sa.text("done_at IS NULL"),
        )
        batch_op.create_index(
            "ix_follow_up_pending_due", ["due_on", "case_id"], unique=False, sqlite_where=sa.text("done_at IS NULL")
        )
    op.create_table(
        "mediator_load",
        sa.Column("mediator_id", sa.String(length=36), nullable=False),
        sa.Column("open_cases", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("mediator_id", name=op.f("pk_mediator_load")),
    )
    op.execute(
        "INSERT INTO mediator_load (mediator_id, open_cases) SELECT m.id, (SELECT count(DISTINCT a.case_id)"
        " FROM case_assignment a JOIN mediation_case c ON c.id = a.case_id"
        f" WHERE a.mediator_id = m.id AND a.ended_at IS NULL AND c.status IN {OPEN}) FROM mediator m"
    )
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def _followups_and_roster_down() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("mediator_load")
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_pending_due")
        batch_op.drop_index("ix_follow_up_pending_case")
    with op.batch_alter_table("mediation_case", schema=None) as batch_op:
        batch_op.drop_index("ix_case_status_id")
