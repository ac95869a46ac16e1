"""import fields: a customer's landline, region and the columns of a sheet that have no field

Revision ID: 0015_import_fields
Revises: 0012_revisit_cycle
Create Date: 2026-12-03 20:30:00

Adds columns only: a sheet's 座机 and 城市/地区 get fields of their own (region is a list
filter, hence its index), and every other column a sheet brings is kept in custom_fields
(header → text), so an import loses nothing.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0015_import_fields'
down_revision: str | None = '0012_revisit_cycle'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (see 0012): a batch copy of customers would drop the table others refer to.
    op.add_column('customers', sa.Column('landline', sa.String(length=40), nullable=True))
    op.add_column('customers', sa.Column('region', sa.String(length=100), nullable=True))
    op.add_column('customers', sa.Column('custom_fields', sa.JSON(), nullable=True))
    op.create_index(op.f('ix_customers_region'), 'customers', ['region'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_customers_region'), table_name='customers')
    # Column by column, not a batch: a batch rebuilds the table on SQLite and would lose the
    # expression indexes (birthday and cooperation month-day) that reflection cannot see.
    for column in ('custom_fields', 'region', 'landline'):
        op.drop_column('customers', column)
