-- Issue 11: what a stored result was answered in and how, so that careless answering can be told apart
-- and results answered in a faulty translation can be found and corrected.
--   language       the language of the statements the test was answered in (en, fr, pt-br ...); NULL = not
--                  recorded: every result stored before V7 (see docs/decisions/0010).
--   seconds_taken  how long answering took, in seconds; NULL when not known.
--   validity       the careless-answering checks (scoring.Validity) as computed for the result, see
--                  DATABASE_SCHEMA.md; NULL when not computed (no answers stored, or not yet checked).
--   translation_fixes  the corrections of a faulty translation applied to the stored answers by the
--                  re-scoring command (report's Rescoring), each at most once, with what the result was before.
ALTER TABLE big_five_result
    ADD COLUMN language          varchar(20),
    ADD COLUMN seconds_taken     integer,
    ADD COLUMN validity          jsonb,
    ADD COLUMN translation_fixes jsonb NOT NULL DEFAULT '[]',
    ADD CONSTRAINT big_five_result_language_tag
        CHECK (language ~ '^[a-z]{2,3}(-[a-z0-9]{2,8})*$'),
    ADD CONSTRAINT big_five_result_seconds_taken_non_negative
        CHECK (seconds_taken >= 0),
    ADD CONSTRAINT big_five_result_validity_shape
        CHECK (validity IS NULL OR (jsonb_typeof(validity) = 'object'
               AND jsonb_typeof(validity->'likelyInvalid') = 'boolean'
               AND jsonb_typeof(validity->'checks') = 'object')),
    ADD CONSTRAINT big_five_result_validity_needs_answers
        CHECK (validity IS NULL OR answers IS NOT NULL),
    ADD CONSTRAINT big_five_result_translation_fixes_list
        CHECK (jsonb_typeof(translation_fixes) = 'array');

-- The results whose checks are still to be computed from their stored answers (report's ValidityBackfill,
-- after start-up); empty once it has run.
CREATE INDEX big_five_result_validity_pending_idx ON big_five_result (id)
    WHERE validity IS NULL AND answers IS NOT NULL;
