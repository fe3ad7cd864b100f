-- PostgreSQL form of ../0010_audit_seal.sql: the same tables, columns and
-- constraints; INTEGER is BIGINT, REAL is DOUBLE PRECISION, id columns are identities.
-- The audit trail is sealed with a keyed hash (HMAC-SHA-256) whose key is
-- kept outside the database, per installation (see internal/auditkey).
-- key_id names the key that sealed a row; '' marks a row of the older,
-- unkeyed chain, which the program re-seals once on upgrade when that chain
-- is intact.
ALTER TABLE audit_log ADD COLUMN key_id TEXT NOT NULL DEFAULT '';

-- db.id tells one hospital's database (and its backups) from another's:
-- the restore asks before replacing a database by another's backup, and the
-- trail's head is mirrored outside the database under this id.
INSERT INTO settings (key, value) VALUES ('db.id', md5(random()::text || clock_timestamp()::text))
    ON CONFLICT (key) DO NOTHING;
