#!/usr/bin/env bash
# Prints a pgbench script that runs the same SQL as one test submission in the app, statement for
# statement: the customer upsert (with its consent CTE, no box ticked), the next report with its
# number, and the touch that points at it; with a real stored result's scores, suggestions and
# answers as the payload. Keep it in step with Customers.RECORD_VISIT, Reports.ADD and
# Touches.RECORD_TEST.
# Usage: pgbench-transaction.sh "<psql command>" <email prefix>
set -euo pipefail
PSQL=$1
PREFIX=$2
cat <<SQL
\set n random(1, :range)
BEGIN;
WITH visit AS (
    INSERT INTO customer AS c (email_id, name, age, profession, career_stage, purpose, channel_id)
    VALUES ('$PREFIX-' || :client_id || '-' || :n || '@example.com', 'Bench', 30, 'Engineer',
            'mid_career', 'focus', 3)
    ON CONFLICT (email_id) DO UPDATE SET name = coalesce(EXCLUDED.name, c.name), age = coalesce(EXCLUDED.age, c.age),
        profession = coalesce(EXCLUDED.profession, c.profession),
        career_stage = coalesce(EXCLUDED.career_stage, c.career_stage),
        purpose = coalesce(EXCLUDED.purpose, c.purpose), updated_at = now()
    RETURNING customer_id, age
), granted AS (
    INSERT INTO consent_event (customer_id, purpose, action, channel_id, source, consent_text_id)
    SELECT customer_id, 'newsletter', 'grant', 3, NULL, CAST(NULL AS smallint)
    FROM visit WHERE CAST(NULL AS smallint) IS NOT NULL AND (age IS NULL OR age >= 16)
)
SELECT customer_id FROM visit \\gset
SQL
$PSQL -c "SELECT format('INSERT INTO big_five_result (customer_id, report_id, scores, suggestions, channel_id,
    answers, name, age, profession, career_stage, purpose)
SELECT :customer_id, coalesce(max(report_id), 0) + 1, %L::jsonb, %L, 3, %L::smallint[], ''Bench'', 30, ''Engineer'',
    ''mid_career'', ''focus''
FROM big_five_result WHERE customer_id = :customer_id
RETURNING report_id, report_token \\gset', scores::text, replace(suggestions, E'\n', ' '), answers::text)
FROM big_five_result WHERE answers IS NOT NULL ORDER BY id DESC LIMIT 1"
cat <<'SQL'
INSERT INTO customer_touch (customer_id, channel_id, kind, result_id, utm_source, utm_medium, utm_campaign,
    utm_term, utm_content, referrer)
SELECT customer_id, 3, 'test', id, NULL, NULL, NULL, NULL, NULL, NULL
FROM big_five_result WHERE customer_id = :customer_id AND report_id = :report_id
RETURNING touch_id;
COMMIT;
SQL
