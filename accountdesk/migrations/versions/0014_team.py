"""team safety: customer codes from a sequence on PostgreSQL

Revision ID: 0014_team
Revises: 0011_agenda
Create Date: 2026-12-03 10:00:00

On PostgreSQL new customer codes (C000001 …) are numbered by a sequence, which hands every
transaction its own numbers whether or not the others have committed: two people creating
customers at once no longer pick the same "highest code + 1". The sequence starts after the
highest such code in use. A file has one writer at a time and keeps numbering by the highest code.
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0014_team'
down_revision: str | None = '0011_agenda'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE SEQUENCE IF NOT EXISTS customer_code_seq AS bigint MINVALUE 1 START 1")
    op.execute(
        "SELECT setval('customer_code_seq', highest) FROM ("
        "SELECT max(substring(code from '^C([0-9]{1,18})$')::bigint) AS highest FROM customers) AS codes "
        "WHERE highest IS NOT NULL"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP SEQUENCE IF EXISTS customer_code_seq")
