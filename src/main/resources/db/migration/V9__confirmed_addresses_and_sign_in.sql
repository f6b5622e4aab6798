-- Confirmed addresses, double opt-in and the sign-in links of "my reports" (issue 13: 3, 4, 5, 8;
-- decision 0012).

-- When the owner of the address last proved they read its mail: a sign-in link or a newsletter
-- confirmation opened from it (module customer). NULL: never confirmed; the seed's rule holds.
ALTER TABLE customer ADD COLUMN email_confirmed_at TIMESTAMPTZ;

-- A test taken under a confirmed address by a visit not signed in as its owner: numbered as
-- every report, but it changed nothing of the owner's record and waits for the owner to claim
-- it (unconfirmed becomes false) or disown it (disowned_at set; the row stays, so the numbers
-- stay 1..n) (module report).
ALTER TABLE big_five_result
    ADD COLUMN unconfirmed BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN disowned_at TIMESTAMPTZ,
    ADD CONSTRAINT big_five_result_disowned_unconfirmed CHECK (disowned_at IS NULL OR unconfirmed);

-- A ticked newsletter box: a pending request until the link mailed to the address confirms it
-- (module consent). Only the SHA-256 of the link's 256-bit token is stored.
CREATE TABLE consent_request (
    consent_request_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id        BIGINT NOT NULL REFERENCES customer (customer_id) DEFERRABLE INITIALLY DEFERRED,
    purpose            VARCHAR(30) NOT NULL DEFAULT 'newsletter'
                           CONSTRAINT consent_request_purpose_known CHECK (purpose IN ('newsletter')),
    token_hash         CHAR(64) NOT NULL CONSTRAINT consent_request_token_hash_key UNIQUE
                           CONSTRAINT consent_request_token_hash_hex CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    consent_text_id    SMALLINT NOT NULL REFERENCES consent_text (consent_text_id),
    channel_id         SMALLINT NOT NULL REFERENCES channel_details (channel_id),
    source             VARCHAR(30) NOT NULL
                           CONSTRAINT consent_request_source_known CHECK (source IN ('web_form', 'ebook_form', 'api')),
    requested_at       TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    expires_at         TIMESTAMPTZ NOT NULL,
    confirmed_at       TIMESTAMPTZ,
    CONSTRAINT consent_request_confirmed_in_time CHECK (confirmed_at IS NULL OR confirmed_at <= expires_at)
);
CREATE INDEX consent_request_customer_idx ON consent_request (customer_id, requested_at);
CREATE INDEX consent_request_expiry_idx ON consent_request (expires_at) WHERE confirmed_at IS NULL;

-- A grant now names the request it confirms. Grants recorded before V9 (single opt-in) stay as
-- they are: the check is NOT VALID, so it holds for every new row and leaves the old ones alone.
ALTER TABLE consent_event
    ADD COLUMN consent_request_id BIGINT REFERENCES consent_request (consent_request_id) DEFERRABLE INITIALLY DEFERRED,
    DROP CONSTRAINT consent_event_source_known,
    ADD CONSTRAINT consent_event_source_known CHECK (source IN
        ('web_form', 'ebook_form', 'api', 'unsubscribe_link', 'admin', 'my_reports'));
ALTER TABLE consent_event
    ADD CONSTRAINT consent_event_grant_confirmed
        CHECK (action = 'withdraw' OR consent_request_id IS NOT NULL OR source = 'my_reports') NOT VALID;
CREATE INDEX consent_event_request_idx ON consent_event (consent_request_id) WHERE consent_request_id IS NOT NULL;

-- One-time sign-in links of "my reports" (module myreports): only the SHA-256 of the 256-bit
-- token is stored; single use, 30 minutes. customer_id is NULL for an address that is no
-- customer: it gets a link too (to an empty page), so the answer and the work do not tell.
CREATE TABLE sign_in_link (
    sign_in_link_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash      CHAR(64) NOT NULL CONSTRAINT sign_in_link_token_hash_key UNIQUE
                        CONSTRAINT sign_in_link_token_hash_hex CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    customer_id     BIGINT REFERENCES customer (customer_id) DEFERRABLE INITIALLY DEFERRED,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    expires_at      TIMESTAMPTZ NOT NULL,
    used_at         TIMESTAMPTZ,
    CONSTRAINT sign_in_link_used_in_time CHECK (used_at IS NULL OR used_at <= expires_at)
);
CREATE INDEX sign_in_link_customer_idx ON sign_in_link (customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX sign_in_link_expiry_idx ON sign_in_link (expires_at);
