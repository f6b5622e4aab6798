#!/usr/bin/env python3
"""Sign-in timing for known and unknown addresses (issue 13, acceptance: "timing within noise").

Alternates POST /my-reports (the form that mails a sign-in link) for addresses that are customers
and addresses that are not, over one keep-alive connection, and prints the median and p90 of each
and their difference. It is a measurement, not a test: a test never asserts speed.

Usage:
  bench/sign-in-timing.py [N]            starts target/focusedroom.jar (built if missing) on an
                                         embedded PostgreSQL with the limits raised, measures N
                                         pairs (default 300), stops it
  URL=http://host:port bench/sign-in-timing.py [N]
                                         measures a running app; start it with
                                         --focusedroom.rate-limit.requests=1000000
                                         --focusedroom.mail.per-client-per-hour=1000000
                                         --focusedroom.mail.per-recipient-per-hour=1000000
                                         (else the limits, not the addresses, decide the work)
Environment: APP_PORT (8097), DB_PORT (54397), WARMUP pairs (100), KNOWN/UNKNOWN pool sizes (20).
"""
import http.client
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAIRS = int(sys.argv[1]) if len(sys.argv) > 1 else 300
WARMUP = int(os.environ.get("WARMUP", "100"))
POOL = int(os.environ.get("KNOWN", "20"))
RUN = str(int(time.time()))


def start_app():
    port, db_port = os.environ.get("APP_PORT", "8097"), os.environ.get("DB_PORT", "54397")
    jar = os.path.join(ROOT, "target", "focusedroom.jar")
    if not os.path.exists(jar):
        subprocess.run(["./mvnw", "-q", "-B", "-ntp", "package", "-DskipTests"], cwd=ROOT, check=True)
    data = os.path.join(ROOT, "target", "bench-sign-in")
    shutil.rmtree(data, ignore_errors=True)
    os.makedirs(data)
    log = open(os.path.join(data, "app.log"), "w")
    app = subprocess.Popen(["java", "-Xms512m", "-Xmx512m", "-jar", jar, "--server.port=" + port,
                            "--focusedroom.embedded-database.data-directory=" + os.path.join(data, "postgres"),
                            "--focusedroom.embedded-database.port=" + db_port,
                            "--focusedroom.rate-limit.requests=1000000",
                            "--focusedroom.mail.per-client-per-hour=1000000",
                            "--focusedroom.mail.per-recipient-per-hour=1000000"],
                           stdout=log, stderr=subprocess.STDOUT)
    for _ in range(180):
        try:
            c = http.client.HTTPConnection("localhost", int(port), timeout=2)
            c.request("GET", "/actuator/health")
            if c.getresponse().status == 200:
                return app, "http://localhost:" + port
        except OSError:
            pass
        time.sleep(1)
    app.kill()
    sys.exit("the app did not start; see target/bench-sign-in/app.log")


class Browser:
    """One visitor: a keep-alive connection, its cookies and the page's CSRF token."""

    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.conn = http.client.HTTPConnection(url.hostname, url.port)
        self.cookies = {}
        page = self.send("GET", "/my-reports")[1]
        self.csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)

    def send(self, method, path, body=None, content_type=None):
        headers = {"Cookie": "; ".join(k + "=" + v for k, v in self.cookies.items())}
        if content_type:
            headers["Content-Type"] = content_type
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        text = response.read().decode()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.split(";")[0].partition("=")
                self.cookies[name] = rest
        return response.status, text

    def ask_for_link(self, email):
        body = urllib.parse.urlencode({"email": email, "_csrf": self.csrf})
        started = time.perf_counter()
        status, _ = self.send("POST", "/my-reports", body, "application/x-www-form-urlencoded")
        elapsed = time.perf_counter() - started
        if status != 200:
            sys.exit("POST /my-reports answered %d (limits not raised?)" % status)
        return elapsed * 1000


def quantile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main():
    app, base = (None, os.environ["URL"]) if "URL" in os.environ else start_app()
    try:
        browser = Browser(base)
        answers = ",".join(["3"] * 120)
        known = ["bench.known.%s.%d@example.com" % (RUN, i) for i in range(POOL)]
        unknown = ["bench.unknown.%s.%d@example.com" % (RUN, i) for i in range(POOL)]
        for email in known:
            status, _ = browser.send("POST", "/api/v1/big-five",
                                     json.dumps({"email": email, "answers": json.loads("[" + answers + "]")}),
                                     "application/json")
            assert status == 201, status
        times = {"known": [], "unknown": []}
        for i in range(WARMUP + PAIRS):
            pair = [("known", known[i % POOL]), ("unknown", unknown[i % POOL])]
            random.shuffle(pair)  # neither kind always goes first
            for kind, email in pair:
                elapsed = browser.ask_for_link(email)
                if i >= WARMUP:
                    times[kind].append(elapsed)
        k, u = times["known"], times["unknown"]
        print("pairs %d (after %d unmeasured), %d known and %d unknown addresses" % (PAIRS, WARMUP, POOL, POOL))
        for kind in ("known", "unknown"):
            print("%-8s median %6.2f ms   p90 %6.2f ms" % (kind, statistics.median(times[kind]),
                                                           quantile(times[kind], 0.9)))
        print("known - unknown: median %+.2f ms, p90 %+.2f ms" % (statistics.median(k) - statistics.median(u),
                                                                 quantile(k, 0.9) - quantile(u, 0.9)))
    finally:
        if app:
            app.terminate()
            app.wait(60)


if __name__ == "__main__":
    main()
