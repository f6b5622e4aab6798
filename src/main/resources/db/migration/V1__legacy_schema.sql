-- The legacy FocusedRoom schema, as it was before this application.
-- A legacy database already has these tables: Flyway baselines it at version 1 and applies V2 onward.
-- A new database gets them here, empty, and takes the same V2 onward, so both end with the same schema.
CREATE TABLE IF NOT EXISTS subscriber (
    id         BIGSERIAL PRIMARY KEY,
    email      VARCHAR(255),
    name       VARCHAR(255),
    created_at TIMESTAMP DEFAULT now()
);

CREATE TABLE IF NOT EXISTS big_five_result (
    id            BIGSERIAL PRIMARY KEY,
    subscriber_id BIGINT REFERENCES subscriber (id),
    scores        JSON,
    suggestions   TEXT,
    created_at    TIMESTAMP DEFAULT now()
);
