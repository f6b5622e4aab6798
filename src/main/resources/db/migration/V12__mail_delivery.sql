-- Mail delivery (module mail): what the worker needs beside V8's outbox, and the admin's new audited actions.

-- The Message-ID the mail goes out with (<message_id@sender's domain>), the same on every attempt: a message sent
-- twice (the server accepted it, the app died before recording that) is recognisable as one by its receiver.
ALTER TABLE mail_outbox ADD COLUMN message_id UUID NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_message_id_key UNIQUE (message_id);

-- The requesting client (its IP address, or its IPv6 /64) for the per-client limit; kept only while the limit's
-- window lasts: the app clears it on rows older than an hour.
ALTER TABLE mail_outbox ADD COLUMN client_key VARCHAR(64);
CREATE INDEX mail_outbox_client_idx ON mail_outbox (client_key, created_at) WHERE client_key IS NOT NULL;

-- The admin's Outbox page: newest first, optionally one state.
CREATE INDEX mail_outbox_state_idx ON mail_outbox (state, mail_id);

-- Viewing a message and lifting a suppression are audited like the other admin actions.
ALTER TABLE admin_audit DROP CONSTRAINT admin_audit_action_known;
ALTER TABLE admin_audit ADD CONSTRAINT admin_audit_action_known CHECK (action IN
    ('login', 'login_failed', 'login_locked', 'logout', 'view_customer', 'export_csv',
     'export_gdpr', 'rectify', 'erase', 'retention_erase', 'view_mail', 'lift_suppression'));
