"""Facebook Pages: a Page is an account of its own, an Instagram account may cross-post to one, and the publish
ledger keeps one row per frame **and channel**.

- ``account.platform``: ``instagram`` (every existing account) or ``facebook_page``.
- ``account.page_id``: the Facebook Page's id (Page accounts only).
- ``account.facebook_page_account_id``: the Page account an Instagram account's frames are cross-posted to
  (``NULL``: none). Deleting the Page account clears the link.
- ``publish_job.channel``: ``instagram`` (every existing row) or ``facebook``; the unique key is now
  ``(frame_id, channel)`` instead of ``frame_id`` alone, so a cross-posted frame has one job per channel.

PostgreSQL roles: the grants are per table and the row-level policies do not name columns, so the new columns
are covered as they are; ``pg_security`` is reinstalled after the migration anyway.

Revision ID: 0010_facebook_pages
Revises: 0009_department_note
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_facebook_pages"
down_revision = "0009_department_note"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("platform", sa.String(20), nullable=False, server_default="instagram"))
        batch_op.add_column(sa.Column("page_id", sa.String(64), nullable=True))
        batch_op.add_column(sa.Column("facebook_page_account_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_account_facebook_page_account_id_account"), "account",
                                    ["facebook_page_account_id"], ["id"], ondelete="SET NULL")
    with op.batch_alter_table("publish_job", schema=None) as batch_op:
        batch_op.add_column(sa.Column("channel", sa.String(20), nullable=False, server_default="instagram"))
        batch_op.drop_constraint("uq_publish_job_frame_id", type_="unique")
        batch_op.create_unique_constraint("uq_publish_job_frame_channel", ["frame_id", "channel"])


def downgrade() -> None:
    # A downgrade keeps the Instagram rows only: the old key allows one job per frame.
    op.execute("DELETE FROM publish_job WHERE channel <> 'instagram'")
    with op.batch_alter_table("publish_job", schema=None) as batch_op:
        batch_op.drop_constraint("uq_publish_job_frame_channel", type_="unique")
        batch_op.create_unique_constraint("uq_publish_job_frame_id", ["frame_id"])
        batch_op.drop_column("channel")
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_account_facebook_page_account_id_account"), type_="foreignkey")
        batch_op.drop_column("facebook_page_account_id")
        batch_op.drop_column("page_id")
        batch_op.drop_column("platform")
