"""the day's agenda: revisits levelled onto working days, each owner's daily capacity

Revision ID: 0011_agenda
Revises: 0003
Create Date: 2026-12-03 10:00:00

Two nullable columns and an index: the upgrade touches no existing row. A plan without
`planned_for` counts on its due date until the next reminder run levels it; an owner without
`daily_capacity` gets the default.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011_agenda'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('revisit_plans', schema=None) as batch_op:
        batch_op.add_column(sa.Column('planned_for', sa.Date(), nullable=True))
        batch_op.create_index('ix_revisit_plans_owner_planned', ['owner_id', 'planned_for'], unique=False)
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('daily_capacity', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('daily_capacity')
    with op.batch_alter_table('revisit_plans', schema=None) as batch_op:
        batch_op.drop_index('ix_revisit_plans_owner_planned')
        batch_op.drop_column('planned_for')
