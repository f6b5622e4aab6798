-- Outbound mail (module mail). Every message is first written here, in the same transaction as the
-- action that causes it (a test, an eBook request, a ticked newsletter box, a sign-in request), and
-- delivered afterwards by a worker; so a message is never lost with a failed send, and never sent for
-- an action that rolled back. Without SMTP settings (the embedded default) messages stay queued and
-- the admin area shows them.

CREATE TABLE mail_outbox (
    mail_id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- whom it is about; NULL for mail to an address that is no customer (yet); erasure deletes the rows
    customer_id     BIGINT REFERENCES customer (customer_id) DEFERRABLE INITIALLY DEFERRED,
    recipient       VARCHAR(255) NOT NULL,
    kind            VARCHAR(30) NOT NULL
                        CONSTRAINT mail_outbox_kind_known
                        CHECK (kind IN ('report', 'newsletter_confirmation', 'ebook_link', 'sign_in')),
    subject         VARCHAR(300) NOT NULL,
    body_html       TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    -- extra headers, e.g. {"List-Unsubscribe": "<https://...>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    headers         JSONB NOT NULL DEFAULT '{}'::jsonb,
    state           VARCHAR(10) NOT NULL DEFAULT 'queued'
                        CONSTRAINT mail_outbox_state_known CHECK (state IN ('queued', 'sent', 'failed')),
    tries           SMALLINT NOT NULL DEFAULT 0 CONSTRAINT mail_outbox_tries_non_negative CHECK (tries >= 0),
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    last_error      VARCHAR(1000),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    sent_at         TIMESTAMPTZ,
    CONSTRAINT mail_outbox_sent_has_time CHECK ((state = 'sent') = (sent_at IS NOT NULL))
);
-- the worker's queue: due messages, oldest first
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at, mail_id) WHERE state = 'queued';
-- the per-recipient limit and "mail sent to this address"
CREATE INDEX mail_outbox_recipient_idx ON mail_outbox (recipient, created_at);
CREATE INDEX mail_outbox_customer_idx ON mail_outbox (customer_id) WHERE customer_id IS NOT NULL;

-- Addresses that get no more mail: a permanent failure (5xx) from the SMTP server. Lifted when the
-- address is confirmed again (a sign-in or a confirmation link opened from it).
CREATE TABLE mail_suppression (
    recipient     VARCHAR(255) PRIMARY KEY,
    reason        VARCHAR(1000) NOT NULL,
    suppressed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
