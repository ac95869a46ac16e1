"""revisit cycle: a lifecycle stage set by hand is locked; dated follow-ups are revisit plans

Revision ID: 0012_revisit_cycle
Revises: 0013_errors
Create Date: 2026-12-03 16:00:00

Adds columns only. Every existing customer's stage stays unlocked (as a re-grade treated it
until now), and every existing plan is a revisit, not a follow-up.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012_revisit_cycle'
down_revision: str | None = '0013_errors'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN: a batch copy of customers would have to drop the table every
    # other table refers to, which SQLite's foreign keys refuse once the book has customers.
    op.add_column('customers', sa.Column('stage_locked', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column('customers', sa.Column('stage_lock_reason', sa.Text(), nullable=True))
    # Nothing refers to revisit_plans, so SQLite may copy it to add the foreign key.
    with op.batch_alter_table('revisit_plans', schema=None) as batch_op:
        batch_op.add_column(sa.Column('origin_interaction_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_revisit_plans_origin_interaction_id_interactions'), 'interactions',
                                    ['origin_interaction_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_revisit_plans_origin_interaction_id'), ['origin_interaction_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('revisit_plans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_revisit_plans_origin_interaction_id'))
        batch_op.drop_constraint(batch_op.f('fk_revisit_plans_origin_interaction_id_interactions'), type_='foreignkey')
        batch_op.drop_column('origin_interaction_id')
    op.drop_column('customers', 'stage_lock_reason')
    op.drop_column('customers', 'stage_locked')
