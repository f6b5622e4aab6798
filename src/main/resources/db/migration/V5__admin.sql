-- The admin area: fast customer search, the audit log, login throttling and GDPR erasure records.

-- Substring search (ILIKE '%x%') on email, name and profession uses trigram indexes. pg_trgm ships with
-- PostgreSQL (contrib) and is a trusted extension: the database owner may create it (PostgreSQL 13+).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX customer_email_trgm_idx ON customer USING gin (email_id gin_trgm_ops);
CREATE INDEX customer_name_trgm_idx ON customer USING gin (lower(name) gin_trgm_ops);
CREATE INDEX customer_profession_trgm_idx ON customer USING gin (lower(profession) gin_trgm_ops);
-- The customer list's sort orders: newest first (default) and by name; email has its unique key.
CREATE INDEX customer_create_dt_idx ON customer (create_dt, customer_id);
CREATE INDEX customer_name_idx ON customer (lower(name), customer_id);
-- The retention job looks for customers without consent, idle for a long time.
CREATE INDEX customer_unconsented_idx ON customer (updated_at) WHERE NOT opt_in;

-- Who did what to which customer, when, from where. Written in the same transaction as the action.
-- No personal data beyond customer_id: detail holds field names, filter names and counts, never values.
-- customer_id has no foreign key on purpose: the entry outlives the erasure of the customer.
CREATE TABLE admin_audit (
    audit_id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    actor          VARCHAR(100) NOT NULL,
    action         VARCHAR(30) NOT NULL CONSTRAINT admin_audit_action_known CHECK (action IN
                       ('login', 'login_failed', 'login_locked', 'logout', 'view_customer', 'export_csv',
                        'export_gdpr', 'rectify', 'erase', 'retention_erase')),
    customer_id    BIGINT,
    remote_address VARCHAR(45),
    detail         VARCHAR(500)
);
CREATE INDEX admin_audit_customer_idx ON admin_audit (customer_id, audit_id) WHERE customer_id IS NOT NULL;

-- Append-only: no UPDATE, DELETE or TRUNCATE, not even by the app.
CREATE FUNCTION admin_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'admin_audit is append-only' USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER admin_audit_append_only BEFORE UPDATE OR DELETE ON admin_audit
    FOR EACH ROW EXECUTE FUNCTION admin_audit_append_only();
CREATE TRIGGER admin_audit_no_truncate BEFORE TRUNCATE ON admin_audit
    FOR EACH STATEMENT EXECUTE FUNCTION admin_audit_append_only();

-- Failed admin logins of the last minutes, shared by all app instances: too many for one username or
-- one address lock them out for a while. Rows older than the lockout window are deleted as new ones come.
CREATE TABLE admin_login_failure (
    failure_id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username       VARCHAR(100) NOT NULL,
    remote_address VARCHAR(45) NOT NULL,
    failed_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX admin_login_failure_username_idx ON admin_login_failure (username, failed_at);
CREATE INDEX admin_login_failure_address_idx ON admin_login_failure (remote_address, failed_at);
CREATE INDEX admin_login_failure_failed_at_idx ON admin_login_failure (failed_at);

-- What is left of an erased customer: a keyed hash (HMAC-SHA256 with a secret from the configuration,
-- never stored in the database) of the normalised email, and when. A later import or visit with the
-- same address is recognised; the address itself cannot be recovered from the database alone.
CREATE TABLE erased_customer (
    email_hash CHAR(64) PRIMARY KEY CONSTRAINT erased_customer_email_hash_hex CHECK (email_hash ~ '^[0-9a-f]{64}$'),
    erased_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
