"""Alembic environment: always run on a connection handed in by ``storage.migrate``."""

from __future__ import annotations

from alembic import context

from takeover_planner.storage.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - we never run alembic's own CLI against a URL
    raise RuntimeError("Run migrations through `takeover-planner db upgrade`.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode copies the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
