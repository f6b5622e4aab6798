#!/usr/bin/env python3
"""Writes the pgbench scripts of "the app's own transaction" from what the running app actually sends.

Hand-kept copies of the app's SQL (bench/pgbench-transaction.sh) fall behind as soon as the submission
path changes (a single statement, a server-side function, one more table). This script does not copy
anything: with log_statement = 'all' switched on for a moment (ALTER SYSTEM + pg_reload_conf), it makes
real JSON API submissions one at a time, reads the statements the app's role ran for each from the
server's JSON log (with their parameter values), and turns them into pgbench scripts:

  * every parameter value is inlined as the literal the log shows (numbers bare, NULL as NULL);
  * the submitted email becomes a pgbench expression, so that every transaction writes a new customer
    ("new": '<prefix>-<client>-<random>@example.com') or one of a few shared ones ("returning":
    '<prefix>-shared-<1..customers>@example.com', so transactions contend for the same rows);
  * a parameter equal to an id the app got back from an earlier statement (customer_id, the result's
    id, ...; the script gives every sequence a distinctive value first, so no small number is taken for
    an id) becomes the variable that statement's RETURNING set through \\gset;
  * BEGIN / COMMIT stay where the app (pgjdbc) sent them, and so does anything else it sends per
    submission (a rate-limit statement, a second transaction).

"new" comes from a submission with a new email, "returning" from a second submission with the same email,
so a path that differs for a returning customer is followed too. The result is checked: it must run
under pgbench, and one transaction must add exactly as many rows to each table as one submission did.
Anything it cannot map (an id the app got from a statement without RETURNING, say) stops the
benchmark with a message naming the statement; it never falls back to a stale copy.

Usage: derive-transaction.py --base URL --psql "psql ... -d DB" --log-dir PGDATA/log --user ROLE
           --pgbench PATH --pgbench-conn "-h 127.0.0.1 -p PORT -U ROLE DB" --prefix P --customers 50
           --out DIR
Writes DIR/transaction-new.sql, DIR/transaction-returning.sql and DIR/transaction-capture.json.
"""
import argparse
import datetime
import glob
import json
import os
import re
import shlex
import subprocess
import sys
import time
import urllib.request

# Ids the app gets back and passes on, by table: the RETURNING column names that can carry them.
ID_COLUMNS = {
    "customer": ("customer_id",),
    "big_five_result": ("id", "result_id"),
    "customer_touch": ("touch_id",),
}

ANSWERS = [(i * 7) % 5 + 1 for i in range(120)]


def body(email):
    return json.dumps({"name": "Bench", "age": 30, "career": "Engineer", "careerStage": "mid_career",
                       "primaryGoal": "focus", "email": email, "optIn": False, "answers": ANSWERS}).encode()


def submit(base, email):
    request = urllib.request.Request(base + "/api/v1/big-five", data=body(email), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        if response.status != 201:
            sys.exit(f"derive-transaction: the submission answered {response.status}, not 201")
        response.read()


def psql(args, sql):
    return subprocess.run(shlex.split(args) + ["-X", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql], check=True,
                          capture_output=True, text=True).stdout.strip()


def log_entries(log_dir, user):
    for path in sorted(glob.glob(os.path.join(log_dir, "*.json"))):
        with open(path, errors="replace") as f:
            for line in f:
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if entry.get("user") == user:
                    yield entry


def timestamp(entry):
    # jsonlog: "2026-12-02 17:30:00.123 UTC"
    return datetime.datetime.strptime(entry["timestamp"][:23], "%Y-%m-%d %H:%M:%S.%f").replace(
        tzinfo=datetime.timezone.utc).timestamp()


PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')", re.S)


def statements(entries, start, end):
    """The statements logged between start and end, in order, as (sql, {n: literal})."""
    found = []
    for entry in entries:
        if not start - 0.002 <= timestamp(entry) <= end + 0.002:
            continue
        match = re.match(r"(?:execute [^:]*|statement): (.*)", entry.get("message", ""), re.S)
        if not match or not match.group(1).strip():
            continue  # not a statement, or the pool's empty validation query
        params = {int(n): value for n, value in PARAM.findall(entry.get("detail", "") or "")}
        found.append((match.group(1).strip(), params))
    return found


def returning_columns(sql):
    match = re.search(r"\bRETURNING\b(.*)$", sql, re.S | re.I)
    if not match:
        return []
    names = []
    for part in match.group(1).split(","):
        words = re.findall(r"[A-Za-z_][A-Za-z0-9_]*", part)
        if words:
            names.append(words[-1].lower())
    return names


def literal(value):
    if value == "NULL":
        return "NULL"
    inner = value[1:-1].replace("''", "'")
    if re.fullmatch(r"-?[0-9]+", inner):
        return inner
    return value


def script(captured, email, email_expr, ids, header):
    """A pgbench script from one submission's statements; ids maps a value (text) to its table."""
    lines = [header]
    returned = []  # (statement index, column names) of earlier statements
    needed = set()  # statement indexes whose RETURNING must be \gset
    bodies = []
    for index, (sql, params) in enumerate(captured):
        def replace(match):
            n = int(match.group(1))
            if n not in params:
                sys.exit(f"derive-transaction: no value logged for ${n} in: {sql[:200]}")
            value = params[n]
            inner = value[1:-1].replace("''", "'") if value != "NULL" else None
            if inner is not None and inner.lower() == email:
                return email_expr
            if inner in ids:
                table = ids[inner]
                for earlier, columns in reversed(returned):
                    for column in ID_COLUMNS[table]:
                        if column in columns:
                            needed.add(earlier)
                            return f":r{earlier}_{column}"
                sys.exit(f"derive-transaction: ${n} of this statement is the {table} id {inner}, but no earlier "
                         f"statement returned it (RETURNING {'/'.join(ID_COLUMNS[table])}); extend ID_COLUMNS "
                         f"in bench/derive-transaction.py.\n{sql[:500]}")
            text = literal(value)
            for name in re.findall(r":([A-Za-z0-9_]+)", text):
                if name in ("n", "client_id", "range", "scale", "random_seed", "default_seed") or re.match(r"r\d+_", name):
                    sys.exit(f"derive-transaction: a value contains ':{name}', which pgbench would substitute")
            return text

        bodies.append(re.sub(r"\$(\d+)\b", replace, sql))
        returned.append((index, returning_columns(sql)))
    for index, text in enumerate(bodies):
        text = text.rstrip().rstrip(";")
        lines.append(text + (f" \\gset r{index}_" if index in needed else ";"))
    return "\n".join(lines) + "\n"


def counts(args, tables):
    return {t: int(psql(args, f"SELECT count(*) FROM {t}")) for t in tables}


def main():
    parser = argparse.ArgumentParser()
    for option in ("--base", "--psql", "--log-dir", "--user", "--pgbench", "--pgbench-conn", "--prefix", "--out"):
        parser.add_argument(option, required=True)
    parser.add_argument("--customers", type=int, default=50)
    a = parser.parse_args()
    tables = psql(a.psql, "SELECT string_agg(format('%I.%I', schemaname, relname), ' ' ORDER BY relname) "
                          "FROM pg_stat_user_tables").split()

    run = f"{a.prefix}-capture-{int(time.time())}"
    submit(a.base, f"{run}-warm-1@example.com")  # connections, caches, pgjdbc's prepared statements
    psql(a.psql, "ALTER SYSTEM SET log_statement = 'all'")
    psql(a.psql, "SELECT pg_reload_conf()")
    time.sleep(1)
    windows = {}
    before = {}
    after = {}
    try:
        for n in range(2):  # each pooled connection sees the reload before its next statement
            submit(a.base, f"{run}-warm-{n + 2}@example.com")
        email = f"{run}-customer@example.com"
        for kind in ("new", "returning"):
            before[kind] = counts(a.psql, tables)
            time.sleep(0.05)
            start = time.time()
            submit(a.base, email)
            windows[kind] = (start, time.time())
            time.sleep(0.05)
            after[kind] = counts(a.psql, tables)
    finally:
        psql(a.psql, "ALTER SYSTEM RESET log_statement")
        psql(a.psql, "SELECT pg_reload_conf()")

    customer = psql(a.psql, f"SELECT customer_id FROM customer WHERE email_id = '{email}'")
    results = psql(a.psql, f"SELECT id FROM big_five_result WHERE customer_id = {customer} ORDER BY report_id")
    touches = psql(a.psql, f"SELECT touch_id FROM customer_touch WHERE customer_id = {customer}")
    ids = {customer: "customer"}
    ids.update({r: "big_five_result" for r in results.split()})
    ids.update({t: "customer_touch" for t in touches.split()})

    captured = {}
    for _ in range(50):  # the logging collector writes with a short delay
        entries = list(log_entries(a.log_dir, a.user))
        captured = {kind: statements(entries, *windows[kind]) for kind in windows}
        if all(captured.values()) and all(any(s.strip().upper().startswith("COMMIT") for s, _ in c)
                                          for c in captured.values()):
            break
        time.sleep(0.2)
    for kind, found in captured.items():
        if not found:
            sys.exit(f"derive-transaction: no statements of the app's role logged for the {kind} submission")

    headers = {
        "new": "\\set n random(1, 2000000000)",
        "returning": f"\\set n random(1, {a.customers})",
    }
    emails = {
        "new": f"('{a.prefix}-' || :client_id || '-' || :n || '@example.com')",
        "returning": f"('{a.prefix}-shared-' || :n || '@example.com')",
    }
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "transaction-capture.json"), "w") as f:
        json.dump({k: [{"sql": s, "parameters": p} for s, p in v] for k, v in captured.items()}, f, indent=1)
    for kind in ("new", "returning"):
        text = script(captured[kind], email, emails[kind], ids, headers[kind])
        path = os.path.join(a.out, f"transaction-{kind}.sql")
        with open(path, "w") as f:
            f.write(text)
        # The check: pgbench runs it, and one transaction adds what one submission added.
        added = {t: after[kind][t] - before[kind][t] for t in tables}
        start = counts(a.psql, tables)
        tries = 3
        result = subprocess.run([a.pgbench, *shlex.split(a.pgbench_conn), "-n", "-c", "1", "-t", str(tries),
                                 "-f", path], capture_output=True, text=True)
        if result.returncode != 0 or "aborted" in result.stderr:
            sys.exit(f"derive-transaction: pgbench cannot run {path}:\n{result.stderr[-2000:]}")
        end = counts(a.psql, tables)
        if kind == "new":
            differs = {t: (end[t] - start[t], tries * added[t]) for t in tables if end[t] - start[t] != tries * added[t]}
        else:  # a returning transaction adds no customer, the first of a shared one does
            differs = {t: (end[t] - start[t], tries * added[t]) for t in tables
                       if t != "public.customer" and end[t] - start[t] != tries * added[t]}
        if differs:
            sys.exit(f"derive-transaction: {path} does not write what a submission writes "
                     f"(table: (pgbench rows, expected)): {differs}")
        statements_count = len(captured[kind])
        print(f"{kind}: {statements_count} statements per submission -> {path}; one submission adds "
              + ", ".join(f"{t.split('.')[-1]} {n}" for t, n in added.items() if n))


if __name__ == "__main__":
    main()
