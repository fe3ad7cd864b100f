-- PostgreSQL form of ../0008_users_audit.sql: the same tables, columns and
-- constraints; INTEGER is BIGINT, REAL is DOUBLE PRECISION, id columns are identities;
-- references are DEFERRABLE, so a whole database can be copied in (transfer).
-- Users and roles (issue 10). A database without users runs as the
-- built-in local administrator; the first user added must be an administrator.
CREATE TABLE users (
    login           TEXT PRIMARY KEY,
    name            TEXT NOT NULL DEFAULT '',
    role            TEXT NOT NULL CHECK (role IN ('administrator', 'budget_office', 'department_head', 'committee', 'auditor')),
    password_hash   TEXT NOT NULL,
    failed_attempts BIGINT NOT NULL DEFAULT 0,
    locked_until    TEXT NOT NULL DEFAULT '',
    disabled        BIGINT NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

-- The departments a department head heads, by department code.
CREATE TABLE user_departments (
    login           TEXT NOT NULL REFERENCES users (login) ON DELETE CASCADE DEFERRABLE,
    department_code TEXT NOT NULL,
    PRIMARY KEY (login, department_code)
);

-- The audit trail: one row per changed field, append-only (the
-- application has no statement that updates or deletes it). Each row's
-- hash covers its content and the previous row's hash, so an edited,
-- deleted or reordered row breaks the chain (see internal/audit).
CREATE TABLE audit_log (
    seq        BIGINT PRIMARY KEY,
    at         TEXT NOT NULL,
    login      TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    field      TEXT NOT NULL,
    old_value  TEXT NOT NULL DEFAULT '',
    new_value  TEXT NOT NULL DEFAULT '',
    reason     TEXT NOT NULL DEFAULT '',
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_key);
CREATE INDEX audit_log_login ON audit_log (login);
