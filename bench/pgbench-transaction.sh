#!/usr/bin/env bash
# Prints a pgbench script that runs the same SQL as one test submission in the app
# (customer upsert, next report number, result insert), with a real stored result's
# scores, suggestions and answers as the payload.
# Usage: pgbench-transaction.sh "<psql command>" <email prefix>
set -euo pipefail
PSQL=$1
PREFIX=$2
cat <<SQL
\set n random(1, :range)
BEGIN;
INSERT INTO customer AS c (email_id, name, age, profession, career_stage, purpose, channel_id, opt_in)
VALUES ('$PREFIX-' || :client_id || '-' || :n || '@example.com', 'Bench', 30, 'Engineer',
        'mid_career', 'focus', 1, false)
ON CONFLICT (email_id) DO UPDATE SET name = coalesce(EXCLUDED.name, c.name), age = coalesce(EXCLUDED.age, c.age),
    profession = coalesce(EXCLUDED.profession, c.profession),
    career_stage = coalesce(EXCLUDED.career_stage, c.career_stage),
    purpose = coalesce(EXCLUDED.purpose, c.purpose), opt_in = c.opt_in OR EXCLUDED.opt_in, updated_at = now()
RETURNING customer_id \\gset
SQL
$PSQL -c "SELECT format('INSERT INTO big_five_result (customer_id, report_id, scores, suggestions, channel_id,
    answers, name, age, profession, career_stage, purpose)
SELECT :customer_id, coalesce(max(report_id), 0) + 1, %L::jsonb, %L, 1, %L::smallint[], ''Bench'', 30, ''Engineer'',
    ''mid_career'', ''focus''
FROM big_five_result WHERE customer_id = :customer_id
RETURNING report_id, report_token;', scores::text, replace(suggestions, E'\n', ' '), answers::text)
FROM big_five_result WHERE answers IS NOT NULL ORDER BY id DESC LIMIT 1"
echo "COMMIT;"
