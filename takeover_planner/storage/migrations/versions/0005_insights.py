"""Insights: story insights per published frame, the follower time series, follower goals.

Revision ID: 0005_insights
Revises: 0004_publishing
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import takeover_planner.storage.types

revision = "0005_insights"
down_revision = "0004_publishing"
branch_labels = None
depends_on = None


def _utc(name: str, nullable: bool) -> sa.Column:
    return sa.Column(name, takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    metrics = ("reach", "views", "replies", "shares", "follows", "profile_visits", "total_interactions",
               "taps_forward", "taps_back", "exits", "swipes_forward")
    op.create_table(
        "story_insight",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("frame_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("media_id", sa.String(length=64), nullable=False),
        _utc("published_at", False),
        *[sa.Column(name, sa.Integer(), nullable=True) for name in metrics],
        sa.Column("reads", sa.Integer(), nullable=False),
        _utc("first_read_at", True),
        _utc("last_read_at", True),
        _utc("last_attempt_at", True),
        sa.Column("not_enough_viewers", sa.Boolean(), nullable=False),
        sa.Column("gone", sa.Boolean(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        _utc("updated_at", False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], name=op.f("fk_story_insight_account_id_account"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["frame_id"], ["story_frame.id"], name=op.f("fk_story_insight_frame_id_story_frame"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_story_insight")),
        sa.UniqueConstraint("frame_id", name=op.f("uq_story_insight_frame_id")),
    )
    with op.batch_alter_table("story_insight", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_story_insight_account_id"), ["account_id"], unique=False)

    op.create_table(
        "follower_count",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        _utc("read_at", False),
        sa.Column("followers", sa.Integer(), nullable=False),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], name=op.f("fk_follower_count_account_id_account"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follower_count")),
    )
    with op.batch_alter_table("follower_count", schema=None) as batch_op:
        batch_op.create_index("ix_follower_count_account_read", ["account_id", "read_at"], unique=False)

    op.create_table(
        "follower_goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        _utc("set_at", False),
        sa.Column("set_by", sa.String(length=200), nullable=False),
        sa.Column("reached_on", sa.Date(), nullable=True),
        _utc("replaced_at", True),
        sa.Column("sample", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], name=op.f("fk_follower_goal_account_id_account"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follower_goal")),
    )
    with op.batch_alter_table("follower_goal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follower_goal_account_id"), ["account_id"], unique=False)


def downgrade() -> None:
    op.drop_table("follower_goal")
    op.drop_table("follower_count")
    op.drop_table("story_insight")
