"""Publishing: the ledger's resume fields on publish_job, and per-account publishing state.

Revision ID: 0004_publishing
Revises: 0003_team
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import takeover_planner.storage.types

revision = "0004_publishing"
down_revision = "0003_team"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("publish_job", schema=None) as batch_op:
        batch_op.add_column(sa.Column("advice", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("error_family", sa.String(length=20), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("status_seen", sa.String(length=20), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("containers_made", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(
            sa.Column("container_created_at", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("publish_requested_at", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("handoff_pack", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "account_publishing",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("upload_host", sa.String(length=200), nullable=False),
        sa.Column("token_ref", sa.String(length=64), nullable=True),
        sa.Column("token_set_at", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("token_expires_at", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("paused_until", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("pause_reason", sa.Text(), nullable=False),
        sa.Column("stopped_reason", sa.Text(), nullable=False),
        sa.Column("stopped_advice", sa.Text(), nullable=False),
        sa.Column("updated_at", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.id"], name=op.f("fk_account_publishing_account_id_account"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_account_publishing")),
    )


def downgrade() -> None:
    op.drop_table("account_publishing")
    with op.batch_alter_table("publish_job", schema=None) as batch_op:
        for name in ("handoff_pack", "publish_requested_at", "container_created_at", "containers_made",
                     "status_seen", "error_family", "advice"):
            batch_op.drop_column(name)
