#!/usr/bin/env bash
# Database restarts under write load. Starts a throwaway PostgreSQL cluster of its own (initdb into a temporary
# directory, run with pg_ctl as the postgres OS user, on PG_PORT), so the machine's own server is never touched;
# starts the application on it; drives POST /api/institutions from WORKERS parallel curl loops while the cluster
# restarts RESTARTS times in quick succession; then prints the responses by status and checks that every write
# answered 2xx is in the database. Fails if any answer was a 5xx other than 503 or an acknowledged write is missing.
#
#   bench/db-restart.sh
#   TOKEN=<access token> bench/db-restart.sh      once the API requires a bearer token
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/db-restart.sh
env knobs (defaults): WORKERS=4 RESTARTS=3 PAUSE=3 (seconds of load before, between and after restarts)
  PG_PORT=55432 PORT=18081 CONNECTION_TIMEOUT= (the pools' wait for a connection; empty: the application's default)
  TOKEN= (sent as a bearer token when set) JAR= (default: target/edumatrix-*.jar, built if missing) REBUILD=0
  PG_BIN=(newest /usr/lib/postgresql/*/bin) JAVA_HOME=(Temurin 25)
EOF
}
case "${1:-}" in
  '') ;;
  -h | --help) usage; exit 0 ;;
  *) usage >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
WORKERS=${WORKERS:-4} RESTARTS=${RESTARTS:-3} PAUSE=${PAUSE:-3} PG_PORT=${PG_PORT:-55432} PORT=${PORT:-18081}
CONNECTION_TIMEOUT=${CONNECTION_TIMEOUT:-} TOKEN=${TOKEN:-} JAR=${JAR:-} REBUILD=${REBUILD:-0}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
BASE_URL=http://127.0.0.1:$PORT

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for knob in WORKERS RESTARTS PAUSE PG_PORT PORT; do
  [[ ${!knob} =~ ^[0-9]+$ ]] || die "$knob must be a whole number, not '${!knob}'"
done
[[ -x $PG_BIN/pg_ctl && -x $PG_BIN/initdb ]] || die "no PostgreSQL binaries in '$PG_BIN' (set PG_BIN)"
command -v curl >/dev/null || die "curl is needed"
JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | sort | head -n 1)}
[[ -x ${JAVA_HOME:-}/bin/java ]] || die "no JDK 25: set JAVA_HOME"
export JAVA_HOME

# The cluster runs as the postgres OS user, which may not write where the caller does.
as_postgres() {
  if [[ $(id -un) == postgres ]]; then "$@"
  elif [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"
  else sudo -u postgres "$@"
  fi
}

WORK=$(mktemp -d /tmp/edumatrix-db-restart.XXXXXX)
chmod 755 "$WORK"
mkdir "$WORK/pg"
[[ $(id -un) == postgres ]] || chown postgres "$WORK/pg" 2>/dev/null || sudo chown postgres "$WORK/pg"
APP_PID=
WORKER_PIDS=()

cleanup() {
  touch "$WORK/stop"
  for pid in "${WORKER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg() { as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w "$@" >/dev/null; }
psql_admin() { as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

log "throwaway cluster in $WORK/pg on port $PG_PORT ($PG_BIN)"
as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust -E UTF8 >/dev/null
pg -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1" start
psql_admin -d postgres -c "CREATE DATABASE edumatrix"

if [[ -z $JAR ]]; then
  JAR=$(ls target/edumatrix-*.jar 2>/dev/null | grep -v -e '-sources' -e '-plain' | head -n 1 || true)
  if [[ -z $JAR || $REBUILD == 1 ]]; then
    log "building the application"
    ./mvnw -B -q -DskipTests package
    JAR=$(ls target/edumatrix-*.jar | grep -v -e '-sources' -e '-plain' | head -n 1)
  fi
fi
[[ -f $JAR ]] || die "no application JAR at '$JAR'"

app_args=(--server.port="$PORT" --edumatrix.database.port="$PG_PORT")
[[ -z $CONNECTION_TIMEOUT ]] || app_args+=(--edumatrix.database.pool.connection-timeout="$CONNECTION_TIMEOUT")
log "starting $JAR ${app_args[*]}"
DB_HOST=127.0.0.1 DB_ADMIN_USER=postgres "$JAVA_HOME/bin/java" -jar "$JAR" "${app_args[@]}" >"$WORK/app.log" 2>&1 &
APP_PID=$!
until [[ $(curl -fsS --max-time 2 "$BASE_URL/actuator/health" 2>/dev/null) == *'"status":"UP"'* ]]; do
  kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$WORK/app.log" >&2; die "the application exited during start-up"; }
  sleep 1
done

auth=()
[[ -z $TOKEN ]] || auth=(-H "Authorization: Bearer $TOKEN")

# One line per request: the HTTP status (000: no answer) and the code it registered.
write_loop() {
  local worker=$1 n=0 code status
  while [[ ! -e $WORK/stop ]]; do
    n=$((n + 1))
    code=W${worker}N${n}R$RANDOM
    status=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 60 -X POST "$BASE_URL/api/institutions" \
      -H 'Content-Type: application/json' "${auth[@]}" \
      -d "{\"name\":\"Restart University\",\"code\":\"$code\"}" 2>/dev/null || true)
    echo "${status:-000} $code" >>"$WORK/worker-$worker.log"
  done
}

log "load: $WORKERS writers; $RESTARTS restarts, $PAUSE s apart"
for worker in $(seq "$WORKERS"); do
  write_loop "$worker" &
  WORKER_PIDS+=($!)
done
sleep "$PAUSE"
for restart in $(seq "$RESTARTS"); do
  started=$(date +%s%N)
  pg -m fast restart
  log "restart $restart took $((($(date +%s%N) - started) / 1000000)) ms"
  sleep "$PAUSE"
done
touch "$WORK/stop"
wait "${WORKER_PIDS[@]}" 2>/dev/null || true
WORKER_PIDS=()

cat "$WORK"/worker-*.log >"$WORK/responses"
count() { awk "$1" "$WORK/responses" | wc -l; }
total=$(wc -l <"$WORK/responses")
ok=$(count '$1 ~ /^2/')
unavailable=$(count '$1 == 503')
other_5xx=$(count '$1 ~ /^5/ && $1 != 503')
other=$((total - ok - unavailable - other_5xx))

awk '$1 ~ /^2/ {print $2}' "$WORK/responses" | sort >"$WORK/acknowledged"
psql_admin -d edumatrix -c "SELECT code FROM institutions.institution" | sort >"$WORK/stored"
missing=$(comm -23 "$WORK/acknowledged" "$WORK/stored" | wc -l)
retry_after=$(grep -c 'Database unreachable' "$WORK/app.log" || true)

printf '\nrequests %d: 2xx %d, 503 %d, other 5xx %d, other %d\n' "$total" "$ok" "$unavailable" "$other_5xx" "$other"
printf 'acknowledged writes missing from the database: %d of %d\n' "$missing" "$ok"
printf 'requests the application answered as a database outage (log): %d\n' "$retry_after"
if ((other_5xx > 0)); then
  awk '$1 ~ /^5/ && $1 != 503' "$WORK/responses" | head -n 5 >&2
  grep -m 3 -A 5 'Unhandled exception' "$WORK/app.log" >&2 || true
fi
if ((missing > 0 || other_5xx > 0)); then
  mkdir -p bench/out
  cp "$WORK/app.log" "$WORK/responses" "$WORK/pg/server.log" bench/out/ 2>/dev/null || true
  die "a write was lost or a request failed as a bug (logs in bench/out)"
fi
