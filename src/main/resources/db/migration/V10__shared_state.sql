-- State that several app instances on one database share (issue 14), so that nothing is sticky: admin
-- sessions, the rate limit's buckets, and the locks that let a scheduled job run on one instance at a time.
-- None of it refers to a customer.

-- Admin sessions (Spring Session JDBC). Its PostgreSQL schema (schema-postgresql.sql of spring-session-jdbc),
-- names in lower case as PostgreSQL folds its unquoted upper-case queries; spring.session.jdbc.initialize-schema
-- is "never": this migration is the only place the tables are made. Only a logged-in admin has a row: public
-- visitors and anonymous requests under /admin get no session. Times are milliseconds since the epoch.
CREATE TABLE spring_session (
    primary_id            CHAR(36) NOT NULL,
    session_id            CHAR(36) NOT NULL,
    creation_time         BIGINT NOT NULL,
    last_access_time      BIGINT NOT NULL,
    max_inactive_interval INT NOT NULL,
    expiry_time           BIGINT NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36) NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- The rate limit of public POSTs, one token bucket per client, shared by every instance. The client is a keyed
-- hash (HMAC-SHA256, key from the configuration, never in the database) of its IPv4 address or IPv6 /64, never
-- the address itself. full_at is when the bucket is full again (the "theoretical arrival time" of the generic cell
-- rate algorithm): each accepted request moves it on by window / requests, and a request is refused while it
-- lies more than one window ahead. A row whose full_at has passed holds no information and is deleted by a job.
-- UNLOGGED: no WAL for the hottest write of the app; after a crash of the database (not of an app instance) or a
-- failover to a standby the table is empty and every client starts with a full budget once.
-- fillfactor 70 keeps room on each page for HOT updates (no index changes when full_at moves).
CREATE UNLOGGED TABLE rate_limit_bucket (
    client_hash CHAR(64) PRIMARY KEY CONSTRAINT rate_limit_bucket_client_hash_hex CHECK (client_hash ~ '^[0-9a-f]{64}$'),
    full_at     TIMESTAMPTZ NOT NULL
) WITH (fillfactor = 70);

-- Scheduled jobs that run on one instance at a time (ShedLock's JDBC lock provider, its PostgreSQL table).
-- One row per job; an instance that finds the lock held skips that run. Times are UTC (database time).
CREATE TABLE shedlock (
    name       VARCHAR(64) NOT NULL,
    lock_until TIMESTAMP NOT NULL,
    locked_at  TIMESTAMP NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);
