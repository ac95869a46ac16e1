"""win-backs with their dated actions, and care records (gifts, coupons, points given)

Revision ID: 0017_winback_care
Revises: 0016_customer_merge
Create Date: 2026-12-03 20:20:00

New tables only; nothing existing changes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0017_winback_care'
down_revision: str | None = '0016_customer_merge'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _tracked_columns() -> list[sa.Column]:
    return [
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uid', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=64), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table('win_backs',
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('reminder_id', sa.Integer(), nullable=True),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    *_tracked_columns(),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_win_backs_customer_id_customers')),
    sa.ForeignKeyConstraint(['reminder_id'], ['reminders.id'], name=op.f('fk_win_backs_reminder_id_reminders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_win_backs')),
    sa.UniqueConstraint('uid', name=op.f('uq_win_backs_uid'))
    )
    op.create_index(op.f('ix_win_backs_customer_id'), 'win_backs', ['customer_id'], unique=False)
    op.create_index(op.f('ix_win_backs_updated_at'), 'win_backs', ['updated_at'], unique=False)

    op.create_table('win_back_actions',
    sa.Column('win_back_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('action', sa.String(length=200), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    *_tracked_columns(),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_win_back_actions_customer_id_customers')),
    sa.ForeignKeyConstraint(['win_back_id'], ['win_backs.id'], name=op.f('fk_win_back_actions_win_back_id_win_backs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_win_back_actions')),
    sa.UniqueConstraint('uid', name=op.f('uq_win_back_actions_uid'))
    )
    op.create_index('ix_win_back_actions_done_due', 'win_back_actions', ['done_on', 'due_on'], unique=False)
    op.create_index(op.f('ix_win_back_actions_win_back_id'), 'win_back_actions', ['win_back_id'], unique=False)
    op.create_index(op.f('ix_win_back_actions_customer_id'), 'win_back_actions', ['customer_id'], unique=False)
    op.create_index(op.f('ix_win_back_actions_updated_at'), 'win_back_actions', ['updated_at'], unique=False)

    op.create_table('care_records',
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('item', sa.String(length=200), nullable=False),
    sa.Column('value_cents', sa.BigInteger(), nullable=False),
    sa.Column('given_on', sa.Date(), nullable=False),
    sa.Column('occasion', sa.String(length=100), nullable=True),
    *_tracked_columns(),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_care_records_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_records')),
    sa.UniqueConstraint('uid', name=op.f('uq_care_records_uid'))
    )
    op.create_index(op.f('ix_care_records_customer_id'), 'care_records', ['customer_id'], unique=False)
    op.create_index(op.f('ix_care_records_given_on'), 'care_records', ['given_on'], unique=False)
    op.create_index(op.f('ix_care_records_updated_at'), 'care_records', ['updated_at'], unique=False)


def downgrade() -> None:
    op.drop_table('care_records')
    op.drop_table('win_back_actions')
    op.drop_table('win_backs')
