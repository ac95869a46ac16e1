"""customer merge: a customer merged into another is a tombstone pointing at it; each merge is kept for its undo

Revision ID: 0016_customer_merge
Revises: 0015_import_fields
Create Date: 2026-12-03 20:30:00

Adds a column and a table only; no existing customer is merged.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0016_customer_merge'
down_revision: str | None = '0015_import_fields'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN (a batch copy of customers would have to drop the table every
    # other table refers to, see 0012). SQLite takes an inline REFERENCES on a column added as NULL,
    # which Alembic's add_column does not write for it.
    if op.get_bind().dialect.name == 'sqlite':
        op.execute('ALTER TABLE customers ADD COLUMN merged_into_id INTEGER '
                   'CONSTRAINT fk_customers_merged_into_id_customers REFERENCES customers (id)')
    else:
        op.add_column('customers', sa.Column('merged_into_id', sa.Integer(), nullable=True))
        op.create_foreign_key(op.f('fk_customers_merged_into_id_customers'), 'customers', 'customers',
                              ['merged_into_id'], ['id'])
    op.create_table(
        'customer_merges',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uid', sa.String(length=36), nullable=False),
        sa.Column('merged_at', sa.DateTime(), nullable=False),
        sa.Column('user', sa.String(length=64), nullable=True),
        sa.Column('kept_id', sa.Integer(), nullable=False),
        sa.Column('merged_id', sa.Integer(), nullable=False),
        sa.Column('moved', sa.JSON(), nullable=False),
        sa.Column('undone_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['kept_id'], ['customers.id'], name=op.f('fk_customer_merges_kept_id_customers')),
        sa.ForeignKeyConstraint(['merged_id'], ['customers.id'], name=op.f('fk_customer_merges_merged_id_customers')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_merges')),
        sa.UniqueConstraint('uid', name=op.f('uq_customer_merges_uid')),
    )
    op.create_index(op.f('ix_customer_merges_kept_id'), 'customer_merges', ['kept_id'], unique=False)
    op.create_index(op.f('ix_customer_merges_merged_id'), 'customer_merges', ['merged_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_customer_merges_merged_id'), table_name='customer_merges')
    op.drop_index(op.f('ix_customer_merges_kept_id'), table_name='customer_merges')
    op.drop_table('customer_merges')
    if op.get_bind().dialect.name != 'sqlite':
        op.drop_constraint(op.f('fk_customers_merged_into_id_customers'), 'customers', type_='foreignkey')
    op.drop_column('customers', 'merged_into_id')
