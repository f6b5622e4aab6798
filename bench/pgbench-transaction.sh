#!/usr/bin/env bash
# Prints a pgbench script that runs the same SQL as one test submission in the app, statement for
# statement: the customer upsert, the next report with its number, and the touch that points at it
# (no newsletter box ticked, so no consent statement); with a real stored result's scores, suggestions
# and answers as the payload. A hand-kept copy for bench/run.sh (embedded PostgreSQL): keep it in step
# with Customers.RECORD_VISIT, Reports.ADD and Touches.RECORD_TEST. bench/side-by-side.sh needs no copy:
# it derives the transaction from the statements the running app sends (bench/derive-transaction.py).
# Usage: pgbench-transaction.sh "<psql command>" <email prefix>
set -euo pipefail
PSQL=$1
PREFIX=$2
cat <<SQL
\set n random(1, :range)
BEGIN;
INSERT INTO customer AS c (email_id, name, age, profession, career_stage, purpose, channel_id)
    VALUES ('$PREFIX-' || :client_id || '-' || :n || '@example.com', 'Bench', 30, 'Engineer',
            'mid_career', 'focus', 3)
    ON CONFLICT (email_id) DO UPDATE SET name = coalesce(EXCLUDED.name, c.name), age = coalesce(EXCLUDED.age, c.age),
        profession = coalesce(EXCLUDED.profession, c.profession),
        career_stage = coalesce(EXCLUDED.career_stage, c.career_stage),
        purpose = coalesce(EXCLUDED.purpose, c.purpose), updated_at = now()
    RETURNING customer_id, age \\gset
SQL
$PSQL -c "SELECT format('INSERT INTO big_five_result (customer_id, report_id, scores, suggestions, channel_id,
    answers, name, age, profession, career_stage, purpose)
SELECT :customer_id, coalesce(max(report_id), 0) + 1, %L::jsonb, %L, 3, %L::smallint[], ''Bench'', 30, ''Engineer'',
    ''mid_career'', ''focus''
FROM big_five_result WHERE customer_id = :customer_id
RETURNING id AS result_id, report_id, report_token \\gset', scores::text, replace(suggestions, E'\n', ' '), answers::text)
FROM big_five_result WHERE answers IS NOT NULL ORDER BY id DESC LIMIT 1"
cat <<'SQL'
INSERT INTO customer_touch (customer_id, channel_id, kind, result_id, utm_source, utm_medium, utm_campaign,
    utm_term, utm_content, referrer)
VALUES (:customer_id, 3, 'test', :result_id, NULL, NULL, NULL, NULL, NULL, NULL)
RETURNING touch_id;
COMMIT;
SQL
