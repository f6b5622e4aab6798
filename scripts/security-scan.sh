#!/usr/bin/env bash
# Security scan of the running app with a real scanner: Wapiti (Debian package `wapiti`), through a
# TLS-terminating nginx as in production (so HSTS and Secure cookies are what is scanned). Two scans:
# the public site (test, eBook, reports, unsubscribe, API) and the admin area logged in as the dev
# profile's admin. Fails (exit 1) on any finding of medium level or above, and on any anomaly
# (a 5xx answer or a timeout). Findings: stdout and target/security-scan/*.json.
#
# Needs: Java 17+, wapiti, nginx, openssl, curl, python3
# (Debian: apt-get install -y wapiti nginx openssl curl python3).
# Usage: [JAR=target/focusedroom.jar] [SCAN_MINUTES=10 per scan] [ATTACK_SECONDS=120 per module] [SCAN_MODULES=...] scripts/security-scan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/security-scan
APP_PORT=${APP_PORT:-8094}
TLS_PORT=${TLS_PORT:-8444}
ADMIN_TLS_PORT=${ADMIN_TLS_PORT:-8445}
SCAN_MINUTES=${SCAN_MINUTES:-10}
# Every attack module of Wapiti 3.0.4 that needs nothing from the internet (xxe and ssrf ask the
# wapiti3.ovh endpoint; nikto and wapp download databases; buster and brute_login_form guess
# paths and passwords, which the admin lockout answers by design).
SCAN_MODULES=${SCAN_MODULES:-backup,blindsql,cookieflags,crlf,csp,csrf,exec,file,htaccess,http_headers,methods,permanentxss,redirect,shellshock,sql,xss}
for tool in java wapiti nginx openssl curl python3; do
	command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

JAR=${JAR:-target/focusedroom.jar}
[ -f "$JAR" ] || ./mvnw -q -B -ntp package -DskipTests
rm -rf "$OUT" && mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
# The dev profile: an admin "admin" / "admin-dev-only" and an erasure key, on a throwaway database.
# Scanners send many requests from one address, so the rate limit is off.
java -jar "$JAR" --spring.profiles.active=dev --server.port=$APP_PORT \
	--focusedroom.embedded-database.data-directory=$OUT/postgres --focusedroom.rate-limit.enabled=false \
	'--server.tomcat.remoteip.internal-proxies=127\.0\.0\.1|0:0:0:0:0:0:0:1' \
	> $OUT/app.log 2>&1 &
APP_PID=$!

openssl req -x509 -newkey rsa:2048 -nodes -keyout $OUT/key.pem -out $OUT/cert.pem -days 1 -subj /CN=127.0.0.1 \
	2>/dev/null
mkdir -p $OUT/nginx
cat > $OUT/nginx.conf <<NGINX
worker_processes 1;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log;
events { worker_connections 256; }
http {
  access_log off;
  server_tokens off;
  client_body_temp_path $OUT/nginx/body;
  proxy_temp_path $OUT/nginx/proxy;
  server {
    listen 127.0.0.1:$TLS_PORT ssl;
    ssl_certificate $OUT/cert.pem;
    ssl_certificate_key $OUT/key.pem;
    location / {
      proxy_pass http://127.0.0.1:$APP_PORT;
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto https;
    }
  }
  server {
    listen 127.0.0.1:$ADMIN_TLS_PORT ssl;
    ssl_certificate $OUT/cert.pem;
    ssl_certificate_key $OUT/key.pem;
    # Wapiti 3.0.4's own exclusions (-x) fail on Python 3.11, so for the admin scan the proxy keeps
    # the scanner off the login and logout, which would end its session.
    location = /admin/logout { return 403; }
    location = /admin/login { return 403; }
    location / {
      proxy_pass http://127.0.0.1:$APP_PORT;
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto https;
    }
  }
}
NGINX
nginx -c $OUT/nginx.conf
trap 'nginx -c $OUT/nginx.conf -s stop 2>/dev/null; kill $APP_PID 2>/dev/null; wait $APP_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null localhost:$APP_PORT/actuator/health && break; sleep 1; done
BASE=https://127.0.0.1:$TLS_PORT
CURL="curl -sk -b $OUT/cookies.txt -c $OUT/cookies.txt"
# The app straight, as a trusted proxy on this machine would reach it over HTTPS.
APP="http://127.0.0.1:$APP_PORT"
CURL_APP="$CURL -H X-Forwarded-Proto:https"

# Something to scan: two tests by one customer through the API (so the admin area has a customer with
# reports and the report pages exist).
for n in 1 2; do
	$CURL -o /dev/null -H 'Content-Type: application/json' "$BASE/api/v1/big-five" --data \
		'{"name":"Scan","age":30,"career":"Engineer","careerStage":"mid_career","primaryGoal":"focus","email":"scan@example.com","optIn":true,"answers":['"$(python3 -c 'print(",".join(str(i % 5 + 1) for i in range(120)))')"']}'
done

# Log in as the admin the way a browser does; the scanner then uses the session cookie.
CSRF=$($CURL_APP "$APP/admin/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
$CURL_APP -o /dev/null --data-urlencode "_csrf=$CSRF" --data-urlencode username=admin \
	--data-urlencode password=admin-dev-only "$APP/admin/login"
[ "$($CURL -o /dev/null -w '%{http_code}' "$BASE/admin")" = 200 ] || { echo "admin login failed" >&2; exit 1; }
python3 - $OUT/cookies.txt > $OUT/wapiti-cookies.json <<'PY'
import json, sys
jar = {}
for line in open(sys.argv[1]):
    if line.startswith("#HttpOnly_"):
        line = line[len("#HttpOnly_"):]
    elif line.startswith("#") or not line.strip():
        continue
    domain, _, path, secure, expires, name, value = line.rstrip("\n").split("\t")
    domain = domain.split(":")[0]
    jar.setdefault(domain, {}).setdefault(path, {})[name] = {
        "value": value, "expires": None, "secure": secure == "TRUE", "port": None, "version": 0}
print(json.dumps(jar))
PY

scan() {
	local name=$1 url=$2
	shift 2
	echo "== Wapiti: $name ($url)"
	wapiti -u "$url" --scope folder -m "$SCAN_MODULES" --max-scan-time $((SCAN_MINUTES * 60)) \
		--max-attack-time ${ATTACK_SECONDS:-120} --flush-session \
		--verify-ssl 0 -f json -o $OUT/$name.json "$@" > $OUT/$name.log 2>&1 || true
	grep -E '^\[\*\] Wapiti found|^\[\*\] Launching' $OUT/$name.log | tr '\n' ' ' | sed 's/\[\*\] //g'
	echo
}
# The admin area first, logged in (the public scan's attacks on the login form may lock the admin
# out afterwards, as the lockout should); then the public site, login form included, with no session.
scan admin "https://127.0.0.1:$ADMIN_TLS_PORT/admin/" -c $OUT/wapiti-cookies.json
scan public "https://127.0.0.1:$TLS_PORT/"

# Findings on the two admin URLs the admin scan's proxy answers itself (403) are about the proxy, not
# the app (the CSRF check, for one, sees the same 403 with and without a token); the public scan reaches
# the login form itself, and AdminSecurityTests checks that logout needs a CSRF token.
python3 - "$OUT/admin.json:/admin/logout,/admin/login" "$OUT/public.json:" <<'PY'
import json, sys
levels = {0: "info", 1: "low", 2: "medium", 3: "high", 4: "critical"}
failed = False
for arg in sys.argv[1:]:
    report, blocked = arg.rsplit(":", 1)
    blocked = set(filter(None, blocked.split(",")))
    data = json.load(open(report))
    print(f"-- {report.split('/')[-1]}: {data['infos'].get('target')}")
    for kind in ("vulnerabilities", "anomalies"):
        for category, findings in data.get(kind, {}).items():
            for finding in findings:
                level = int(finding.get("level", 0))
                if finding.get("path") in blocked:
                    verdict = "skip"
                else:
                    verdict = "FAIL" if level >= 2 or kind == "anomalies" else "note"
                failed |= verdict == "FAIL"
                print(f"{verdict} {kind} [{levels.get(level, level)}] {category}: {finding.get('method')} "
                      f"{finding.get('path')} {finding.get('parameter') or ''} {finding.get('info')}")
print("Scan failed: medium or higher findings or anomalies" if failed else
      "Scan passed: no medium, high or critical findings, no anomalies")
sys.exit(1 if failed else 0)
PY
