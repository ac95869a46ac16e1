"""customer activity cache for the daily churn check; covering and month-day indexes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 22:10:00

A derived table and indexes only: the upgrade adds the table empty (the first reminder run
fills it) and touches no existing row.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('customer_activity',
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('entered_day', sa.Integer(), nullable=False),
    sa.Column('last_purchase_day', sa.Integer(), nullable=True),
    sa.Column('purchase_days', sa.Integer(), nullable=False),
    sa.Column('median_gap', sa.Float(), nullable=True),
    sa.Column('recent_spend_cents', sa.BigInteger(), nullable=False),
    sa.Column('previous_spend_cents', sa.BigInteger(), nullable=False),
    sa.Column('last_contact_day', sa.Integer(), nullable=True),
    sa.Column('changed_day', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_customer_activity_customer_id_customers')),
    sa.PrimaryKeyConstraint('customer_id', name=op.f('pk_customer_activity'))
    )
    live = sa.text("deleted_at IS NULL")
    op.create_index('ix_transactions_live_by_customer', 'transactions', ['customer_id', 'occurred_on', 'amount_cents'],
                    sqlite_where=live, postgresql_where=live)
    op.create_index('ix_interactions_live_by_customer', 'interactions', ['customer_id', 'occurred_at', 'satisfaction'],
                    sqlite_where=live, postgresql_where=live)
    # Birthdays and anniversaries are looked up by month and day (accountdesk.core.storage.sql.month_day
    # writes the same expressions, so the lookups use these indexes).
    op.create_index('ix_contacts_birthday', 'contacts', ['birth_month', 'birth_day'])
    postgres = op.get_bind().dialect.name == "postgresql"
    for column in ("birthday", "cooperation_since"):
        expression = (f"(EXTRACT(MONTH FROM {column}) * 100 + EXTRACT(DAY FROM {column}))" if postgres
                      else f"substr({column}, 6)")
        op.execute(f"CREATE INDEX ix_customers_{column}_month_day ON customers ({expression}) "
                   f"WHERE {column} IS NOT NULL")


def downgrade() -> None:
    op.drop_index('ix_customers_cooperation_since_month_day', table_name='customers')
    op.drop_index('ix_customers_birthday_month_day', table_name='customers')
    op.drop_index('ix_contacts_birthday', table_name='contacts')
    op.drop_index('ix_interactions_live_by_customer', table_name='interactions')
    op.drop_index('ix_transactions_live_by_customer', table_name='transactions')
    op.drop_table('customer_activity')
