#!/usr/bin/env python3
"""Records and summarises bench/side-by-side.sh measurements (one JSON object per line in runs.jsonl).

  side-by-side-report.py wrk      RUNS JAR RUN SCENARIO WRK_OUT WRK_ERR CPU_BEFORE CPU_AFTER
  side-by-side-report.py pgbench  RUNS JAR RUN SCENARIO SUMMARY CPU_BEFORE CPU_AFTER LOG...
  side-by-side-report.py open     RUNS JAR RUN SCENARIO JSON_FILE CPU_BEFORE CPU_AFTER
  side-by-side-report.py fact     RUNS JAR RUN NAME VALUE
  side-by-side-report.py summary  RUNS RESULTS_MD   (exit 1 on any error, gap or half-stored submission)

CPU_* are "app_seconds postgres_seconds [app_jit_seconds]" from proc-cpu.py. Every figure of the summary is the median
over the runs of that figure (each column on its own).
"""
import json
import re
import statistics
import sys


def append(path, record):
    with open(path, "a") as f:
        f.write(json.dumps(record) + "\n")


def cpu(before, after):
    b, a = [float(x) for x in before.split()], [float(x) for x in after.split()]
    return a[0] - b[0], a[1] - b[1]


def jit(before, after):
    """The app's JIT compiler threads' CPU between two readings (0 from an older proc-cpu.py)."""
    b, a = before.split(), after.split()
    return float(a[2]) - float(b[2]) if len(a) > 2 and len(b) > 2 else 0.0


def ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(runs, jar, run, scenario, out, err, before, after):
    text, errors = open(out).read(), open(err).read()
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    p = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", text, re.M))
    bad = len([line for line in errors.splitlines() if line.startswith("unexpected status")])
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    bad += sum(int(x) for x in socket.groups()) if socket else 0
    app, pg = cpu(before, after)
    append(runs, {"jar": jar, "run": int(run), "scenario": scenario, "rate": float(
        re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)), "requests": requests, "p50_ms": ms(p["50"]),
        "p99_ms": ms(p["99"]), "errors": bad, "app_cpu_ms": 1000 * app / max(requests, 1),
        "jit_cpu_ms": 1000 * jit(before, after) / max(requests, 1), "pg_cpu_ms": 1000 * pg / max(requests, 1)})


def pgbench(runs, jar, run, scenario, summary, before, after, *logs):
    text = open(summary).read()
    tps = float(re.search(r"tps = ([\d.]+)", text).group(1))
    done = int(re.search(r"number of transactions actually processed: (\d+)", text).group(1))
    lat = sorted(int(line.split()[2]) for f in logs for line in open(f))
    failed = re.search(r"number of failed transactions: (\d+)", text)
    aborted = len(re.findall(r"aborted", text))
    _, pg = cpu(before, after)
    pct = (lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] / 1000) if lat else (lambda q: None)
    append(runs, {"jar": jar, "run": int(run), "scenario": scenario, "rate": tps, "requests": done,
                  "p50_ms": pct(0.5), "p99_ms": pct(0.99),
                  "errors": (int(failed.group(1)) if failed else 0) + aborted,
                  "pg_cpu_ms": 1000 * pg / max(done, 1)})


def open_loop(runs, jar, run, scenario, path, before, after):
    result = json.load(open(path))
    app, pg = cpu(before, after)
    n = max(result["requests"], 1)
    append(runs, {"jar": jar, "run": int(run), "scenario": scenario, "rate": result["achieved_rate"],
                  "target_rate": result["target_rate"], "requests": result["requests"], "p50_ms": result["p50_ms"],
                  "p99_ms": result["p99_ms"], "max_ms": result["max_ms"], "errors": result["errors"],
                  "late_sends": result["late_sends"], "app_cpu_ms": 1000 * app / n, "pg_cpu_ms": 1000 * pg / n})


def fact(runs, jar, run, name, value):
    try:
        value = float(value)
    except ValueError:
        pass
    append(runs, {"jar": jar, "run": int(run), "fact": name, "value": value})


def summary(runs, results_md):
    records = [json.loads(line) for line in open(runs)]
    jars = list(dict.fromkeys(r["jar"] for r in records))
    n_runs = len({r["run"] for r in records})

    def med(jar, scenario, field):
        values = [r[field] for r in records if r.get("scenario") == scenario and r["jar"] == jar
                  and r.get(field) is not None and r.get("requests") != 0]
        return statistics.median(values) if values else None

    def total(jar, scenario, field):
        return sum(r.get(field, 0) for r in records if r.get("scenario") == scenario and r["jar"] == jar)

    def facts(jar, name):
        return [r["value"] for r in records if r.get("fact") == name and r["jar"] == jar]

    def f(value, digits=0, unit=""):
        if value is None:
            return "–"
        return f"{value:,.{digits}f}{unit}"

    def ratio_med(jar, app, ceiling):
        ratios = []
        for run in sorted({r["run"] for r in records}):
            a = [r["rate"] for r in records if r.get("scenario") == app and r["jar"] == jar and r["run"] == run]
            c = [r["rate"] for r in records if r.get("scenario") == ceiling and r["jar"] == jar and r["run"] == run]
            if a and c and c[0]:
                ratios.append(a[0] / c[0])
        return statistics.median(ratios) if ratios else None

    out = []
    how = "one run" if n_runs == 1 else f"medians of {n_runs} runs (each column on its own; ratios per run, then the median)"
    out.append(f"Figures: {how}.\n")
    out.append("| jar | scenario | app req/s | pgbench tx/s | FR / pgbench | app CPU per submission | of it JIT compiling | "
               "PostgreSQL CPU per submission (app) | PostgreSQL CPU per tx (pgbench) | p50 | p99 | pgbench p50 / p99 | errors |")
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for jar in jars:
        for label, app, ceiling in (("API, new customers", "api-new", "pgbench-new"),
                                    ("API, returning (50 shared)", "api-returning", "pgbench-returning")):
            out.append(f"| {jar} | {label} | {f(med(jar, app, 'rate'))} | {f(med(jar, ceiling, 'rate'))} | "
                       f"{f(ratio_med(jar, app, ceiling), 2)} | {f(med(jar, app, 'app_cpu_ms'), 2, ' ms')} | "
                       f"{f(med(jar, app, 'jit_cpu_ms'), 2, ' ms')} | {f(med(jar, app, 'pg_cpu_ms'), 2, ' ms')} | {f(med(jar, ceiling, 'pg_cpu_ms'), 2, ' ms')} | "
                       f"{f(med(jar, app, 'p50_ms'), 1, ' ms')} | {f(med(jar, app, 'p99_ms'), 1, ' ms')} | "
                       f"{f(med(jar, ceiling, 'p50_ms'), 1)} / {f(med(jar, ceiling, 'p99_ms'), 1, ' ms')} | "
                       f"{total(jar, app, 'errors') + total(jar, ceiling, 'errors')} |")
    out.append("")
    out.append("| jar | report | req/s | app CPU per request | PostgreSQL CPU per request | p50 | p99 | errors |")
    out.append("|---|---|---:|---:|---:|---:|---:|---:|")
    for jar in jars:
        for label, scenario in (("GET /report/{token}", "report-page"), ("GET /report/{token}.pdf", "report-pdf"),
                                ("page, If-None-Match (304)", "report-page-304"),
                                ("PDF, If-None-Match (304)", "report-pdf-304")):
            if med(jar, scenario, "rate") is None:
                continue
            out.append(f"| {jar} | {label} | {f(med(jar, scenario, 'rate'))} | "
                       f"{f(med(jar, scenario, 'app_cpu_ms'), 2, ' ms')} | {f(med(jar, scenario, 'pg_cpu_ms'), 2, ' ms')} | "
                       f"{f(med(jar, scenario, 'p50_ms'), 1, ' ms')} | {f(med(jar, scenario, 'p99_ms'), 1, ' ms')} | "
                       f"{total(jar, scenario, 'errors')} |")
        for note in dict.fromkeys(facts(jar, "etag")):
            out.append(f"| {jar} | ETag / 304 | {note} | | | | | |")
    out.append("")
    out.append("| jar | open loop, API new customers | target rate | achieved rate | p50 | p99 | max | app CPU per submission | late sends | errors |")
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for jar in jars:
        out.append(f"| {jar} | half the closed-loop API-new rate | {f(med(jar, 'open-loop', 'target_rate'))} | "
                   f"{f(med(jar, 'open-loop', 'rate'))} | {f(med(jar, 'open-loop', 'p50_ms'), 1, ' ms')} | "
                   f"{f(med(jar, 'open-loop', 'p99_ms'), 1, ' ms')} | {f(med(jar, 'open-loop', 'max_ms'), 1, ' ms')} | "
                   f"{f(med(jar, 'open-loop', 'app_cpu_ms'), 2, ' ms')} | {f(med(jar, 'open-loop', 'late_sends'))} | "
                   f"{total(jar, 'open-loop', 'errors')} |")
    out.append("")

    failed = False
    out.append("| jar | goal | result | met |")
    out.append("|---|---|---:|---|")
    for jar in jars:
        def goal(name, value, ok, shown):
            out.append(f"| {jar} | {name} | {shown} | {'–' if value is None else ('yes' if ok(value) else 'no')} |")
        v = med(jar, "api-new", "app_cpu_ms")
        goal("app CPU per API submission ≤ 1.0 ms (new)", v, lambda x: x <= 1.0, f(v, 2, " ms"))
        v = med(jar, "api-returning", "app_cpu_ms")
        goal("app CPU per API submission ≤ 1.0 ms (returning)", v, lambda x: x <= 1.0, f(v, 2, " ms"))
        for label, app, ceiling in (("new", "api-new", "pgbench-new"), ("returning", "api-returning", "pgbench-returning")):
            v = ratio_med(jar, app, ceiling)
            goal(f"throughput ≥ 0.65 × pgbench ({label})", v, lambda x: x >= 0.65, f(v, 2))
        v = med(jar, "report-page", "rate")
        goal("≥ 1,000 report pages/s", v, lambda x: x >= 1000, f(v))
        v = med(jar, "report-pdf", "rate")
        goal("≥ 200 PDFs/s", v, lambda x: x >= 200, f(v))
        v = med(jar, "open-loop", "p99_ms")
        goal("open-loop p99 at half capacity < 50 ms", v, lambda x: x < 50, f(v, 1, " ms"))
        gaps, half = sum(facts(jar, "gaps")), sum(facts(jar, "half_stored"))
        errors = sum(r.get("errors", 0) for r in records if r["jar"] == jar and "scenario" in r)
        goal("zero errors, gap-free report numbers, nothing half-stored", errors + gaps + half,
             lambda x: x == 0, f"{errors:.0f} errors, {gaps:.0f} customers with gaps, {half:.0f} results without touch")
        failed = failed or errors + gaps + half > 0
        loads = facts(jar, "load")
        out.append(f"| {jar} | (load average during its runs: {', '.join(str(x) for x in loads)}) | | |")
    for r in records:
        if "scenario" in r and not r["requests"]:
            out.append(f"\nNot measured: no request of {r['scenario']} ({r['jar']}, run {r['run']}) completed in "
                       "the measurement (a first render still compiling, or a machine this busy): its row is empty.")
    text = "\n".join(out) + "\n"
    with open(results_md, "w") as f:
        f.write(text)
    print(text)
    if failed:
        print("FAILED: some requests or transactions failed, or report numbers have gaps (see above)", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"wrk": wrk, "pgbench": pgbench, "open": open_loop, "fact": fact, "summary": summary}[command](*args)
