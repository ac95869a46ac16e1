"""row security: roles rep / manager / admin, teams, collaborators, and on PostgreSQL the server enforcing who sees which customer

Revision ID: 0020_row_security
Revises: 0018_server_identity
Create Date: 2026-12-04 10:00:00

Users gain a team; the roles become rep (a key-account manager, formerly 'manager', the default),
manager (sees the team, formerly 'senior') and admin. A customer may have collaborators (协作人),
read-only or read-write.

On PostgreSQL every table that holds a customer's data gets row-level security: a login sees the
customers it owns, those it collaborates on, its team's when it is a manager, every customer when it
is an admin, and the pool of customers nobody owns (公海, owner_id NULL), which any member may claim.
Rows hanging off a customer (every table with a customer_id, and a merge by the customer kept)
follow their customer. The login is `session_user` matched to
`users.name`; a login without a users row is treated as a rep who owns nothing. The owner of the
tables (who ran the migrations) and superusers are not subject to row security; members of the
owner's role count as admins. The policies read the login's role through SECURITY DEFINER
functions, so a policy never evaluates another table's policy on users or collaborators.
SQLite keeps no logins, so a local file is unchanged but for the new columns.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0020_row_security'
down_revision: str | None = '0018_server_identity'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The login's facts, read as the tables' owner (SECURITY DEFINER): the policies call them, and a
# policy reading users or customer_collaborators directly would apply those tables' own policies.
FUNCTIONS = """
CREATE OR REPLACE FUNCTION accountdesk_login_is_admin() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    SELECT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = '{schema}.customers'::regclass), 'MEMBER')
        OR EXISTS (SELECT 1 FROM users WHERE name = session_user AND role = 'admin' AND active AND deleted_at IS NULL)
$$;
CREATE OR REPLACE FUNCTION accountdesk_login_user_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    SELECT id FROM users WHERE name = session_user AND active AND deleted_at IS NULL
$$;
-- The owners whose customers the login sees by ownership: itself, and its team when a manager.
CREATE OR REPLACE FUNCTION accountdesk_login_owner_ids() RETURNS SETOF integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    SELECT other.id FROM users me JOIN users other
        ON other.id = me.id OR (me.role = 'manager' AND me.team IS NOT NULL AND other.team = me.team)
    WHERE me.name = session_user AND me.active AND me.deleted_at IS NULL
$$;
-- The customers the login collaborates on (with writing: only those it may change).
CREATE OR REPLACE FUNCTION accountdesk_login_shared_ids(writing boolean) RETURNS SETOF integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    SELECT shared.customer_id FROM customer_collaborators shared JOIN users me ON me.id = shared.user_id
    WHERE me.name = session_user AND me.active AND me.deleted_at IS NULL AND (shared.can_write OR NOT writing)
$$;
-- Who owns a customer changes only by the rules: a rep claims from the pool or gives back to it;
-- managers (within their team, the policies see to that) and admins hand over.
CREATE OR REPLACE FUNCTION accountdesk_guard_owner() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    me integer := accountdesk_login_user_id();
BEGIN
    IF NEW.owner_id IS NOT DISTINCT FROM OLD.owner_id OR accountdesk_login_is_admin()
       OR EXISTS (SELECT 1 FROM users WHERE id = me AND role = 'manager') THEN
        RETURN NEW;
    END IF;
    IF (OLD.owner_id IS NULL AND NEW.owner_id = me) OR (OLD.owner_id = me AND NEW.owner_id IS NULL) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'accountdesk: only a manager or an admin may hand over customer %', OLD.code
        USING ERRCODE = '42501';
END
$$;
"""

FUNCTION_NAMES = ("accountdesk_guard_owner()", "accountdesk_login_shared_ids(boolean)",
                  "accountdesk_login_owner_ids()", "accountdesk_login_user_id()", "accountdesk_login_is_admin()")


def customer_rule(owner: str, customer: str, *, writing: bool) -> str:
    """A customer (its owner and id columns) the login may see, or change when `writing`."""
    shared = "true" if writing else "false"
    return (f"({owner} IS NULL OR (SELECT accountdesk_login_is_admin()) "
            f"OR {owner} IN (SELECT accountdesk_login_owner_ids()) "
            f"OR {customer} IN (SELECT accountdesk_login_shared_ids({shared})))")


def _through_customer(table: str, column: str, *, writing: bool, managing: bool = False) -> str:
    # The subquery reads customers under customers' own policy: seeing is seeing the customer.
    if managing:  # collaborators are chosen by whoever holds the customer, not by a collaborator
        rule = "(c.owner_id IS NULL OR (SELECT accountdesk_login_is_admin()) " \
               "OR c.owner_id IN (SELECT accountdesk_login_owner_ids()))"
    else:
        rule = customer_rule("c.owner_id", "c.id", writing=True) if writing else "true"
    return f"EXISTS (SELECT 1 FROM customers c WHERE c.id = {table}.{column} AND {rule})"


# Tables naming their customer otherwise than by customer_id: the column, and whether it may be NULL.
OTHER_CUSTOMER_COLUMNS: dict[str, tuple[str, bool]] = {"customer_merges": ("kept_id", False)}


def customer_tables() -> dict[str, tuple[str, bool]]:
    """Every table naming a customer → (its column, whether a row may name none: everyone sees it).

    Read from the schema, so a table a parallel migration added before this one is covered too."""
    rows = op.get_bind().exec_driver_sql(
        "SELECT table_name, is_nullable = 'YES' FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND column_name = 'customer_id' ORDER BY table_name")
    return {**{table: ("customer_id", bool(optional)) for table, optional in rows}, **OTHER_CUSTOMER_COLUMNS}


def _policies() -> list[str]:
    see = customer_rule("owner_id", "id", writing=False)
    change = customer_rule("owner_id", "id", writing=True)
    statements = [
        "ALTER TABLE customers ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY accountdesk_see ON customers FOR SELECT USING {see}",
        f"CREATE POLICY accountdesk_add ON customers FOR INSERT WITH CHECK {change}",
        # Seen but not changeable (a read-only collaborator): the update is refused, not skipped.
        f"CREATE POLICY accountdesk_change ON customers FOR UPDATE USING {see} WITH CHECK {change}",
        f"CREATE POLICY accountdesk_remove ON customers FOR DELETE USING {change}",
        "CREATE TRIGGER accountdesk_guard_owner BEFORE UPDATE OF owner_id ON customers "
        "FOR EACH ROW EXECUTE FUNCTION accountdesk_guard_owner()",
        # Everyone sees the team's names; only admins change who is who.
        "ALTER TABLE users ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY accountdesk_see ON users FOR SELECT USING (true)",
        "CREATE POLICY accountdesk_admin ON users FOR ALL USING ((SELECT accountdesk_login_is_admin())) "
        "WITH CHECK ((SELECT accountdesk_login_is_admin()))",
    ]
    for table, (column, optional) in customer_tables().items():
        none = f"{table}.{column} IS NULL OR " if optional else ""
        managing = table == "customer_collaborators"
        see = f"({none}{_through_customer(table, column, writing=False)})"
        change = f"({none}{_through_customer(table, column, writing=True, managing=managing)})"
        statements += [
            f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY',
            f'CREATE POLICY accountdesk_see ON "{table}" FOR SELECT USING {see}',
            f'CREATE POLICY accountdesk_add ON "{table}" FOR INSERT WITH CHECK {change}',
            f'CREATE POLICY accountdesk_change ON "{table}" FOR UPDATE USING {see} WITH CHECK {change}',
            f'CREATE POLICY accountdesk_remove ON "{table}" FOR DELETE USING {change}',
        ]
    return statements


def upgrade() -> None:
    op.add_column('users', sa.Column('team', sa.String(length=64), nullable=True))
    op.execute("UPDATE users SET role = CASE role WHEN 'manager' THEN 'rep' WHEN 'senior' THEN 'manager' "
               "ELSE role END")
    op.create_table(
        'customer_collaborators',
        sa.Column('customer_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('can_write', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['customer_id'], ['customers.id'],
                                name=op.f('fk_customer_collaborators_customer_id_customers'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_customer_collaborators_user_id_users'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('customer_id', 'user_id', name=op.f('pk_customer_collaborators')),
    )
    op.create_index(op.f('ix_customer_collaborators_user_id'), 'customer_collaborators', ['user_id'], unique=False)
    if op.get_bind().dialect.name != 'postgresql':
        return
    schema = op.get_bind().exec_driver_sql("SELECT current_schema()").scalar()
    op.execute(FUNCTIONS.format(schema=schema))
    for statement in _policies():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for table in ['customers', 'users', *customer_tables()]:
            for policy in ('accountdesk_see', 'accountdesk_add', 'accountdesk_change', 'accountdesk_remove',
                           'accountdesk_admin'):
                op.execute(f'DROP POLICY IF EXISTS {policy} ON "{table}"')
            op.execute(f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY')
        op.execute('DROP TRIGGER IF EXISTS accountdesk_guard_owner ON customers')
        for function in FUNCTION_NAMES:
            op.execute(f'DROP FUNCTION IF EXISTS {function}')
    op.drop_index(op.f('ix_customer_collaborators_user_id'), table_name='customer_collaborators')
    op.drop_table('customer_collaborators')
    op.execute("UPDATE users SET role = CASE role WHEN 'manager' THEN 'senior' WHEN 'rep' THEN 'manager' "
               "ELSE role END")
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('team')
