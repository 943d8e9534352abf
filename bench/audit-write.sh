#!/usr/bin/env bash
# The write overhead of the audit trail: POST /api/courses with the course table's audit trigger enabled and
# disabled, in one application on one database, alternating on/off rounds (ABBA) after one warm-up. Prints the
# median req/s of each and their ratio, and checks that the trail grew in the "on" rounds only. See bench/README.md.
#
#   bench/audit-write.sh
set -Eeuo pipefail
trap 'printf "[%s] ERROR: line %s: %s failed\n" "$(date +%T)" "$LINENO" "$BASH_COMMAND" >&2' ERR

usage() {
  cat <<'EOF'
usage: bench/audit-write.sh
env knobs (defaults): WARMUP=120 PAIRS=3 DURATION=20 THREADS=2 CONNECTIONS=16 JVM_FLAGS="-XX:+UseG1GC -Xmx1g"
  SKIP_BUILD=0 PORT=18282 DB_HOST=127.0.0.1 DB_PORT=5432 DB_ADMIN_USER=postgres DB_ADMIN_PASSWORD= JAVA_HOME=(Temurin 25)
EOF
}
case "${1:-}" in
  '') ;;
  -h | --help) usage; exit 0 ;;
  *) usage >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
ROOT=$PWD
WARMUP=${WARMUP:-120} PAIRS=${PAIRS:-3} DURATION=${DURATION:-20} THREADS=${THREADS:-2} CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-18282} SKIP_BUILD=${SKIP_BUILD:-0} JVM_FLAGS=${JVM_FLAGS:--XX:+UseG1GC -Xmx1g}
DB_HOST=${DB_HOST:-127.0.0.1} DB_PORT=${DB_PORT:-5432} DB_ADMIN_USER=${DB_ADMIN_USER:-postgres}
DB_ADMIN_PASSWORD=${DB_ADMIN_PASSWORD:-}

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
for knob in WARMUP PAIRS DURATION THREADS CONNECTIONS PORT; do
  [[ ${!knob} =~ ^[1-9][0-9]*$ ]] || die "$knob must be a positive integer (got '${!knob}')"
done
((WARMUP >= 120)) || log "warning: WARMUP=$WARMUP < 120 s: a smoke run, not a measurement"

JAVA_HOME=${JAVA_HOME:-$(find /usr/lib/jvm -maxdepth 1 -name 'temurin-25*' \( -type d -o -type l \) 2>/dev/null | sort | head -n 1 || true)}
[[ -x ${JAVA_HOME:-}/bin/java ]] || die "no JDK 25: set JAVA_HOME (looked for /usr/lib/jvm/temurin-25*)"
export JAVA_HOME
read -r -a JVM_FLAG_LIST <<<"$JVM_FLAGS"
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null || die "wrk is needed (apt-get install wrk)"
command -v psql >/dev/null || die "psql is needed"

OUT=$ROOT/bench/out/audit-write-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
export PGHOST=$DB_HOST PGPORT=$DB_PORT PGUSER=$DB_ADMIN_USER
[[ -z $DB_ADMIN_PASSWORD ]] || export PGPASSWORD=$DB_ADMIN_PASSWORD
DB=audit_write_$$ ROLE_PREFIX=aw$$_ APP_PID=''
sql() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

cleanup() {
  set +e
  trap - ERR # the app's exit status on SIGTERM is not an error here
  if [[ -n $APP_PID ]]; then kill -TERM "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null; fi
  sql postgres "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null
  for role in $(sql postgres "SELECT rolname FROM pg_roles WHERE starts_with(rolname, '$ROLE_PREFIX')"); do
    sql postgres "DROP ROLE \"$role\"" >/dev/null
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ $SKIP_BUILD != 1 ]]; then
  log "building the jar"
  ./mvnw -q -B -DskipTests package >"$OUT/build.log" 2>&1 || die "build failed (see $OUT/build.log)"
fi
JAR=$(ls target/edumatrix-*.jar | grep -v plain | head -n 1) || die "no target/edumatrix-*.jar"

ADMIN_EMAIL=bench-admin@example.com ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
sql postgres "CREATE DATABASE \"$DB\""
BASE=http://127.0.0.1:$PORT
env SERVER_PORT="$PORT" DB_HOST="$DB_HOST" DB_PORT="$DB_PORT" DB_NAME="$DB" DB_ADMIN_USER="$DB_ADMIN_USER" \
  DB_ADMIN_PASSWORD="$DB_ADMIN_PASSWORD" EDUMATRIX_KEY_WRAPPING_KEY="$(head -c 32 /dev/urandom | base64)" \
  EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL=$ADMIN_EMAIL EDUMATRIX_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  "$JAVA_HOME/bin/java" "${JVM_FLAG_LIST[@]}" -jar "$JAR" "--edumatrix.database.role-prefix=$ROLE_PREFIX" \
  >"$OUT/app.log" 2>&1 </dev/null &
APP_PID=$!
for _ in $(seq 240); do
  grep -q 'Started .* in [0-9.]* seconds' "$OUT/app.log" && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$OUT/app.log" >&2; die "the app exited during start-up"; }
  sleep 0.5
done
grep -q 'Started' "$OUT/app.log" || die "the app did not start in 120 s"

post() { # path json [token] -> body; dies unless 2xx
  local args=(-sS -X POST -H 'Content-Type: application/json' -d "$2" -w '\n%{http_code}')
  [[ -z ${3:-} ]] || args+=(-H "Authorization: Bearer $3")
  local resp
  resp=$(curl "${args[@]}" "$BASE$1")
  [[ ${resp##*$'\n'} == 2* ]] || die "POST $1: HTTP ${resp##*$'\n'}: ${resp%$'\n'*}"
  printf '%s' "${resp%$'\n'*}"
}
field() { [[ $2 =~ \"$1\"[[:space:]]*:[[:space:]]*\"([^\"]+)\" ]] || die "no $1 in $2"; printf '%s' "${BASH_REMATCH[1]}"; }

ADMIN=$(field accessToken "$(post /api/sessions "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}")")
INSTITUTION=$(field id "$(post /api/institutions '{"name":"Audit Bench Institute","code":"AUDITBENCH"}' "$ADMIN")")
STAFF_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
post /api/accounts "{\"email\":\"bench-staff@example.com\",\"password\":\"$STAFF_PASSWORD\",\"displayName\":\"Bench Staff\"}" "$ADMIN" >/dev/null
post "/api/institutions/$INSTITUTION/members" '{"email":"bench-staff@example.com","role":"INSTRUCTOR"}' "$ADMIN" >/dev/null
staff_token() {
  field accessToken "$(post /api/sessions "{\"email\":\"bench-staff@example.com\",\"password\":\"$STAFF_PASSWORD\",\"institutionId\":\"$INSTITUTION\"}")"
}

TRIGGER=$(sql "$DB" "SELECT tgname FROM pg_trigger WHERE tgrelid = 'courses.course'::regclass AND tgname = 'courses_trg_audit'")
[[ -n $TRIGGER ]] || die "courses.course has no audit trigger: nothing to compare"
audit(){ sql "$DB" "ALTER TABLE courses.course $1 TRIGGER $TRIGGER"; }
audited_courses() { sql "$DB" "SELECT count(*) FROM courses.audit_log WHERE table_name = 'course'"; }

RESULT_RPS=0
run_wrk() { # seconds tag -> RESULT_RPS
  cat >"$OUT/post.lua" <<LUA
local counter = 0
function setup(thread) counter = counter + 1; thread:set("tid", counter) end
function init(args) n = 0 end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $(staff_token)"
function request()
  n = n + 1
  return wrk.format(nil, "/api/courses", nil,
    string.format('{"institutionId":"$INSTITUTION","code":"$2-%d-%d","title":"Audit bench course"}', tid, n))
end
function done(summary, latency, requests)
  io.write(string.format("BENCH_RESULT %d %d %d\n", summary.requests, summary.duration, summary.errors.status))
end
LUA
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s -s "$OUT/post.lua" "$BASE")
  printf '=== %s\n%s\n' "$2" "$out" >>"$OUT/wrk.log"
  read -r _ requests duration non2xx <<<"$(grep '^BENCH_RESULT' <<<"$out")"
  ((non2xx == 0)) || die "$2: $non2xx responses were not 2xx (see $OUT/wrk.log)"
  RESULT_RPS=$(awk -v r="$requests" -v d="$duration" 'BEGIN { printf "%.0f", r / (d / 1e6) }')
}

log "warm-up: ${WARMUP}s with auditing on (discarded)"
run_wrk "$WARMUP" w
ON=() OFF=()
for ((p = 1; p <= PAIRS; p++)); do
  order=(on off)
  ((p % 2)) || order=(off on)
  for mode in "${order[@]}"; do
    [[ $mode == on ]] && audit ENABLE || audit DISABLE
    before=$(audited_courses)
    run_wrk "$DURATION" "p$p$mode"
    grew=$(($(audited_courses) - before))
    if [[ $mode == on ]]; then
      ((grew > 0)) || die "auditing was on but the trail did not grow"
      ON+=("$RESULT_RPS")
    else
      ((grew == 0)) || die "auditing was off but the trail grew by $grew"
      OFF+=("$RESULT_RPS")
    fi
    log "pair $p, audit $mode: $RESULT_RPS req/s (audit rows +$grew)"
  done
done
audit ENABLE
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
on=$(median "${ON[@]}") off=$(median "${OFF[@]}")
{
  printf 'POST /api/courses, wrk -t%s -c%s, %s s rounds, after a %s s warm-up\n' "$THREADS" "$CONNECTIONS" "$DURATION" "$WARMUP"
  printf 'audit on   median %s req/s   rounds %s\n' "$on" "${ON[*]}"
  printf 'audit off  median %s req/s   rounds %s\n' "$off" "${OFF[*]}"
  awk -v a="$on" -v b="$off" 'BEGIN { printf "on / off   %.3f\n", a / b }'
} | tee "$OUT/results.txt"
