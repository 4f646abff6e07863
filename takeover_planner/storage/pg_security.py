"""What PostgreSQL itself enforces in team mode: group roles, GRANTs, row-level security and the audit trigger.

The login that created the tables (ran the first ``db upgrade``) owns them and is the administrator: it bypasses
row-level security and counts as a comms officer. Everyone else connects with their own login, which is a member
of one group role per database and schema (``<prefix>_comms``, ``<prefix>_contributor``, ``<prefix>_reader``);
the GRANTs and policies below decide what each group may read and write, whatever the app or ``psql`` sends.

Functions the policies call are SECURITY DEFINER with a pinned ``search_path``: they read ``person`` for the
connected login (``session_user``: inside a definer function ``current_user`` is the owner) without giving anyone
else read access through them. ``install`` is idempotent and runs after every migration (``storage.migrate``)
and from ``db upgrade`` when something is missing; ``status`` says what is in place. docs/security.md explains
the model.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

from takeover_planner.domain.roles import Role

# Frame states a contributor may leave a frame in; approving, scheduling and publishing are the comms officers'.
CONTRIBUTOR_FRAME_STATES = ("draft", "submitted", "changes_requested", "withdrawn")
# Columns of a slot a contributor may change (its days, status, account and department are the planners', the
# internal note the comms team's).
CONTRIBUTOR_SLOT_COLUMNS = ("department_note", "news_url", "material_deadline", "campaign_id", "version",
                            "updated_at")
# Columns of a slot only the comms team may read: the internal note. Contributors and readers get SELECT on
# every other column; the ORM defers this one (storage.models) and loads it for the comms team only.
COMMS_ONLY_SLOT_COLUMNS = ("notes",)
# The internal note's own audit entries (services/booking.py), read by the comms team only.
INTERNAL_NOTE_AUDIT_ENTITY = "slot_note"
# Audit rows readers and other departments may see: the plan's own history, never people or consent.
PUBLIC_AUDIT_ENTITIES = ("account", "campaign", "blackout")

_MAX_NAME = 63  # PostgreSQL's identifier length
_LONGEST_SUFFIX = len("_contributor")


@dataclass(frozen=True)
class GroupRoles:
    comms: str
    contributor: str
    reader: str

    def for_role(self, role: Role) -> str:
        return {Role.COMMS_OFFICER: self.comms, Role.CONTRIBUTOR: self.contributor, Role.READER: self.reader}[role]

    @property
    def all(self) -> tuple[str, str, str]:
        return (self.comms, self.contributor, self.reader)


@dataclass(frozen=True)
class SecurityStatus:
    """What ``db status`` reports on PostgreSQL."""

    roles: GroupRoles
    roles_present: bool
    policies_present: bool  # row-level security on every table that needs it, and the identity functions
    audit_trigger_present: bool
    owner: str

    @property
    def installed(self) -> bool:
        return self.roles_present and self.policies_present and self.audit_trigger_present


def role_prefix(database: str, schema: str) -> str:
    """``tp_<database>`` (plus ``_<schema>`` outside ``public``): roles are cluster-wide, so two team databases
    (or two schemas) on one server never share a group. Too long a name keeps a hash of the whole."""
    raw = database if schema == "public" else f"{database}_{schema}"
    clean = re.sub(r"[^a-z0-9_]+", "_", raw.lower()).strip("_") or "db"
    prefix = f"tp_{clean}"
    limit = _MAX_NAME - _LONGEST_SUFFIX
    if len(prefix) > limit:
        digest = hashlib.sha1(raw.encode()).hexdigest()[:8]
        prefix = f"{prefix[: limit - 9]}_{digest}"
    return prefix


def group_roles(conn: Connection) -> GroupRoles:
    database, schema = conn.execute(text("SELECT current_database(), current_schema()")).one()
    prefix = role_prefix(str(database), str(schema))
    return GroupRoles(f"{prefix}_comms", f"{prefix}_contributor", f"{prefix}_reader")


def _q(conn: Connection, name: str) -> str:
    """An identifier quoted by the server itself."""
    return str(conn.execute(text("SELECT quote_ident(:n)"), {"n": name}).scalar_one())


def _table_names(conn: Connection, schema: str) -> list[str]:
    rows = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = :s ORDER BY tablename"),
                        {"s": schema})
    return [str(r[0]) for r in rows]


def _slot_columns(conn: Connection, schema: str) -> set[str]:
    """The slot table's columns now: an upgrade stopped at an older revision lacks the newer ones
    (``department_note`` came in 0009) and still gets its grants."""
    rows = conn.execute(text("SELECT column_name FROM information_schema.columns WHERE table_schema = :s "
                             "AND table_name = 'takeover_slot'"), {"s": schema})
    return {str(r[0]) for r in rows}


def install(conn: Connection) -> GroupRoles:
    """Create the group roles, GRANTs, policies, identity functions and the audit trigger (idempotent).

    Runs as the owner inside the migration's transaction; needs the right to create roles (CREATEROLE).
    """
    roles = group_roles(conn)
    schema = str(conn.execute(text("SELECT current_schema()")).scalar_one())
    s = _q(conn, schema)
    comms, contributor, reader = (_q(conn, r) for r in roles.all)
    for name in roles.all:
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": name}).first()
        if exists is None:
            conn.exec_driver_sql(f"CREATE ROLE {_q(conn, name)} NOLOGIN")
    _functions(conn, s, roles)
    tables = _table_names(conn, schema)
    everyone = f"{comms}, {contributor}, {reader}"
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {s} TO {everyone}")
    # Start from nothing, so that re-running after a change of the rules takes old grants away.
    conn.exec_driver_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM PUBLIC, {everyone}")
    conn.exec_driver_sql(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM PUBLIC, {everyone}")
    conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {everyone}")
    conn.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {comms}, {contributor}")
    writable = [t for t in tables if t not in ("audit_event", "alembic_version")]
    conn.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON {', '.join(f'{s}.{t}' for t in writable)} TO {comms}")
    # The audit trail: written by comms officers and contributors, changed or deleted by nobody but the owner.
    conn.exec_driver_sql(f"GRANT INSERT ON {s}.audit_event TO {comms}, {contributor}")
    conn.exec_driver_sql(f"GRANT INSERT ON {s}.takeover_slot, {s}.story_frame, {s}.consent_record, "
                         f"{s}.frame_consent, {s}.media_asset TO {contributor}")
    slot_columns = _slot_columns(conn, schema)
    # The internal note is the comms team's: everyone else reads the slot column by column, without it. (The
    # REVOKE ALL above also took away column grants of an earlier install.)
    readable = ", ".join(_q(conn, c) for c in sorted(slot_columns) if c not in COMMS_ONLY_SLOT_COLUMNS)
    conn.exec_driver_sql(f"REVOKE SELECT ON {s}.takeover_slot FROM {contributor}, {reader}")
    conn.exec_driver_sql(f"GRANT SELECT ({readable}) ON {s}.takeover_slot TO {contributor}, {reader}")
    granted = [c for c in CONTRIBUTOR_SLOT_COLUMNS if c in slot_columns]
    conn.exec_driver_sql(f"GRANT UPDATE ({', '.join(granted)}) ON {s}.takeover_slot "
                         f"TO {contributor}")
    conn.exec_driver_sql(f"GRANT UPDATE ON {s}.story_frame, {s}.consent_record TO {contributor}")
    conn.exec_driver_sql(f"GRANT DELETE ON {s}.frame_consent TO {contributor}")
    # Booking locks the account row (SELECT … FOR UPDATE needs UPDATE on a column); the policy lets no change pass.
    conn.exec_driver_sql(f"GRANT UPDATE (version) ON {s}.account TO {contributor}")
    _policies(conn, s, comms, contributor, reader)
    _audit_trigger(conn, s)
    return roles


def _functions(conn: Connection, s: str, roles: GroupRoles) -> None:
    definer = f"STABLE SECURITY DEFINER SET search_path = {s}, pg_catalog, pg_temp"
    conn.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION {s}.tp_login_department() RETURNS integer LANGUAGE sql {definer} AS $$ "
        f"SELECT department_id FROM {s}.person WHERE login = session_user AND active $$")
    conn.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION {s}.tp_login_name() RETURNS text LANGUAGE sql {definer} AS $$ "
        f"SELECT coalesce((SELECT name FROM {s}.person WHERE login = session_user), session_user::text) $$")
    # Who the connected login is, as the app needs it: the role is the group the server enforces, not a column.
    conn.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION {s}.tp_whoami(OUT login text, OUT name text, OUT role text, "
        f"OUT department_id integer, OUT is_owner boolean) LANGUAGE sql {definer} AS $$ "
        f"SELECT session_user::text, {s}.tp_login_name(), CASE "
        f"WHEN pg_has_role(session_user, c.relowner, 'MEMBER') THEN 'comms_officer' "
        f"WHEN pg_has_role(session_user, '{roles.comms}', 'MEMBER') THEN 'comms_officer' "
        f"WHEN pg_has_role(session_user, '{roles.contributor}', 'MEMBER') THEN 'contributor' "
        f"WHEN pg_has_role(session_user, '{roles.reader}', 'MEMBER') THEN 'reader' END, "
        f"{s}.tp_login_department(), pg_has_role(session_user, c.relowner, 'MEMBER') "
        f"FROM pg_class c WHERE c.oid = '{s}.person'::regclass $$")
    names = f"{_q(conn, roles.comms)}, {_q(conn, roles.contributor)}, {_q(conn, roles.reader)}"
    for function in ("tp_login_department()", "tp_login_name()", "tp_whoami()"):
        conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {s}.{function} FROM PUBLIC")
        conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {s}.{function} TO {names}")


def _policies(conn: Connection, s: str, comms: str, contributor: str, reader: str) -> None:
    dept = f"{s}.tp_login_department()"
    own_slot = f"EXISTS (SELECT 1 FROM {s}.takeover_slot t WHERE t.id = slot_id AND t.department_id = {dept})"
    own_frame = (f"EXISTS (SELECT 1 FROM {s}.story_frame f JOIN {s}.takeover_slot t ON t.id = f.slot_id "
                 f"WHERE f.id = frame_id AND t.department_id = {dept})")
    frame_states = ", ".join(f"'{state}'" for state in CONTRIBUTOR_FRAME_STATES)
    public_audit = ", ".join(f"'{e}'" for e in PUBLIC_AUDIT_ENTITIES)
    # No entry carrying a slot's internal note reaches a contributor or reader: not its own entries, and not a
    # slot entry whose snapshot still has one (written before the note was kept apart, or by an older app).
    no_internal_note = (f"entity_type <> '{INTERNAL_NOTE_AUDIT_ENTITY}' AND NOT (entity_type IN ('slot', "
                        f"'takeover_slot') AND ((before -> 'notes') IS NOT NULL OR (after -> 'notes') IS NOT NULL))")
    own_audit = (
        f"{no_internal_note} AND (entity_type IN ({public_audit}) OR actor = {s}.tp_login_name() "
        f"OR (entity_type IN ('slot', 'takeover_slot') AND EXISTS (SELECT 1 FROM {s}.takeover_slot t "
        f"WHERE t.id = entity_id AND t.department_id = {dept})) "
        f"OR (entity_type = 'story_frame' AND action NOT IN ('consent_linked', 'consent_unlinked') AND EXISTS (SELECT 1 FROM "
        f"{s}.story_frame f JOIN {s}.takeover_slot t ON t.id = f.slot_id WHERE f.id = entity_id "
        f"AND t.department_id = {dept})))")
    reader_audit = (f"{no_internal_note} AND (entity_type IN ({public_audit}, 'slot', 'takeover_slot') OR "
                    f"(entity_type = 'story_frame' AND action NOT IN ('consent_linked', 'consent_unlinked')))")
    # table → [(policy, command, role, USING, WITH CHECK)]
    rules: dict[str, list[tuple[str, str, str, str | None, str | None]]] = {
        "account": [("tp_read", "SELECT", f"{contributor}, {reader}", "true", None),
                    ("tp_lock_only", "UPDATE", contributor, "true", "false")],
        "takeover_slot": [("tp_read_all", "SELECT", reader, "true", None),
                          ("tp_own_read", "SELECT", contributor, f"department_id = {dept}", None),
                          ("tp_own_request", "INSERT", contributor, None,
                           f"department_id = {dept} AND status = 'requested'"),
                          ("tp_own_edit", "UPDATE", contributor, f"department_id = {dept}", f"department_id = {dept}")],
        "story_frame": [("tp_read_all", "SELECT", reader, "true", None),
                        ("tp_own_read", "SELECT", contributor, own_slot, None),
                        ("tp_own_add", "INSERT", contributor, None, f"{own_slot} AND state IN ({frame_states})"),
                        ("tp_own_edit", "UPDATE", contributor, own_slot, f"{own_slot} AND state IN ({frame_states})")],
        "submission": [("tp_read_all", "SELECT", reader, "true", None),
                       ("tp_own_read", "SELECT", contributor, own_slot, None)],
        "review_decision": [("tp_read_all", "SELECT", reader, "true", None),
                            ("tp_own_read", "SELECT", contributor, own_frame, None)],
        "publish_job": [("tp_read_all", "SELECT", reader, "true", None),
                        ("tp_own_read", "SELECT", contributor, own_frame, None)],
        "frame_consent": [("tp_own", "ALL", contributor, own_frame, own_frame)],
        # Readers see no consent record and no contact person: they are personal data about other departments.
        # A contributor records and corrects their own department's consent, and may withdraw it, never undo a
        # withdrawal (a withdrawn record is no longer theirs to change).
        "consent_record": [("tp_own_read", "SELECT", contributor, f"department_id = {dept}", None),
                           ("tp_own_add", "INSERT", contributor, None,
                            f"department_id = {dept} AND withdrawn_at IS NULL"),
                           ("tp_own_edit", "UPDATE", contributor, f"department_id = {dept} AND withdrawn_at IS NULL",
                            f"department_id = {dept}")],
        "contact_person": [("tp_own_read", "SELECT", contributor, f"department_id = {dept}", None)],
        "audit_event": [("tp_read", "SELECT", reader, reader_audit, None),
                        ("tp_own_read", "SELECT", contributor, own_audit, None),
                        ("tp_write", "INSERT", contributor, None, "true")],
    }
    for table, policies in rules.items():
        conn.exec_driver_sql(f"ALTER TABLE {s}.{table} ENABLE ROW LEVEL SECURITY")
        existing = conn.execute(text("SELECT policyname FROM pg_policies WHERE schemaname = current_schema() "
                                     "AND tablename = :t"), {"t": table}).scalars().all()
        for name in existing:
            conn.exec_driver_sql(f"DROP POLICY {_q(conn, str(name))} ON {s}.{table}")
        conn.exec_driver_sql(f"CREATE POLICY tp_comms ON {s}.{table} FOR ALL TO {comms} USING (true) "
                             f"WITH CHECK (true)")
        for name, command, to, using, check in policies:
            clause = (f" USING ({using})" if using else "") + (f" WITH CHECK ({check})" if check else "")
            conn.exec_driver_sql(f"CREATE POLICY {name} ON {s}.{table} FOR {command} TO {to}{clause}")


def _audit_trigger(conn: Connection, s: str) -> None:
    """Every login but the owner gets its own name and the server's clock on the audit rows it writes, and on
    the review decisions it makes (an approval names the login that gave it, whatever --by said)."""
    for function, table, column in (("tp_audit_actor", "audit_event", "actor"),
                                    ("tp_review_by", "review_decision", '"by"')):
        conn.exec_driver_sql(
            f"CREATE OR REPLACE FUNCTION {s}.{function}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
            f"SET search_path = {s}, pg_catalog, pg_temp AS $$ BEGIN "
            f"IF NOT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') "
            f"THEN NEW.{column} := {s}.tp_login_name(); NEW.at := now(); END IF; RETURN NEW; END $$")
        conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {s}.{function}() FROM PUBLIC")
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {function} ON {s}.{table}")
        conn.exec_driver_sql(f"CREATE TRIGGER {function} BEFORE INSERT ON {s}.{table} FOR EACH ROW "
                             f"EXECUTE FUNCTION {s}.{function}()")


_RLS_TABLES = ("account", "takeover_slot", "story_frame", "submission", "review_decision", "publish_job",
               "frame_consent", "consent_record", "contact_person", "audit_event")


def status(conn: Connection) -> SecurityStatus:
    """Which parts are in place; reads the catalogs only, so any login may ask."""
    roles = group_roles(conn)
    present = conn.execute(text("SELECT count(*) FROM pg_roles WHERE rolname IN (:a, :b, :c)"),
                           {"a": roles.comms, "b": roles.contributor, "c": roles.reader}).scalar_one()
    secured = conn.execute(text(
        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relname = ANY(:t) AND c.relrowsecurity"),
        {"t": list(_RLS_TABLES)}).scalar_one()
    functions = conn.execute(text(
        "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = current_schema() AND p.proname IN ('tp_login_department', 'tp_login_name', 'tp_whoami')"
    )).scalar_one()
    trigger = conn.execute(text(
        "SELECT count(*) FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n "
        "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relname = 'audit_event' "
        "AND g.tgname = 'tp_audit_actor' OR n.nspname = current_schema() AND c.relname = 'review_decision' "
        "AND g.tgname = 'tp_review_by'")).scalar_one()
    owner = conn.execute(text(
        "SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'person'")).scalar()
    return SecurityStatus(roles, present == 3, secured == len(_RLS_TABLES) and functions == 3
                          and present == 3 and _internal_note_hidden(conn, roles), trigger == 2, str(owner or ""))


def _internal_note_hidden(conn: Connection, roles: GroupRoles) -> bool:
    """Whether contributors and readers are kept from the internal note (an install before it was theirs
    could still read it: ``db upgrade`` installs again then)."""
    return not conn.execute(text(
        "SELECT bool_or(has_column_privilege(r, format('%I.takeover_slot', current_schema()), c, 'SELECT')) "
        "FROM unnest(CAST(:roles AS text[])) r, unnest(CAST(:columns AS text[])) c "
        "WHERE EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = 'takeover_slot' AND column_name = c)"),
        {"roles": [roles.contributor, roles.reader], "columns": list(COMMS_ONLY_SLOT_COLUMNS)}).scalar()


@dataclass(frozen=True)
class Whoami:
    login: str
    name: str
    role: Role | None  # None: a login in none of this database's groups
    department_id: int | None
    is_owner: bool


def whoami(conn: Connection) -> Whoami:
    """The connected login as the server sees it (``tp_whoami``)."""
    row = conn.execute(text("SELECT login, name, role, department_id, is_owner FROM tp_whoami()")).one()
    return Whoami(str(row.login), str(row.name), Role(row.role) if row.role else None, row.department_id,
                  bool(row.is_owner))


def whoami_is_owner(conn: Connection) -> bool:
    """Whether the connected login owns the app's tables (or is a superuser): the administrator. Works before
    ``install`` too, from the catalogs alone."""
    return bool(conn.execute(text(
        "SELECT pg_has_role(session_user, tableowner, 'MEMBER') FROM pg_tables "
        "WHERE schemaname = current_schema() AND tablename = 'person'")).scalar())


def may_create_logins(conn: Connection) -> bool:
    return bool(conn.execute(text(
        "SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")).scalar())


def create_login(conn: Connection, login: str, role: Role, password: str | None) -> None:
    """Create ``login`` (or reuse one IT made, e.g. for single sign-on) and put it in its group only."""
    if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": login}).first() is None:
        # The server quotes the name and the password itself (format's %I and %L).
        statement = conn.execute(text("SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', CAST(:l AS text), "
                                      "CAST(:p AS text))" if password else
                                      "SELECT format('CREATE ROLE %I LOGIN', CAST(:l AS text))"),
                                 {"l": login, "p": password}).scalar_one()
        conn.exec_driver_sql(str(statement))
    set_login_active(conn, login, role, active=True)


def set_login_active(conn: Connection, login: str, role: Role, *, active: bool) -> None:
    """Let a login in (LOGIN, its group) or keep it out (NOLOGIN, no group of this database)."""
    roles = group_roles(conn)
    user = _q(conn, login)
    for group in roles.all:
        if not active or group != roles.for_role(role):
            conn.exec_driver_sql(f"REVOKE {_q(conn, group)} FROM {user}")
    if active:
        conn.exec_driver_sql(f"GRANT {_q(conn, roles.for_role(role))} TO {user}")
    conn.exec_driver_sql(f"ALTER ROLE {user} {'LOGIN' if active else 'NOLOGIN'}")
