"""database identity in meta: tells a copy of this database from another company's file

Revision ID: 0013_errors
Revises: 0014_team
Create Date: 2026-12-03 16:50:00

One row in meta ('database_id'), no schema change. Copies of one database must agree on it even
when each copy is upgraded on its own machine, so it is not drawn at random: it is the uid of the
first tier policy, which the database got when it was created and every copy carries. A database
without one (all its policies purged) gets a new uid.
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013_errors'
down_revision: str | None = '0014_team'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

IDENTITY_KEY = "database_id"


def upgrade() -> None:
    connection = op.get_bind()
    meta = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    if connection.execute(sa.select(meta.c.value).where(meta.c.key == IDENTITY_KEY)).first() is not None:
        return
    policies = sa.table("tier_policies", sa.column("id", sa.Integer), sa.column("uid", sa.String))
    first = connection.execute(sa.select(policies.c.uid).order_by(policies.c.id).limit(1)).scalar()
    op.bulk_insert(meta, [{"key": IDENTITY_KEY, "value": str(first or uuid.uuid4())}])


def downgrade() -> None:
    meta = sa.table("meta", sa.column("key", sa.String))
    op.execute(meta.delete().where(meta.c.key == IDENTITY_KEY))
