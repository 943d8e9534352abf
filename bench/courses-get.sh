#!/usr/bin/env bash
# HTTP throughput baseline: GET /api/courses/{id} under wrk, measured against pgbench select-only
# on the same PostgreSQL server in the same run. See bench/README.md.
#
#   bench/courses-get.sh                 full run (app + wrk, then pgbench)
#   bench/courses-get.sh --pgbench-only  only the pgbench baseline (needs only PostgreSQL)
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/courses-get.sh [--pgbench-only]
env knobs (defaults): WARMUP=120 (>= 60) ROUNDS=3 DURATION=20 THREADS=2 CONNECTIONS=32 COURSES=1000
  PORT=18080 JAVA_OPTS= REBUILD=0 TENANT_HEADER= PGBENCH_SCALE=10 PGBENCH_CLIENTS=8 PGBENCH_JOBS=2
  DB_HOST=127.0.0.1 DB_PORT=5432 DB_ADMIN_USER=postgres DB_ADMIN_PASSWORD= JAVA_HOME=(Temurin 25)
EOF
}

MODE=full
case "${1:-}" in
  '') ;;
  --pgbench-only) MODE=pgbench ;;
  -h | --help) usage; exit 0 ;;
  *) usage >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
OUT=$PWD/bench/out
mkdir -p "$OUT"

WARMUP=${WARMUP:-120} ROUNDS=${ROUNDS:-3} DURATION=${DURATION:-20}
THREADS=${THREADS:-2} CONNECTIONS=${CONNECTIONS:-32} COURSES=${COURSES:-1000} PORT=${PORT:-18080}
PGBENCH_SCALE=${PGBENCH_SCALE:-10} PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-8} PGBENCH_JOBS=${PGBENCH_JOBS:-2}
DB_HOST=${DB_HOST:-127.0.0.1} DB_PORT=${DB_PORT:-5432} DB_ADMIN_USER=${DB_ADMIN_USER:-postgres}
TENANT_HEADER=${TENANT_HEADER:-} REBUILD=${REBUILD:-0}

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
run() { log "+ $*"; "$@"; }

for knob in WARMUP ROUNDS DURATION THREADS CONNECTIONS COURSES PORT PGBENCH_SCALE PGBENCH_CLIENTS PGBENCH_JOBS; do
  [[ ${!knob} =~ ^[1-9][0-9]*$ ]] || die "$knob must be a positive integer (got '${!knob}')"
done
((WARMUP >= 60)) || die "WARMUP must be at least 60 s (the JIT keeps compiling for ~100 s on 2 cores)"
((ROUNDS >= 3)) || log "warning: ROUNDS=$ROUNDS; medians need at least 3 rounds to mean much"

# psql / pgbench reach the server through the libpq environment.
export PGHOST=$DB_HOST PGPORT=$DB_PORT PGUSER=$DB_ADMIN_USER
[[ -z ${DB_ADMIN_PASSWORD:-} ]] || export PGPASSWORD=$DB_ADMIN_PASSWORD
sql() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "$1"; }

APP_DB=edumatrix_bench_$$
PGBENCH_DB=edumatrix_pgbench_$$
APP_PID=''
DBS=()

stop_app() {
  [[ -n $APP_PID ]] || return 0
  if kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping the app (pid $APP_PID)"
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=''
}
drop_db() { sql "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" || log "warning: could not drop database $1"; }
cleanup() {
  set +e
  stop_app
  for db in "${DBS[@]}"; do drop_db "$db"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

apt_install() {
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  run "${sudo[@]}" apt-get install -y "$@" || { run "${sudo[@]}" apt-get update && run "${sudo[@]}" apt-get install -y "$@"; }
}

command -v psql >/dev/null || die "psql and pgbench are needed (apt-get install postgresql-client)"
command -v pgbench >/dev/null || die "psql and pgbench are needed (apt-get install postgresql-client)"
pg_isready -q -h "$DB_HOST" -p "$DB_PORT" || die "PostgreSQL is not accepting connections on $DB_HOST:$DB_PORT"
PG_VERSION=$(psql -X -At -d postgres -c 'SHOW server_version')

# ---------------------------------------------------------------- HTTP: app + wrk
http_rps=() http_p50=() http_p99=()
RSS_MB='' STARTUP='' TENANT_ARGS=()

wrk_run() { # seconds label -> prints "rps p50_ms p99_ms"
  local out result requests duration_us p50_us p99_us non2xx socket_errors
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --latency -s "$OUT/courses.lua" "$BASE_URL")
  printf '=== %s\n%s\n' "$2" "$out" >>"$OUT/wrk.log"
  result=$(grep '^BENCH_RESULT ' <<<"$out") || die "wrk printed no result for $2 (see $OUT/wrk.log)"
  # BENCH_RESULT requests duration_us p50_us p99_us non2xx socket_errors
  read -r _ requests duration_us p50_us p99_us non2xx socket_errors <<<"$result"
  ((non2xx == 0)) || die "$2: $non2xx responses were not 2xx/3xx; figures are meaningless (see $OUT/wrk.log, $OUT/app.log)"
  ((socket_errors == 0)) || log "warning: $2: $socket_errors socket errors/timeouts"
  awk -v r="$requests" -v d="$duration_us" -v a="$p50_us" -v b="$p99_us" \
    'BEGIN { printf "%.0f %.2f %.2f\n", r / (d / 1e6), a / 1000, b / 1000 }'
}

post_json() { # path json -> sets NEW_ID from the response's "id"
  local resp code body
  resp=$(curl -sS --max-time 10 -w '\n%{http_code}' -H 'Content-Type: application/json' "${TENANT_ARGS[@]}" \
    -d "$2" "$BASE_URL$1") || die "POST $1 failed"
  code=${resp##*$'\n'} body=${resp%$'\n'*}
  [[ $code == 201 ]] || die "POST $1 -> HTTP $code: $body"
  [[ $body =~ \"id\"[[:space:]]*:[[:space:]]*\"([^\"]+)\" ]] || die "POST $1: no \"id\" in $body"
  NEW_ID=${BASH_REMATCH[1]}
}

http_bench() {
  command -v curl >/dev/null || apt_install curl
  command -v wrk >/dev/null || apt_install wrk

  JAVA_HOME=${JAVA_HOME:-$(find /usr/lib/jvm -maxdepth 1 -name 'temurin-25*' \( -type d -o -type l \) 2>/dev/null | sort | head -n 1 || true)}
  [[ -x ${JAVA_HOME:-}/bin/java ]] || die "no JDK 25: set JAVA_HOME (looked for /usr/lib/jvm/temurin-25*)"
  export JAVA_HOME

  find_jar() { find target -maxdepth 1 -name 'edumatrix-*.jar' ! -name '*-plain.jar' 2>/dev/null | sort | tail -n 1; }
  local jar
  jar=$(find_jar)
  if [[ -z $jar || $REBUILD == 1 ]]; then
    run ./mvnw -B -q -DskipTests package
    jar=$(find_jar)
    [[ -n $jar ]] || die "no target/edumatrix-*.jar after the build"
  fi

  BASE_URL=http://127.0.0.1:$PORT
  if curl -s -o /dev/null --max-time 2 "$BASE_URL/"; then die "something already listens on port $PORT (set PORT)"; fi

  run sql "CREATE DATABASE $APP_DB"
  DBS+=("$APP_DB")

  local java_opts=() cmd
  read -r -a java_opts <<<"${JAVA_OPTS:-}"
  cmd=("$JAVA_HOME/bin/java" "${java_opts[@]}" -jar "$jar")
  log "+ SERVER_PORT=$PORT DB_NAME=$APP_DB ${cmd[*]} >$OUT/app.log"
  SERVER_PORT=$PORT DB_HOST=$DB_HOST DB_PORT=$DB_PORT DB_NAME=$APP_DB DB_ADMIN_USER=$DB_ADMIN_USER \
    "${cmd[@]}" >"$OUT/app.log" 2>&1 </dev/null &
  APP_PID=$!

  local deadline=$((SECONDS + 90))
  until [[ $(curl -fsS --max-time 2 "$BASE_URL/actuator/health" 2>/dev/null) == *'"status":"UP"'* ]]; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$OUT/app.log" >&2; die "the app exited during start-up (see $OUT/app.log)"; }
    ((SECONDS < deadline)) || { tail -n 40 "$OUT/app.log" >&2; die "the app was not UP within 90 s"; }
    sleep 1
  done
  log "app is UP"

  log "creating 1 institution and $COURSES courses"
  post_json /api/institutions '{"name":"Benchmark Institute","code":"BENCH"}'
  INSTITUTION_ID=$NEW_ID
  [[ -z $TENANT_HEADER ]] || TENANT_ARGS=(-H "$TENANT_HEADER: $INSTITUTION_ID")
  local ids=() i
  for ((i = 1; i <= COURSES; i++)); do
    post_json /api/courses "$(printf '{"institutionId":"%s","code":"C%05d","title":"Benchmark course %d"}' "$INSTITUTION_ID" "$i" "$i")"
    ids+=("$NEW_ID")
  done
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' "${TENANT_ARGS[@]}" "$BASE_URL/api/courses/${ids[0]}")
  [[ $code == 200 ]] || die "GET /api/courses/${ids[0]} -> HTTP $code"

  {
    echo '-- generated by bench/courses-get.sh: GET a random one of the created courses'
    echo 'local ids = {'
    printf '  "%s",\n' "${ids[@]}"
    echo '}'
    [[ -z $TENANT_HEADER ]] || printf 'wrk.headers["%s"] = "%s"\n' "$TENANT_HEADER" "$INSTITUTION_ID"
    cat <<'LUA'
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end
function init(args)
  math.randomseed(os.time() * 100 + (thread_no or 0))
end
function request()
  return wrk.format("GET", "/api/courses/" .. ids[math.random(#ids)])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH_RESULT %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
LUA
  } >"$OUT/courses.lua"
  : >"$OUT/wrk.log"

  log "+ wrk -t$THREADS -c$CONNECTIONS -d${WARMUP}s --latency  (warm-up, discarded)"
  local res rps p50 p99
  res=$(wrk_run "$WARMUP" warm-up)
  read -r rps p50 p99 <<<"$res"
  log "warm-up: $rps req/s, p50 $p50 ms, p99 $p99 ms"
  for ((i = 1; i <= ROUNDS; i++)); do
    log "+ wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency  (round $i/$ROUNDS)"
    res=$(wrk_run "$DURATION" "round $i")
    read -r rps p50 p99 <<<"$res"
    log "round $i: $rps req/s, p50 $p50 ms, p99 $p99 ms"
    http_rps+=("$rps") http_p50+=("$p50") http_p99+=("$p99")
  done

  STARTUP=$(grep -o -m 1 'Started [^ ]* in [0-9.]* seconds' "$OUT/app.log" | awk '{ print $4 }' || true)
  RSS_MB=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")
  log "app RSS after the HTTP rounds: $RSS_MB MB"
  # The idle app would still hold pooled connections and some CPU: stop it before the pgbench baseline.
  stop_app
}

# ---------------------------------------------------------------- baseline: pgbench select-only
pg_tps=()

pgbench_baseline() {
  run sql "CREATE DATABASE $PGBENCH_DB"
  DBS+=("$PGBENCH_DB")
  log "+ pgbench -i -s $PGBENCH_SCALE $PGBENCH_DB"
  pgbench -i -q -s "$PGBENCH_SCALE" "$PGBENCH_DB" >"$OUT/pgbench.log" 2>&1 || die "pgbench -i failed (see $OUT/pgbench.log)"
  local i out tps
  for ((i = 1; i <= ROUNDS; i++)); do
    log "+ pgbench -S -M prepared -c $PGBENCH_CLIENTS -j $PGBENCH_JOBS -T $DURATION  (round $i/$ROUNDS)"
    out=$(pgbench -S -M prepared -c "$PGBENCH_CLIENTS" -j "$PGBENCH_JOBS" -T "$DURATION" "$PGBENCH_DB" 2>&1) ||
      { printf '%s\n' "$out" >>"$OUT/pgbench.log"; die "pgbench failed (see $OUT/pgbench.log)"; }
    printf '=== round %s\n%s\n' "$i" "$out" >>"$OUT/pgbench.log"
    tps=$(sed -nE 's/^tps = ([0-9.]+) \((without|excluding).*/\1/p' <<<"$out")
    [[ -n $tps ]] || die "no TPS in pgbench output (see $OUT/pgbench.log)"
    tps=$(printf '%.0f' "$tps")
    log "round $i: $tps TPS"
    pg_tps+=("$tps")
  done
  drop_db "$PGBENCH_DB"
}

# ---------------------------------------------------------------- run and report
[[ $MODE == pgbench ]] || http_bench
pgbench_baseline

{
  echo
  echo "== bench/courses-get.sh $(date -u +%FT%TZ)  $(nproc) cores shared by load generator, app and PostgreSQL $PG_VERSION"
  [[ $MODE == pgbench ]] ||
    echo "   HTTP: GET /api/courses/{id} over $COURSES courses, wrk -t$THREADS -c$CONNECTIONS, ${WARMUP} s warm-up, $ROUNDS x ${DURATION} s"
  echo "   pgbench: -S -M prepared -c $PGBENCH_CLIENTS -j $PGBENCH_JOBS, scale $PGBENCH_SCALE, $ROUNDS x ${DURATION} s"
  printf '%-24s %12s   %s\n' metric median rounds
  if [[ $MODE != pgbench ]]; then
    printf '%-24s %12s   %s\n' 'HTTP req/s' "$(median "${http_rps[@]}")" "${http_rps[*]}"
    printf '%-24s %12s   %s\n' 'HTTP p50 (ms)' "$(median "${http_p50[@]}")" "${http_p50[*]}"
    printf '%-24s %12s   %s\n' 'HTTP p99 (ms)' "$(median "${http_p99[@]}")" "${http_p99[*]}"
  fi
  printf '%-24s %12s   %s\n' 'pgbench TPS' "$(median "${pg_tps[@]}")" "${pg_tps[*]}"
  if [[ $MODE != pgbench ]]; then
    printf '%-24s %12s\n' 'HTTP / pgbench' "$(awk -v h="$(median "${http_rps[@]}")" -v p="$(median "${pg_tps[@]}")" 'BEGIN { printf "%.3f", h / p }')"
    printf '%-24s %12s\n' 'app RSS after run (MB)' "$RSS_MB"
    printf '%-24s %12s\n' 'app start-up (s)' "${STARTUP:-?}"
  fi
} | tee -a "$OUT/results.txt"
