"""Drop account.booking_lock: bookings lock the account row itself, the extra column was never used.

Revision ID: 0006_drop_booking_lock
Revises: 0005_insights
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_drop_booking_lock"
down_revision = "0005_insights"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_column("booking_lock")


def downgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("booking_lock", sa.Integer(), nullable=False, server_default="0"))
