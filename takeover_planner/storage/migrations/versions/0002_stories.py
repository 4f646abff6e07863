"""Stories: media assets, submissions, frames, consent, review decisions, the publish ledger.

Revision ID: 0002_stories
Revises: 0001_planning
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import takeover_planner.storage.types

revision = "0002_stories"
down_revision = "0001_planning"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "media_asset",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("display_width", sa.Integer(), nullable=True),
        sa.Column("display_height", sa.Integer(), nullable=True),
        sa.Column("duration_s", sa.Float(), nullable=True),
        sa.Column("original_name", sa.String(length=500), nullable=False),
        sa.Column("probe", sa.JSON(), nullable=True),
        sa.Column("findings", sa.JSON(), nullable=True),
        sa.Column("derived_from_id", sa.Integer(), nullable=True),
        sa.Column("recipe", sa.JSON(), nullable=True),
        sa.Column("created_at", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["derived_from_id"], ["media_asset.id"], name=op.f("fk_media_asset_derived_from_id_media_asset")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_media_asset")),
        sa.UniqueConstraint("sha256", name=op.f("uq_media_asset_sha256")),
    )
    with op.batch_alter_table("media_asset", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_media_asset_derived_from_id"), ["derived_from_id"], unique=False)
    op.create_table(
        "consent_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("given_by", sa.String(length=20), nullable=False),
        sa.Column("scope", sa.JSON(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("withdrawn_at", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_by", sa.String(length=200), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["department.id"], name=op.f("fk_consent_record_department_id_department")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_record")),
    )
    with op.batch_alter_table("consent_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_record_department_id"), ["department_id"], unique=False)
    op.create_table(
        "submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slot_id", sa.Integer(), nullable=False),
        sa.Column("package_sha256", sa.String(length=64), nullable=False),
        sa.Column("submission_uid", sa.String(length=64), nullable=False),
        sa.Column("contributor", sa.String(length=200), nullable=False),
        sa.Column("imported_at", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["slot_id"], ["takeover_slot.id"], name=op.f("fk_submission_slot_id_takeover_slot")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submission")),
        sa.UniqueConstraint("package_sha256", name=op.f("uq_submission_package_sha256")),
        sa.UniqueConstraint("submission_uid", name=op.f("uq_submission_submission_uid")),
    )
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_submission_slot_id"), ["slot_id"], unique=False)
    op.create_table(
        "story_frame",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slot_id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("original_asset_id", sa.Integer(), nullable=True),
        sa.Column("derivative_asset_id", sa.Integer(), nullable=True),
        sa.Column("planned_at", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("sticker_kind", sa.String(length=20), nullable=False),
        sa.Column("sticker_value", sa.Text(), nullable=False),
        sa.Column("credit", sa.String(length=300), nullable=False),
        sa.Column("shows_people", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=30), nullable=False),
        sa.Column("created_at", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["derivative_asset_id"],
            ["media_asset.id"],
            name=op.f("fk_story_frame_derivative_asset_id_media_asset"),
        ),
        sa.ForeignKeyConstraint(
            ["original_asset_id"],
            ["media_asset.id"],
            name=op.f("fk_story_frame_original_asset_id_media_asset"),
        ),
        sa.ForeignKeyConstraint(
            ["slot_id"], ["takeover_slot.id"], name=op.f("fk_story_frame_slot_id_takeover_slot")
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"], ["submission.id"], name=op.f("fk_story_frame_submission_id_submission")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_story_frame")),
    )
    with op.batch_alter_table("story_frame", schema=None) as batch_op:
        batch_op.create_index("ix_story_frame_slot_position", ["slot_id", "position"], unique=False)
        batch_op.create_index(batch_op.f("ix_story_frame_submission_id"), ["submission_id"], unique=False)
    op.create_table(
        "frame_consent",
        sa.Column("frame_id", sa.Integer(), nullable=False),
        sa.Column("consent_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consent_id"], ["consent_record.id"], name=op.f("fk_frame_consent_consent_id_consent_record")
        ),
        sa.ForeignKeyConstraint(
            ["frame_id"],
            ["story_frame.id"],
            name=op.f("fk_frame_consent_frame_id_story_frame"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("frame_id", "consent_id", name=op.f("pk_frame_consent")),
    )
    op.create_table(
        "publish_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("frame_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=30), nullable=False),
        sa.Column("step", sa.String(length=40), nullable=False),
        sa.Column("due_at", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("container_id", sa.String(length=64), nullable=True),
        sa.Column("media_id", sa.String(length=64), nullable=True),
        sa.Column("hosted_name", sa.String(length=200), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column(
            "next_attempt_at", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=True
        ),
        sa.Column("claimed_by", sa.String(length=200), nullable=True),
        sa.Column("claimed_until", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("published_at", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("published_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.id"], name=op.f("fk_publish_job_account_id_account")
        ),
        sa.ForeignKeyConstraint(
            ["frame_id"], ["story_frame.id"], name=op.f("fk_publish_job_frame_id_story_frame")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publish_job")),
        sa.UniqueConstraint("frame_id", name="uq_publish_job_frame_id"),
    )
    with op.batch_alter_table("publish_job", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_publish_job_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_publish_job_due_at"), ["due_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_publish_job_state"), ["state"], unique=False)
    op.create_table(
        "review_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("frame_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=30), nullable=False),
        sa.Column("by", sa.String(length=200), nullable=False),
        sa.Column("at", takeover_planner.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["frame_id"],
            ["story_frame.id"],
            name=op.f("fk_review_decision_frame_id_story_frame"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_decision")),
    )
    with op.batch_alter_table("review_decision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_decision_frame_id"), ["frame_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("review_decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_decision_frame_id"))
    op.drop_table("review_decision")
    with op.batch_alter_table("publish_job", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_publish_job_state"))
        batch_op.drop_index(batch_op.f("ix_publish_job_due_at"))
        batch_op.drop_index(batch_op.f("ix_publish_job_account_id"))
    op.drop_table("publish_job")
    op.drop_table("frame_consent")
    with op.batch_alter_table("story_frame", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_story_frame_submission_id"))
        batch_op.drop_index("ix_story_frame_slot_position")
    op.drop_table("story_frame")
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submission_slot_id"))
    op.drop_table("submission")
    with op.batch_alter_table("consent_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_record_department_id"))
    op.drop_table("consent_record")
    with op.batch_alter_table("media_asset", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_media_asset_derived_from_id"))
    op.drop_table("media_asset")
