"""A slot's note to the department, apart from the comms team's internal note.

- ``takeover_slot.department_note``: what the department is told (the brief, the letter, the ``.eml``, the
  contributor kit). Nullable: no note is ``NULL``.
- ``takeover_slot.notes`` stays and is from now on the **internal** note, seen only by the comms team.

Existing notes stay internal on upgrade: nothing is copied into ``department_note``. Until now a slot had only one
note and it went into the department's letter, but it was written by planners for planners as often as for the
department; copying it over would keep sending internal remarks out of the building. After the upgrade the letter
carries no note until a planner writes a note to the department, which is the safe direction to err in.

Revision ID: 0009_department_note
Revises: 0008_publish_plan
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_department_note"
down_revision = "0008_publish_plan"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("takeover_slot", schema=None) as batch_op:
        batch_op.add_column(sa.Column("department_note", sa.Text(), nullable=True))


def downgrade() -> None:
    # The note to the department is lost on a downgrade; the internal note is untouched.
    with op.batch_alter_table("takeover_slot", schema=None) as batch_op:
        batch_op.drop_column("department_note")
