-- A report's PDF, rendered once when first asked for and kept (module report; docs/decisions/0013): every instance
-- serves the stored bytes instead of rendering the PDF again. One row per result and variant: the change view it
-- shows (the earlier result it is compared with, or none) and whether it is marked as unconfirmed. content_version
-- says what it was rendered from (the rows' versions and the app's rendering); a row whose version is no longer the
-- current one is never served, and the next render replaces it.
CREATE TABLE report_pdf (
    big_five_result_id BIGINT NOT NULL
        REFERENCES big_five_result (id) DEFERRABLE INITIALLY DEFERRED,
    compared_with_id BIGINT
        REFERENCES big_five_result (id) DEFERRABLE INITIALLY DEFERRED,
    marked_unconfirmed BOOLEAN NOT NULL,
    content_version VARCHAR(100) NOT NULL,
    pdf BYTEA NOT NULL,
    rendered_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT report_pdf_not_compared_with_itself CHECK (compared_with_id IS DISTINCT FROM big_five_result_id),
    CONSTRAINT report_pdf_not_empty CHECK (octet_length(pdf) > 0)
);

-- One stored PDF per result and variant (no comparison counts as one variant: NULL is not distinct here).
CREATE UNIQUE INDEX report_pdf_variant_key
    ON report_pdf (big_five_result_id, (coalesce(compared_with_id, 0)), marked_unconfirmed);

-- Re-scoring a result drops the stored PDFs that show it, as the report or as the one compared with.
CREATE INDEX report_pdf_compared_with_idx ON report_pdf (compared_with_id) WHERE compared_with_id IS NOT NULL;

-- The PDF bytes are already compressed: storing them uncompressed out of line saves PostgreSQL a useless try.
ALTER TABLE report_pdf ALTER COLUMN pdf SET STORAGE EXTERNAL;
