-- eBook downloads (channel 2): every valid eBook request gets its own unguessable link to the
-- PDF, tied to the touch that recorded the request. Links go with their customer (erasure).

CREATE TABLE ebook_download (
    download_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the link /ebook/download/{token}: 64 hex digits from two random UUIDs (244 random bits)
    token       VARCHAR(64) NOT NULL
                    DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
                    CONSTRAINT ebook_download_token_key UNIQUE,
    customer_id BIGINT NOT NULL REFERENCES customer (customer_id) ON DELETE CASCADE,
    touch_id    BIGINT NOT NULL REFERENCES customer_touch (touch_id) ON DELETE CASCADE
                    CONSTRAINT ebook_download_touch_key UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ebook_download_customer_idx ON ebook_download (customer_id);
