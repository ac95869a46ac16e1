"""customer figures kept for grading; interactions indexed by time

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 10:30:00

A derived table and an index only: the upgrade adds the table empty (the next re-grade fills
it) and touches no existing row. The index serves every read of contacts by time: the window
boundaries a re-grade moves, and the dashboard's periods.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('customer_figures',
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('purchase_count', sa.Integer(), nullable=False),
    sa.Column('spend_cents', sa.BigInteger(), nullable=False),
    sa.Column('first_purchase_day', sa.Integer(), nullable=True),
    sa.Column('last_purchase_day', sa.Integer(), nullable=True),
    sa.Column('purchase_days', sa.Integer(), nullable=False),
    sa.Column('median_gap', sa.Float(), nullable=True),
    sa.Column('window_count', sa.Integer(), nullable=False),
    sa.Column('window_days', sa.Integer(), nullable=False),
    sa.Column('window_spend_cents', sa.BigInteger(), nullable=False),
    sa.Column('previous_spend_cents', sa.BigInteger(), nullable=False),
    sa.Column('last_contact_day', sa.Integer(), nullable=True),
    sa.Column('satisfaction_sum', sa.Integer(), nullable=False),
    sa.Column('satisfaction_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_customer_figures_customer_id_customers')),
    sa.PrimaryKeyConstraint('customer_id', name=op.f('pk_customer_figures'))
    )
    op.create_index(op.f('ix_interactions_occurred_at'), 'interactions', ['occurred_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_interactions_occurred_at'), table_name='interactions')
    op.drop_table('customer_figures')
