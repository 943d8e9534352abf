#!/usr/bin/env bash
# EduMatrix's GET /api/courses/{id} side by side with a bare Spring Boot peer (bench/peer: one table, one
# Spring Data JDBC findById, one @GetMapping), in the same run: every variant in a fresh JVM with the same JVM
# flags, alternating, warmed up, then measured with wrk. Prints each variant's req/s as a ratio to the peer of
# the same cycle. See bench/README.md.
#
#   bench/peer-compare.sh          full run (about 15 minutes with the defaults)
#   PROFILE=1 bench/peer-compare.sh   the same with a JFR recording of every measured phase
set -Eeuo pipefail
# set -e alone ends the script without a word when a command inside a function fails.
trap 'printf "[%s] ERROR: line %s: %s failed\n" "$(date +%T)" "$LINENO" "$BASH_COMMAND" >&2' ERR

usage() {
  cat <<'EOF'
usage: bench/peer-compare.sh
env knobs (defaults): CYCLES=2 WARMUP=120 RUNS=3 DURATION=20 THREADS=2 CONNECTIONS=32 COURSES=1000
  INSTITUTIONS=2 VARIANTS="peer edumatrix-rls edumatrix" ORDER=abba JVM_FLAGS="-XX:+UseG1GC -Xmx1g" PROFILE=0 SKIP_BUILD=0
  KEEP_DBS=0 PORT=18181 EDUMATRIX_JAR=(built here) 
  EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL=bench-admin@example.com EDUMATRIX_BOOTSTRAP_ADMIN_PASSWORD=(random)
  DB_HOST=127.0.0.1 DB_PORT=5432 DB_ADMIN_USER=postgres DB_ADMIN_PASSWORD= JAVA_HOME=(Temurin 25)
EOF
}
case "${1:-}" in
  '') ;;
  -h | --help) usage; exit 0 ;;
  *) usage >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
ROOT=$PWD

CYCLES=${CYCLES:-2} WARMUP=${WARMUP:-120} RUNS=${RUNS:-3} DURATION=${DURATION:-20}
THREADS=${THREADS:-2} CONNECTIONS=${CONNECTIONS:-32} COURSES=${COURSES:-1000} INSTITUTIONS=${INSTITUTIONS:-2}
PORT=${PORT:-18181} VARIANTS=${VARIANTS:-peer edumatrix-rls edumatrix} ORDER=${ORDER:-abba}
# G1 named explicitly: the JVM would pick Serial GC by itself in a container limited to one CPU or < 1792 MB,
# and the heap cap keeps RSS independent of the machine's memory.
JVM_FLAGS=${JVM_FLAGS:--XX:+UseG1GC -Xmx1g}
PROFILE=${PROFILE:-0} SKIP_BUILD=${SKIP_BUILD:-0} KEEP_DBS=${KEEP_DBS:-0}
DB_HOST=${DB_HOST:-127.0.0.1} DB_PORT=${DB_PORT:-5432} DB_ADMIN_USER=${DB_ADMIN_USER:-postgres}
DB_ADMIN_PASSWORD=${DB_ADMIN_PASSWORD:-}

# One key for the run: every EduMatrix JVM of the run unwraps the signing keys the first one stored.
EDUMATRIX_KEY_WRAPPING_KEY=${EDUMATRIX_KEY_WRAPPING_KEY:-$(head -c 32 /dev/urandom | base64)}
log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
run() { log "+ $*"; "$@"; }

for knob in CYCLES WARMUP RUNS DURATION THREADS CONNECTIONS COURSES INSTITUTIONS PORT; do
  [[ ${!knob} =~ ^[1-9][0-9]*$ ]] || die "$knob must be a positive integer (got '${!knob}')"
done
((COURSES >= INSTITUTIONS)) || die "COURSES must be at least INSTITUTIONS"
[[ $ORDER == abba || $ORDER == fixed ]] || die "ORDER must be abba or fixed"
read -r -a VARIANT_LIST <<<"$VARIANTS"
[[ ${VARIANT_LIST[0]:-} == peer ]] || die "VARIANTS must start with peer, the yardstick of every ratio"
for name in "${VARIANT_LIST[@]}"; do # checked now rather than after the builds and the seeding
  case $name in
    peer | edumatrix) ;;
    edumatrix-rls | edumatrix-spring) ;;
    edumatrix-pool[1-9] | edumatrix-pool[1-9][0-9]) ;;
    *) die "unknown variant '$name' (known: peer edumatrix edumatrix-rls edumatrix-spring edumatrix-pool<N>)" ;;
  esac
done
# A warm-up under 120 s is allowed for trying the script out, but its figures are labelled as such:
# on two cores the JIT keeps compiling for about 100 s (shared/design/benchmarking.md).
SMOKE=0
((WARMUP >= 120)) || { SMOKE=1; log "warning: WARMUP=$WARMUP < 120 s: a smoke run, not a measurement"; }
((RUNS >= 3)) || log "warning: RUNS=$RUNS; medians need at least 3 runs to mean much"

JAVA_HOME=${JAVA_HOME:-$(find /usr/lib/jvm -maxdepth 1 -name 'temurin-25*' \( -type d -o -type l \) 2>/dev/null | sort | head -n 1 || true)}
[[ -x ${JAVA_HOME:-}/bin/java ]] || die "no JDK 25: set JAVA_HOME (looked for /usr/lib/jvm/temurin-25*)"
export JAVA_HOME
JAVA=$JAVA_HOME/bin/java
read -r -a JVM_FLAG_LIST <<<"$JVM_FLAGS"

STAMP=$(date +%Y%m%d-%H%M%S)
OUT=$ROOT/bench/out/peer-compare-$STAMP
mkdir -p "$OUT"
RESULTS=$OUT/results.tsv
log "output in $OUT"

# psql reaches the server through the libpq environment.
export PGHOST=$DB_HOST PGPORT=$DB_PORT PGUSER=$DB_ADMIN_USER
[[ -z $DB_ADMIN_PASSWORD ]] || export PGPASSWORD=$DB_ADMIN_PASSWORD
psql_on() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
sql() { psql_on postgres "$1"; }

PEER_DB=peer_compare_peer_$$
EDU_DB=peer_compare_edumatrix_$$
# EduMatrix's roles are cluster-wide; a prefix of this run keeps them apart from any other installation on the server.
EDU_ROLE_PREFIX=pc$$_
APP_PID='' DBS=()

stop_app() {
  [[ -n $APP_PID ]] || return 0
  if kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=''
}
cleanup() {
  set +e
  stop_app
  if [[ $KEEP_DBS == 1 ]]; then
    ((${#DBS[@]} == 0)) || log "kept databases ${DBS[*]} (roles $EDU_ROLE_PREFIX*)"
    return
  fi
  local db role
  for db in "${DBS[@]}"; do sql "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" || log "warning: could not drop $db"; done
  for role in $(sql "SELECT rolname FROM pg_roles WHERE starts_with(rolname, '$EDU_ROLE_PREFIX')"); do
    sql "DROP ROLE \"$role\"" || log "warning: could not drop role $role"
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

apt_install() {
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  run "${sudo[@]}" apt-get install -y "$@" || { run "${sudo[@]}" apt-get update && run "${sudo[@]}" apt-get install -y "$@"; }
}
command -v curl >/dev/null || apt_install curl
command -v wrk >/dev/null || apt_install wrk
command -v psql >/dev/null || die "psql is needed (apt-get install postgresql-client)"
pg_isready -q -h "$DB_HOST" -p "$DB_PORT" || die "PostgreSQL is not accepting connections on $DB_HOST:$DB_PORT"
BASE_URL=http://127.0.0.1:$PORT
if curl -s -o /dev/null --max-time 2 "$BASE_URL/"; then die "something already listens on port $PORT (set PORT)"; fi

# ---------------------------------------------------------------- HTTP helpers
HTTP_CODE='' HTTP_BODY=''
api() { # method path [json] [token] -> HTTP_CODE, HTTP_BODY
  local args=(-sS --max-time 20 -X "$1" -w '\n%{http_code}') resp
  [[ -z ${3:-} ]] || args+=(-H 'Content-Type: application/json' -d "$3")
  [[ -z ${4:-} ]] || args+=(-H "Authorization: Bearer $4")
  resp=$(curl "${args[@]}" "$BASE_URL$2") || die "$1 $2: no answer"
  HTTP_CODE=${resp##*$'\n'} HTTP_BODY=${resp%$'\n'*}
}
expect() { # codes... : dies unless HTTP_CODE is one of them
  local code
  for code in "$@"; do [[ $HTTP_CODE == "$code" ]] && return 0; done
  die "expected HTTP $* but got $HTTP_CODE: $HTTP_BODY"
}
json_string() { # field json -> the field's string value
  [[ $2 =~ \"$1\"[[:space:]]*:[[:space:]]*\"([^\"]+)\" ]] || die "no \"$1\" in $2"
  printf '%s' "${BASH_REMATCH[1]}"
}
json_number() {
  [[ $2 =~ \"$1\"[[:space:]]*:[[:space:]]*([0-9]+) ]] || die "no \"$1\" in $2"
  printf '%s' "${BASH_REMATCH[1]}"
}

# ---------------------------------------------------------------- EduMatrix adapter
# The only part that knows EduMatrix's API beyond GET /api/courses/{id}: seeding and tokens. It follows the
# identity contract (POST /api/sessions, /api/accounts, /api/institutions/{id}/members); on a build without
# authentication (POST /api/sessions answers 404) it seeds through the open API and sends no token.
EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL=${EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL:-bench-admin@example.com}
EDUMATRIX_BOOTSTRAP_ADMIN_PASSWORD=${EDUMATRIX_BOOTSTRAP_ADMIN_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')}
INSTRUCTOR_EMAIL=bench-instructor@example.com
INSTRUCTOR_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
# Where the rows live, for copying them to the peer (superuser reads see every tenant's rows despite RLS).
EDUMATRIX_COURSE_TABLE=courses.course
EDU_AUTH=0 APP_UP=0 BENCH_INSTITUTION=''

edumatrix_login() { # email password [institutionId] -> prints the access token; checks it outlives one wrk run
  local body expires
  if [[ -n ${3:-} ]]; then
    body=$(printf '{"email":"%s","password":"%s","institutionId":"%s"}' "$1" "$2" "$3")
  else
    body=$(printf '{"email":"%s","password":"%s"}' "$1" "$2")
  fi
  api POST /api/sessions "$body"
  expect 200 201
  expires=$(json_number expiresIn "$HTTP_BODY")
  # A token is fetched before every wrk run, so it has to last one run (plus a margin for start and drain).
  ((expires >= WARMUP + 30 && expires >= DURATION + 30)) ||
    die "access tokens live ${expires}s, less than one wrk run (WARMUP=$WARMUP, DURATION=$DURATION) plus 30 s"
  json_string accessToken "$HTTP_BODY"
}

# With the app running on an empty database: INSTITUTIONS institutions, one instructor who is a member of each,
# COURSES courses spread evenly over them. Writes the ids of the benchmark institution's (the first one's)
# courses to $OUT/ids.txt: every variant requests those, so a tenant-scoped token sees all of them.
edumatrix_seed() {
  local admin='' token='' i c n id count inst institutions=() per=$((COURSES / INSTITUTIONS))
  api POST /api/sessions "$(printf '{"email":"%s","password":"%s"}' \
    "$EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL" "$EDUMATRIX_BOOTSTRAP_ADMIN_PASSWORD")"
  case $HTTP_CODE in
    404 | 405) log "this EduMatrix build has no POST /api/sessions: seeding through the open API, no token" ;;
    200 | 201) EDU_AUTH=1 admin=$(edumatrix_login "$EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL" "$EDUMATRIX_BOOTSTRAP_ADMIN_PASSWORD") ;;
    *) die "bootstrap admin login: HTTP $HTTP_CODE: $HTTP_BODY (does the build read EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL/PASSWORD?)" ;;
  esac

  for ((i = 1; i <= INSTITUTIONS; i++)); do
    api POST /api/institutions "$(printf '{"name":"Benchmark Institute %d","code":"BENCH%d"}' "$i" "$i")" "$admin"
    expect 201
    institutions+=("$(json_string id "$HTTP_BODY")")
  done
  BENCH_INSTITUTION=${institutions[0]}
  if ((EDU_AUTH)); then
    api POST /api/accounts "$(printf '{"email":"%s","password":"%s","displayName":"Benchmark Instructor"}' \
      "$INSTRUCTOR_EMAIL" "$INSTRUCTOR_PASSWORD")" "$admin"
    expect 200 201
    for inst in "${institutions[@]}"; do
      api POST "/api/institutions/$inst/members" "$(printf '{"email":"%s","role":"INSTRUCTOR"}' "$INSTRUCTOR_EMAIL")" "$admin"
      expect 200 201 204
    done
  fi

  : >"$OUT/ids.txt"
  n=0
  for ((i = 0; i < INSTITUTIONS; i++)); do
    inst=${institutions[i]}
    ((EDU_AUTH == 0)) || token=$(edumatrix_login "$INSTRUCTOR_EMAIL" "$INSTRUCTOR_PASSWORD" "$inst")
    # The last institution takes the remainder of an uneven split.
    count=$per
    ((i < INSTITUTIONS - 1)) || count=$((COURSES - n))
    for ((c = 1; c <= count; c++)); do
      n=$((n + 1))
      api POST /api/courses "$(printf '{"institutionId":"%s","code":"C%05d","title":"Benchmark course %d"}' "$inst" "$n" "$n")" "$token"
      expect 201
      if ((i == 0)); then
        id=$(json_string id "$HTTP_BODY")
        echo "$id" >>"$OUT/ids.txt"
      fi
    done
  done
  log "seeded $INSTITUTIONS institutions, $COURSES courses; the benchmark requests the $(wc -l <"$OUT/ids.txt") of institution $BENCH_INSTITUTION"
}

# Prints the Authorization header value for a wrk run against EduMatrix, or nothing on a build without tokens.
edumatrix_auth_header() {
  ((EDU_AUTH && APP_UP)) || return 0
  printf 'Bearer %s' "$(edumatrix_login "$INSTRUCTOR_EMAIL" "$INSTRUCTOR_PASSWORD" "$BENCH_INSTITUTION")"
}

# ---------------------------------------------------------------- variants
# A variant is an application, its arguments, the path prefix it serves the rows under and the headers a request
# carries. To add one, add a branch here and name it in VARIANTS.
V_APP='' V_PATH='' V_ARGS=() V_HEADERS=() V_JVM=()
variant() {
  V_ARGS=() V_HEADERS=() V_JVM=()
  case $1 in
    peer) V_APP=peer V_PATH=/items/ ;;
    edumatrix) # the normal application: row-level security and, once merged, JWT validation
      V_APP=edumatrix V_PATH=/api/courses/
      local auth
      auth=$(edumatrix_auth_header)
      [[ -z $auth ]] || V_HEADERS+=("Authorization: $auth")
      ;;
    edumatrix-spring) # the normal application, started from the bean definitions Spring AOT generated at build time
      V_APP=edumatrix V_PATH=/api/courses/ V_JVM=(-Dspring.aot.enabled=true)
      local spring_auth
      spring_auth=$(edumatrix_auth_header)
      [[ -z $spring_auth ]] || V_HEADERS+=("Authorization: $spring_auth")
      ;;
    edumatrix-pool*) # the normal application with every module's pool capped at N connections (sizing the default)
      V_APP=edumatrix V_PATH=/api/courses/
      V_ARGS+=("--edumatrix.database.pool.maximum-pool-size=${1#edumatrix-pool}")
      local pool_auth
      pool_auth=$(edumatrix_auth_header)
      [[ -z $pool_auth ]] || V_HEADERS+=("Authorization: $pool_auth")
      ;;
    edumatrix-rls) # row-level security and all the rest, but the caller comes from a header, not a verified token
      V_APP=edumatrix-rls V_PATH=/api/courses/
      V_HEADERS+=("X-Bench-Institution: $BENCH_INSTITUTION")
      ;;
    *) die "unknown variant '$1' (known: peer edumatrix edumatrix-rls edumatrix-spring edumatrix-pool<N>)" ;;
  esac
}

PEER_JAR='' EDU_JAR=''
start_app() { # app log [args...] -> APP_PID; waits for Spring Boot's "Started ... in" line
  local app=$1 logfile=$2
  shift 2
  local cmd env=(SERVER_PORT="$PORT" DB_HOST="$DB_HOST" DB_PORT="$DB_PORT")
  case $app in
    peer)
      cmd=("$JAVA" "${JVM_FLAG_LIST[@]}" -jar "$PEER_JAR" "$@")
      env+=(DB_NAME="$PEER_DB" DB_USER="$DB_ADMIN_USER" DB_PASSWORD="$DB_ADMIN_PASSWORD")
      ;;
    edumatrix | edumatrix-rls)
      cmd=("$JAVA" "${JVM_FLAG_LIST[@]}" "${V_JVM[@]}" -jar "$EDU_JAR" "--edumatrix.database.role-prefix=$EDU_ROLE_PREFIX" "$@")
      # The same jar, started through Boot's PropertiesLauncher with bench/rls-only's jar on its path: that jar's
      # filter chain takes the caller from a header, so the run measures everything but the token's verification.
      [[ $app == edumatrix ]] || cmd=("$JAVA" "${JVM_FLAG_LIST[@]}" -cp "$EDU_JAR" "-Dloader.path=$RLS_ONLY_JAR"
        org.springframework.boot.loader.launch.PropertiesLauncher "--edumatrix.database.role-prefix=$EDU_ROLE_PREFIX" "$@")
      env+=(DB_NAME="$EDU_DB" DB_ADMIN_USER="$DB_ADMIN_USER" DB_ADMIN_PASSWORD="$DB_ADMIN_PASSWORD"
        EDUMATRIX_KEY_WRAPPING_KEY="$EDUMATRIX_KEY_WRAPPING_KEY"
        EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL="$EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL"
        EDUMATRIX_BOOTSTRAP_ADMIN_PASSWORD="$EDUMATRIX_BOOTSTRAP_ADMIN_PASSWORD")
      ;;
  esac
  log "+ ${cmd[*]} >${logfile#"$ROOT"/}"
  : >"$logfile" # exists before the first grep below, which may run before the JVM's shell opens it
  env "${env[@]}" "${cmd[@]}" >"$logfile" 2>&1 </dev/null &
  APP_PID=$!
  local deadline=$((SECONDS + 120))
  until grep -q 'Started .* in [0-9.]* seconds' "$logfile"; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$logfile" >&2; die "$app exited during start-up (see $logfile)"; }
    ((SECONDS < deadline)) || { tail -n 40 "$logfile" >&2; die "$app did not start within 120 s"; }
    sleep 0.5
  done
}
startup_seconds() { grep -o -m 1 'Started [^ ]* in [0-9.]* seconds' "$1" | awk '{ print $4 }'; }

# ---------------------------------------------------------------- measuring
write_lua() { # file: the wrk script for the current variant, requesting a random one of the ids
  {
    echo '-- generated by bench/peer-compare.sh'
    echo 'local ids = {'
    sed 's/.*/  "&",/' "$OUT/ids.txt"
    echo '}'
    printf 'local prefix = "%s"\n' "$V_PATH"
    local h
    for h in "${V_HEADERS[@]}"; do printf 'wrk.headers["%s"] = "%s"\n' "${h%%: *}" "${h#*: }"; done
    cat <<'LUA'
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
function init(args)
  math.randomseed(os.time() * 1000 + id)
end
function request()
  return wrk.format("GET", prefix .. ids[math.random(#ids)])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH_RESULT %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
LUA
  } >"$1"
}

WRK_REQUESTS=0
WRK_FIGURES=''
wrk_run() { # seconds label -> WRK_FIGURES="req/s p50_ms p99_ms", WRK_REQUESTS (globals: it must not run in a subshell)
  local lua=$OUT/wrk.lua out result duration p50 p99 non2xx socket_errors
  write_lua "$lua"
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --latency -s "$lua" "$BASE_URL") || die "wrk failed: $out"
  printf '=== %s\n%s\n' "$2" "$out" >>"$OUT/wrk.log"
  result=$(grep '^BENCH_RESULT ' <<<"$out") || die "wrk printed no result for $2 (see $OUT/wrk.log)"
  read -r _ WRK_REQUESTS duration p50 p99 non2xx socket_errors <<<"$result"
  ((non2xx == 0)) || die "$2: $non2xx responses were not 2xx/3xx; the figures would be meaningless (see $OUT/wrk.log)"
  ((socket_errors == 0)) || log "warning: $2: $socket_errors socket errors or timeouts"
  WRK_FIGURES=$(awk -v r="$WRK_REQUESTS" -v d="$duration" -v a="$p50" -v b="$p99" \
    'BEGIN { printf "%.0f %.2f %.2f", r / (d / 1e6), a / 1000, b / 1000 }')
}

CLK_TCK=$(getconf CLK_TCK)
# CPU ticks (user + system) of one process, and of the PostgreSQL backends serving one database: the backends of a
# pool live through the measured runs, so the difference of two snapshots is their work for those requests.
process_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
backend_ticks() { # database -> "pid ticks" lines
  local pid
  for pid in $(sql "SELECT pid FROM pg_stat_activity WHERE datname = '$1'"); do
    [[ -r /proc/$pid/stat ]] && awk -v p="$pid" '{ print p, $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || true
  done
}
backend_ms() { # before-file after-file -> milliseconds of CPU the backends spent in between
  awk -v tck="$CLK_TCK" 'FNR == NR { before[$1] = $2; next } { total += $2 - before[$1] } END { printf "%.0f", total * 1000 / tck }' "$1" "$2"
}

measure() { # variant cycle -> appends one line to $RESULTS
  local name=$1 cycle=$2 tag="$1-c$2" db
  APP_UP=0
  variant "$name"
  [[ $V_APP == peer ]] && db=$PEER_DB || db=$EDU_DB
  start_app "$V_APP" "$OUT/$tag.log" "${V_ARGS[@]}"
  # Tokens come from the running application: the variant's headers are made again now that it is up.
  APP_UP=1
  variant "$name"
  local startup
  startup=$(startup_seconds "$OUT/$tag.log")
  log "$tag: started in ${startup} s (pid $APP_PID)"

  local code first
  first=$(head -n 1 "$OUT/ids.txt")
  local h hdr=()
  for h in "${V_HEADERS[@]}"; do hdr+=(-H "$h"); done
  code=$(curl -s -o "$OUT/$tag.sample.json" -w '%{http_code}' "${hdr[@]}" "$BASE_URL$V_PATH$first")
  [[ $code == 200 ]] || die "$tag: GET $V_PATH$first -> HTTP $code ($(cat "$OUT/$tag.sample.json"))"

  log "$tag: warm-up, wrk -t$THREADS -c$CONNECTIONS -d${WARMUP}s (discarded)"
  wrk_run "$WARMUP" "$tag warm-up"
  log "$tag: warm-up ended at $WRK_FIGURES (req/s p50 p99)"

  local jfr=$OUT/$tag.jfr
  if [[ $PROFILE == 1 ]]; then
    "$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.start name=peer-compare settings=profile >/dev/null ||
      die "$tag: JFR.start failed"
  fi
  local jvm_before pg_before=$OUT/$tag.pg-before pg_after=$OUT/$tag.pg-after requests=0 i
  local rps=() p50=() p99=() r a b
  backend_ticks "$db" >"$pg_before"
  jvm_before=$(process_ticks "$APP_PID")
  for ((i = 1; i <= RUNS; i++)); do
    # A fresh token per run (before the clock starts), so no token can expire during one.
    variant "$name"
    wrk_run "$DURATION" "$tag run $i"
    read -r r a b <<<"$WRK_FIGURES"
    rps+=("$r") p50+=("$a") p99+=("$b")
    requests=$((requests + WRK_REQUESTS))
    log "$tag: run $i/$RUNS: $r req/s, p50 $a ms, p99 $b ms"
  done
  local jvm_ms pg_ms rss
  jvm_ms=$(awk -v t="$(($(process_ticks "$APP_PID") - jvm_before))" -v tck="$CLK_TCK" 'BEGIN { printf "%.0f", t * 1000 / tck }')
  backend_ticks "$db" >"$pg_after"
  pg_ms=$(backend_ms "$pg_before" "$pg_after")
  rss=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")
  if [[ $PROFILE == 1 ]]; then
    "$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.stop name=peer-compare filename="$jfr" >/dev/null || die "$tag: JFR.stop failed"
    profile_summary "$jfr" >"$OUT/$tag.hot.txt"
  fi
  stop_app

  # variant cycle req/s p50 p99 rss_mb startup_s jvm_cpu_ms_per_req pg_cpu_ms_per_req runs
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$cycle" "$(median "${rps[@]}")" "$(median "${p50[@]}")" \
    "$(median "${p99[@]}")" "$rss" "${startup:-?}" \
    "$(awk -v m="$jvm_ms" -v n="$requests" 'BEGIN { printf "%.3f", m / n }')" \
    "$(awk -v m="$pg_ms" -v n="$requests" 'BEGIN { printf "%.3f", m / n }')" "${rps[*]}" >>"$RESULTS"
}

# JFR's own hot-methods view (execution samples by their top frame), then the same samples by the package of their
# first frame outside the JDK: the top frame alone is mostly HashMap or String, the first library frame says whose
# work it is (Tomcat, Jackson, Spring Data, pgjdbc, HikariCP, the application).
profile_summary() {
  local jfr=$1 jfr_tool=$JAVA_HOME/bin/jfr
  echo "## $(basename "$jfr"): hot methods (jdk.ExecutionSample, top frame)"
  "$jfr_tool" view --width 160 hot-methods "$jfr"
  echo
  echo "## $(basename "$jfr"): samples by the package of the first frame outside the JDK"
  "$jfr_tool" print --events jdk.ExecutionSample --stack-depth 64 "$jfr" |
    awk '
      /stackTrace = \[/ { inside = 1; found = 0; next }
      inside && /^[ \t]*\]/ { if (!found) count["(JDK frames only)"]++; total++; inside = 0; next }
      inside && !found {
        frame = $0; sub(/^[ \t]+/, "", frame); sub(/\(.*/, "", frame)
        if (frame ~ /^(java|javax|jdk|sun|com\.sun)\./ || frame == "...") next
        n = split(frame, part, "."); pkg = part[1]
        for (i = 2; i < n - 1; i++) pkg = pkg "." part[i]
        count[pkg]++; found = 1
      }
      END { for (p in count) printf "%7.2f%%  %6d  %s\n", 100 * count[p] / total, count[p], p }' |
    sort -rn | awk 'NR <= 25' # not head: it would stop reading, and pipefail would fail the pipeline
}

# ---------------------------------------------------------------- build
find_jar() { find "$1" -maxdepth 1 -name "$2" ! -name '*-plain.jar' 2>/dev/null | sort | tail -n 1; }
# EDUMATRIX_JAR measures a jar built elsewhere (another commit, say) against this checkout's peer.
EDU_JAR=${EDUMATRIX_JAR:-}
if [[ $SKIP_BUILD != 1 ]]; then
  [[ -n $EDU_JAR ]] || run ./mvnw -B -q -DskipTests package
  run ./mvnw -B -q -f bench/peer/pom.xml -DskipTests package
fi
[[ -n $EDU_JAR ]] || EDU_JAR=$(find_jar target 'edumatrix-*.jar')
PEER_JAR=$(find_jar bench/peer/target 'peer-*.jar')
[[ -n $EDU_JAR && -n $PEER_JAR ]] || die "missing jars (EduMatrix: '${EDU_JAR}', peer: '${PEER_JAR}'); run without SKIP_BUILD=1"

# bench/rls-only, compiled against the application's own classes and libraries (unpacked from its jar).
RLS_ONLY_JAR=$OUT/rls-only.jar
build_rls_only_jar() {
  local work=$OUT/rls-only
  rm -rf "$work" && mkdir -p "$work/app" "$work/classes"
  (cd "$work/app" && "$JAVA_HOME/bin/jar" xf "$EDU_JAR")
  "$JAVA_HOME/bin/javac" -d "$work/classes" -cp "$work/app/BOOT-INF/classes:$work/app/BOOT-INF/lib/*" \
    $(find bench/rls-only/src -name '*.java')
  cp -r bench/rls-only/resources/. "$work/classes/"
  "$JAVA_HOME/bin/jar" cf "$RLS_ONLY_JAR" -C "$work/classes" .
  rm -rf "$work"
}
for name in "${VARIANT_LIST[@]}"; do
  [[ $name != edumatrix-rls ]] || { build_rls_only_jar; break; }
done

# ---------------------------------------------------------------- databases and data
run sql "CREATE DATABASE $EDU_DB"
DBS+=("$EDU_DB")
run sql "CREATE DATABASE $PEER_DB"
DBS+=("$PEER_DB")

log "seeding EduMatrix through its API"
start_app edumatrix "$OUT/seed-edumatrix.log"
edumatrix_seed
stop_app

log "copying the same rows into the peer's table"
start_app peer "$OUT/seed-peer.log" # creates the peer's table
stop_app
columns='id, version, institution_id, code, title, description, enrollment_open, created_at, updated_at'
psql_on "$EDU_DB" "\\copy (SELECT $columns FROM $EDUMATRIX_COURSE_TABLE) TO STDOUT" |
  psql_on "$PEER_DB" "\\copy item ($columns) FROM STDIN"
[[ $(psql_on "$PEER_DB" 'SELECT count(*) FROM item') == "$COURSES" ]] || die "the peer's table does not hold $COURSES rows"
# Statistics and visibility map up to date, and no checkpoint or autovacuum of the seeding left to fall into a run.
psql_on "$EDU_DB" "VACUUM ANALYZE $EDUMATRIX_COURSE_TABLE"
psql_on "$PEER_DB" 'VACUUM ANALYZE item'
sql CHECKPOINT

# ---------------------------------------------------------------- cycles
{
  echo "bench/peer-compare.sh $(date -u +%FT%TZ) on $(hostname), $(nproc) cores shared by wrk, the JVMs and PostgreSQL $(sql 'SHOW server_version')"
  ((SMOKE == 0)) || echo "SMOKE RUN: warm-up ${WARMUP} s < 120 s, not a measurement"
  ((PROFILE == 0)) || echo "PROFILED: JFR (settings=profile) recorded every measured phase; throughput includes its cost"
  echo "variants: ${VARIANT_LIST[*]}; order $ORDER; cycles: $CYCLES; warm-up ${WARMUP} s; $RUNS x ${DURATION} s of wrk -t$THREADS -c$CONNECTIONS --latency"
  echo "data: $COURSES rows over $INSTITUTIONS institutions; requests go to the $(wc -l <"$OUT/ids.txt") rows of the first; EduMatrix tokens: $( ((EDU_AUTH)) && echo yes || echo 'none (build without authentication)')"
  echo "jvm: $("$JAVA" -version 2>&1 | sed -n 2p)"
  echo "jvm flags (every variant): $JVM_FLAGS"
  echo "effective: $("$JAVA" "${JVM_FLAG_LIST[@]}" -XX:+PrintCommandLineFlags -version 2>/dev/null | head -n 1)"
} >"$OUT/header.txt"
cat "$OUT/header.txt" >&2

for ((cycle = 1; cycle <= CYCLES; cycle++)); do
  order=("${VARIANT_LIST[@]}")
  # ABBA: every second cycle runs the variants in reverse, so a drift of the machine over time (thermal, other
  # tenants) does not always favour the same variant.
  if [[ $ORDER == abba ]] && ((cycle % 2 == 0)); then
    order=()
    for ((i = ${#VARIANT_LIST[@]} - 1; i >= 0; i--)); do order+=("${VARIANT_LIST[i]}"); done
  fi
  log "cycle $cycle/$CYCLES: ${order[*]}"
  for name in "${order[@]}"; do measure "$name" "$cycle"; done
done

# ---------------------------------------------------------------- report
report() {
  cat "$OUT/header.txt"
  local name cycle
  for name in "${VARIANT_LIST[@]}"; do
    echo
    echo "== $name"
    printf '%-6s %9s %8s %8s %7s %8s %9s %9s %7s   %s\n' cycle 'req/s' 'p50 ms' 'p99 ms' 'RSS MB' 'start s' \
      'JVM ms/r' 'PG ms/r' ratio 'runs req/s'
    awk -F'\t' -v v="$name" '
      $1 == "peer" { peer[$2] = $3 }
      $1 == v      { row[$2] = $0 }
      END {
        for (c = 1; c in row; c++) {
          split(row[c], f, "\t")
          ratio = (c in peer && peer[c] > 0) ? sprintf("%.3f", f[3] / peer[c]) : "-"
          printf "%-6s %9s %8s %8s %7s %8s %9s %9s %7s   %s\n", c, f[3], f[4], f[5], f[6], f[7], f[8], f[9], ratio, f[10]
        }
      }' "$RESULTS"
  done
  echo
  echo "== req/s ratio to the peer of the same cycle (median of cycles; per cycle)"
  for name in "${VARIANT_LIST[@]:1}"; do
    local ratios
    ratios=$(awk -F'\t' -v v="$name" '$1 == "peer" { peer[$2] = $3 } $1 == v { mine[$2] = $3 }
      END { for (c = 1; c in mine; c++) if (peer[c] > 0) printf "%.3f ", mine[c] / peer[c] }' "$RESULTS")
    # shellcheck disable=SC2086 # the ratios are words on purpose
    printf '%-20s %7.3f   %s\n' "$name" "$(median $ratios)" "$ratios"
  done
  if [[ $PROFILE == 1 ]]; then
    echo
    echo "profiles: $OUT/*.jfr, summaries in $OUT/*.hot.txt"
  fi
}
report | tee "$OUT/summary.txt"
if [[ $PROFILE == 1 ]]; then
  for f in "$OUT"/*.hot.txt; do
    echo
    awk '/first frame outside the JDK/ { p = 1 } p && n++ < 16' "$f"
  done
fi
