"""Publishing follows the plan and Meta's answers: why an account is stopped, and the upload address Meta gave.

- ``account_publishing.stop_family``: the family of the stop (token, permission, spam, restricted). A spam or
  restriction stop is lifted only by a person, never by a working token.
- ``publish_job.upload_uri``: the resumable upload address returned when the container was made.

Revision ID: 0008_publish_plan
Revises: 0007_database_roles
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_publish_plan"
down_revision = "0007_database_roles"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("account_publishing", schema=None) as batch_op:
        batch_op.add_column(sa.Column("stop_family", sa.String(20), nullable=False, server_default=""))
    with op.batch_alter_table("publish_job", schema=None) as batch_op:
        batch_op.add_column(sa.Column("upload_uri", sa.String(500), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("publish_job", schema=None) as batch_op:
        batch_op.drop_column("upload_uri")
    with op.batch_alter_table("account_publishing", schema=None) as batch_op:
        batch_op.drop_column("stop_family")
