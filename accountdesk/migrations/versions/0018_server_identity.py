"""server identity: on PostgreSQL the server stamps every author; a merged copy's attribution is kept as text

Revision ID: 0018_server_identity
Revises: 0017_winback_care
Create Date: 2026-12-03 21:20:00

On PostgreSQL a trigger writes `session_user` into `updated_by` and into the change history's
`user`, whatever the client sent, so no member can write another name. The owner of the tables
(who can drop the trigger anyway) may keep the authors a restore brings by setting
`accountdesk.keep_authors` to on. SQLite keeps the typed name: a local file has no logins.
The change history gains where a merged entry came from and whom and when the copy claimed.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0018_server_identity'
down_revision: str | None = '0017_winback_care'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STAMP_FUNCTION = """
CREATE OR REPLACE FUNCTION accountdesk_stamp_author() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('accountdesk.keep_authors', true) = 'on'
       AND pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'audit_entries' THEN
        NEW."user" := session_user;
    ELSIF NEW.updated_by = 'AccountDesk' THEN
        -- The program's own planner (a plan it made or completed from a logged contact), never a
        -- person's name: kept, as the planner tells its own plans from those a person touched by it.
        RETURN NEW;
    ELSIF TG_OP = 'INSERT' OR NEW.version IS DISTINCT FROM OLD.version
          OR NEW.updated_by IS DISTINCT FROM OLD.updated_by THEN
        -- An edit (its version moves); what the system derives leaves the author as it was.
        NEW.updated_by := session_user;
    END IF;
    RETURN NEW;
END
$$
"""


def _stamped_tables() -> list[str]:
    rows = op.get_bind().exec_driver_sql(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND column_name = 'updated_by' ORDER BY table_name")
    return [row[0] for row in rows]


def upgrade() -> None:
    op.add_column('audit_entries', sa.Column('merged_from', sa.String(length=500), nullable=True))
    op.add_column('audit_entries', sa.Column('claimed_user', sa.String(length=64), nullable=True))
    op.add_column('audit_entries', sa.Column('claimed_at', sa.DateTime(), nullable=True))
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(STAMP_FUNCTION)
    for table in [*_stamped_tables(), 'audit_entries']:
        op.execute(f'CREATE TRIGGER accountdesk_stamp_author BEFORE INSERT OR UPDATE ON "{table}" '
                   'FOR EACH ROW EXECUTE FUNCTION accountdesk_stamp_author()')


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for table in [*_stamped_tables(), 'audit_entries']:
            op.execute(f'DROP TRIGGER IF EXISTS accountdesk_stamp_author ON "{table}"')
        op.execute('DROP FUNCTION IF EXISTS accountdesk_stamp_author()')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_column('claimed_at')
        batch_op.drop_column('claimed_user')
        batch_op.drop_column('merged_from')
