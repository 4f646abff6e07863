"""Team mode enforced by PostgreSQL: person.login, the login a person connects with. On PostgreSQL
``storage.migrate`` installs the group roles, GRANTs, row-level security and triggers of ``storage.pg_security``
after this and every later migration (in the same transaction); SQLite gets the column only.

Revision ID: 0007_database_roles
Revises: 0006_drop_booking_lock
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_database_roles"
down_revision = "0006_drop_booking_lock"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("login", sa.String(length=63), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_person_login"), ["login"])


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_person_login"), type_="unique")
        batch_op.drop_column("login")
