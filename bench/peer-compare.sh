#!/usr/bin/env bash
# EduMatrix's secured GET /api/courses/{id} and POST /api/courses side by side with two peers in ONE run: bench/peer
# (bare Spring Boot: one table, one findById, no security) and bench/peer-secured (the same endpoints as a careful team
# would write them by hand: Spring Security's resource server verifying EduMatrix's ES256 tokens, the tenant in the
# WHERE clause, read-only transaction; the POST does EduMatrix's synchronous work: checks the institution, writes the
# row, an event row, the caller as instructor and an audit row per insert). Every application runs
# in its own JVM with the same flags, all at once on their own ports; after a warm-up of each, the measured rounds are
# interleaved (round 1 of each, then round 2 of each, in a rotating order), so the machine's noise falls on all of
# them alike. Prints req/s, p50, p99, RSS under the GET load and CPU per request of each, the ratios, and PASS/FAIL
# per target as its last lines. See bench/README.md.
#
#   bench/peer-compare.sh             full run (about 20 minutes with the defaults)
#   PROFILE=1 bench/peer-compare.sh   the same with a JFR recording of the GET and of the POST rounds of each JVM
set -Eeuo pipefail
# set -e alone ends the script without a word when a command inside a function fails.
trap 'printf "[%s] ERROR: line %s: %s failed\n" "$(date +%T)" "$LINENO" "$BASH_COMMAND" >&2' ERR

usage() {
  cat <<'USAGE'
usage: bench/peer-compare.sh
env knobs (defaults): VARIANTS="peer peer-secured edumatrix" ROUNDS=3 DURATION=20 WARMUP=120 POST_WARMUP=60 POST=1
  THREADS=2 CONNECTIONS=32 COURSES=1000 INSTITUTIONS=2 PROFILE=0 SKIP_BUILD=0
  JVM_FLAGS="-XX:+UseG1GC -Xmx1g -XX:TrimNativeHeapInterval=30000"
  KEEP_DBS=0 START_TIMEOUT=300 SETTLE_TIMEOUT=900 PORT=18181 (variant i listens on PORT+i) EDUMATRIX_JAR=(built here)
  EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL=bench-admin@example.com EDUMATRIX_BOOTSTRAP_ADMIN_PASSWORD=(random)
  DB_HOST=127.0.0.1 DB_PORT=5432 DB_ADMIN_USER=postgres DB_ADMIN_PASSWORD= JAVA_HOME=(Temurin 25)
  BASELINE_JAR= (for the variant edumatrix-baseline: another EduMatrix build, measured in the same run)
  targets: TARGET_GET_BARE=0.8 TARGET_GET_SECURED=1.0 TARGET_POST_SECURED=0.7 TARGET_RSS_BARE=1.2
USAGE
}
case "${1:-}" in
  '') ;;
  -h | --help) usage; exit 0 ;;
  *) usage >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
ROOT=$PWD

# RUNS is the knob's former name.
ROUNDS=${ROUNDS:-${RUNS:-3}} DURATION=${DURATION:-20} WARMUP=${WARMUP:-120} POST_WARMUP=${POST_WARMUP:-60} POST=${POST:-1}
THREADS=${THREADS:-2} CONNECTIONS=${CONNECTIONS:-32} COURSES=${COURSES:-1000} INSTITUTIONS=${INSTITUTIONS:-2}
PORT=${PORT:-18181} VARIANTS=${VARIANTS:-peer peer-secured edumatrix}
# G1 named explicitly: the JVM would pick Serial GC by itself in a container limited to one CPU or < 1792 MB,
# and the heap cap keeps RSS independent of the machine's memory. The native heap trim is the Dockerfile's: without it
# each JVM's RSS also holds what glibc kept of memory the JVM freed (the JIT's arenas, mostly), which says more about
# how much code was compiled than about what the application holds (ADR 0041).
JVM_FLAGS=${JVM_FLAGS:--XX:+UseG1GC -Xmx1g -XX:TrimNativeHeapInterval=30000}
PROFILE=${PROFILE:-0} SKIP_BUILD=${SKIP_BUILD:-0} KEEP_DBS=${KEEP_DBS:-0} START_TIMEOUT=${START_TIMEOUT:-300} SETTLE_TIMEOUT=${SETTLE_TIMEOUT:-900}
DB_HOST=${DB_HOST:-127.0.0.1} DB_PORT=${DB_PORT:-5432} DB_ADMIN_USER=${DB_ADMIN_USER:-postgres}
DB_ADMIN_PASSWORD=${DB_ADMIN_PASSWORD:-}
TARGET_GET_BARE=${TARGET_GET_BARE:-0.8} TARGET_GET_SECURED=${TARGET_GET_SECURED:-1.0}
TARGET_POST_SECURED=${TARGET_POST_SECURED:-0.7} TARGET_RSS_BARE=${TARGET_RSS_BARE:-1.2}

# One key for the run: every EduMatrix JVM of the run unwraps the signing keys the first one stored.
EDUMATRIX_KEY_WRAPPING_KEY=${EDUMATRIX_KEY_WRAPPING_KEY:-$(head -c 32 /dev/urandom | base64)}
log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
run() { log "+ $*"; "$@"; }

for knob in ROUNDS DURATION WARMUP POST_WARMUP THREADS CONNECTIONS COURSES INSTITUTIONS PORT START_TIMEOUT SETTLE_TIMEOUT; do
  [[ ${!knob} =~ ^[1-9][0-9]*$ ]] || die "$knob must be a positive integer (got '${!knob}')"
done
((COURSES >= INSTITUTIONS)) || die "COURSES must be at least INSTITUTIONS"
read -r -a VARIANT_LIST <<<"$VARIANTS"
((${#VARIANT_LIST[@]} > 0)) || die "VARIANTS is empty"
EDU_VARIANT='' # the EduMatrix JVM that issues the tokens (any EduMatrix variant can)
for name in "${VARIANT_LIST[@]}"; do # checked now rather than after the builds and the seeding
  case $name in
    peer | peer-secured) ;;
    edumatrix | edumatrix-rls | edumatrix-no-aot | edumatrix-platform-threads | edumatrix-pool[1-9] | edumatrix-pool[1-9][0-9] | edumatrix-courses-pool[1-9] | \
      edumatrix-courses-pool[1-9][0-9]) EDU_VARIANT=${EDU_VARIANT:-$name} ;;
    edumatrix-baseline)
      [[ -f ${BASELINE_JAR:-} ]] || die "variant edumatrix-baseline needs BASELINE_JAR, an EduMatrix jar built from another commit"
      EDU_VARIANT=${EDU_VARIANT:-$name} ;;
    *) die "unknown variant '$name' (known: peer peer-secured edumatrix edumatrix-baseline edumatrix-rls edumatrix-no-aot" \
      "edumatrix-platform-threads edumatrix-pool<N> edumatrix-courses-pool<N>)" ;;
  esac
done
[[ -n $EDU_VARIANT ]] || die "VARIANTS needs an EduMatrix variant: it holds the data and issues the tokens"
# A warm-up under 120 s is allowed for trying the script out, but its figures are labelled as such:
# on two cores the JIT keeps compiling for about 100 s (shared/design/benchmarking.md).
SMOKE=0
((WARMUP >= 120)) || { SMOKE=1; log "warning: WARMUP=$WARMUP < 120 s: a smoke run, not a measurement"; }
((ROUNDS >= 3)) || log "warning: ROUNDS=$ROUNDS; medians need at least 3 rounds to mean much"

JAVA_HOME=${JAVA_HOME:-$(find /usr/lib/jvm -maxdepth 1 -name 'temurin-25*' \( -type d -o -type l \) 2>/dev/null | sort | head -n 1 || true)}
[[ -x ${JAVA_HOME:-}/bin/java ]] || die "no JDK 25: set JAVA_HOME (looked for /usr/lib/jvm/temurin-25*)"
export JAVA_HOME
JAVA=$JAVA_HOME/bin/java
read -r -a JVM_FLAG_LIST <<<"$JVM_FLAGS"

STAMP=$(date +%Y%m%d-%H%M%S)
OUT=$ROOT/bench/out/peer-compare-$STAMP
mkdir -p "$OUT"
RESULTS=$OUT/results.tsv
: >"$RESULTS"
log "output in $OUT"

# psql reaches the server through the libpq environment.
export PGHOST=$DB_HOST PGPORT=$DB_PORT PGUSER=$DB_ADMIN_USER
[[ -z $DB_ADMIN_PASSWORD ]] || export PGPASSWORD=$DB_ADMIN_PASSWORD
psql_on() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
sql() { psql_on postgres "$1"; }

PEER_DB=peer_compare_peer_$$
SECURED_DB=peer_compare_secured_$$
EDU_DB=peer_compare_edumatrix_$$
# EduMatrix's roles are cluster-wide; a prefix of this run keeps them apart from any other installation on the server.
EDU_ROLE_PREFIX=pc$$_
DBS=()
declare -A PID=() # variant -> JVM pid, while it runs

stop_pid() {
  local pid=$1
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}
stop_all() {
  local name
  for name in "${!PID[@]}"; do stop_pid "${PID[$name]}"; unset "PID[$name]"; done
}
cleanup() {
  set +e
  stop_all
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
url_of() { printf 'http://127.0.0.1:%s' "$1"; }
for ((i = 0; i <= ${#VARIANT_LIST[@]}; i++)); do
  if curl -s -o /dev/null --max-time 2 "$(url_of $((PORT + i)))/"; then die "something already listens on port $((PORT + i)) (set PORT)"; fi
done
# The seeding EduMatrix listens on PORT, variant i on PORT + i.
EDU_URL=$(url_of "$PORT")
BASE_URL=$EDU_URL

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
# The secured peer's POST checks the institution as EduMatrix's does: exists, and active (EduMatrix: status ACTIVE).
EDUMATRIX_INSTITUTION_TABLE=institutions.institution
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

# The Authorization header value for a wrk run against EduMatrix or the secured peer (the same token serves both), or
# nothing on a build without tokens: the benchmark instructor, scoped to the benchmark institution, logged in again
# whenever the token held would not outlive the next run (so the login's CPU falls outside the measured runs).
TOKEN='' TOKEN_UNTIL=0
edumatrix_auth_header() { # seconds the token must still last -> TOKEN_HEADER
  TOKEN_HEADER=''
  ((EDU_AUTH)) || return 0
  if ((SECONDS + $1 + 30 > TOKEN_UNTIL)); then
    BASE_URL=$EDU_URL
    api POST /api/sessions "$(printf '{"email":"%s","password":"%s","institutionId":"%s"}' \
      "$INSTRUCTOR_EMAIL" "$INSTRUCTOR_PASSWORD" "$BENCH_INSTITUTION")"
    expect 200 201
    TOKEN=$(json_string accessToken "$HTTP_BODY")
    TOKEN_UNTIL=$((SECONDS + $(json_number expiresIn "$HTTP_BODY")))
    ((SECONDS + $1 + 30 <= TOKEN_UNTIL)) || die "access tokens live less than one wrk run ($1 s) plus 30 s"
  fi
  TOKEN_HEADER="Bearer $TOKEN"
}

# ---------------------------------------------------------------- variants
# A variant is an application, its arguments and database, the paths it serves the GET and the POST under, and the
# headers a request carries. To add one, add a branch here and name it in VARIANTS.
V_APP='' V_GET='' V_POST='' V_DB='' V_ARGS=() V_JVM=() V_HEADERS=() V_AUTH=0
variant() { # name -> V_*; V_AUTH=1: requests carry the instructor's token
  V_ARGS=() V_JVM=() V_HEADERS=() V_AUTH=0 V_POST=''
  case $1 in
    peer) V_APP=peer V_GET=/items/ V_DB=$PEER_DB ;;
    peer-secured) V_APP=peer-secured V_GET=/items/ V_POST=/items V_DB=$SECURED_DB V_AUTH=1 ;;
    edumatrix) # the application as the Dockerfile starts it, from the bean definitions Spring AOT generated at build
      # time: the token verified, row-level security, method security, …
      V_APP=edumatrix V_GET=/api/courses/ V_POST=/api/courses V_DB=$EDU_DB V_AUTH=1 V_JVM=(-Dspring.aot.enabled=true) ;;
    edumatrix-baseline) # another build of EduMatrix (BASELINE_JAR) on the same data: before and after a change, in one run
      V_APP=edumatrix-baseline V_GET=/api/courses/ V_POST=/api/courses V_DB=$EDU_DB V_AUTH=1 V_JVM=(-Dspring.aot.enabled=true) ;;
    edumatrix-no-aot) # the same jar started with java -jar alone: bean definitions read from the configuration classes
      V_APP=edumatrix V_GET=/api/courses/ V_POST=/api/courses V_DB=$EDU_DB V_AUTH=1 ;;
    edumatrix-platform-threads | edumatrix-courses-pool* | edumatrix-pool*) # as edumatrix, with one setting changed
      V_APP=edumatrix V_GET=/api/courses/ V_POST=/api/courses V_DB=$EDU_DB V_AUTH=1 V_JVM=(-Dspring.aot.enabled=true)
      case $1 in
        # Tomcat's pool of platform threads instead of a virtual thread each
        edumatrix-platform-threads) V_ARGS+=(--spring.threads.virtual.enabled=false) ;;
        # the courses module's pool alone at N connections (the measured path's)
        edumatrix-courses-pool*) V_ARGS+=("--edumatrix.database.module.courses.maximum-pool-size=${1#edumatrix-courses-pool}") ;;
        # every module's pool capped at N connections (sizing the default)
        edumatrix-pool*) V_ARGS+=("--edumatrix.database.pool.maximum-pool-size=${1#edumatrix-pool}") ;;
      esac ;;
    edumatrix-rls) # row-level security and all the rest, but the caller comes from a header, not a verified token
      V_APP=edumatrix-rls V_GET=/api/courses/ V_POST=/api/courses V_DB=$EDU_DB
      V_HEADERS+=("X-Bench-Institution: $BENCH_INSTITUTION") ;;
  esac
  ((POST)) || V_POST=''
}
headers_for() { # name seconds -> V_HEADERS with a token that lasts that long
  variant "$1"
  if ((V_AUTH)); then
    edumatrix_auth_header "$2"
    [[ -z $TOKEN_HEADER ]] || V_HEADERS+=("Authorization: $TOKEN_HEADER")
  fi
}

PEER_JAR='' SECURED_JAR='' EDU_JAR='' RLS_ONLY_JAR=''
start_app() { # app port log [jvm flags...] [-- app args...] -> STARTED_PID; waits for Spring Boot's "Started ... in"
  local app=$1 port=$2 logfile=$3
  shift 3
  local jvm=() args=()
  while (($#)) && [[ $1 != -- ]]; do jvm+=("$1"); shift; done
  (($#)) && shift
  args=("$@")
  local cmd env=(SERVER_PORT="$port" DB_HOST="$DB_HOST" DB_PORT="$DB_PORT")
  case $app in
    peer | peer-secured)
      local jar=$PEER_JAR db=$PEER_DB
      [[ $app == peer ]] || { jar=$SECURED_JAR db=$SECURED_DB; env+=(PEER_JWKS="file:$OUT/jwks.json"); }
      cmd=("$JAVA" "${JVM_FLAG_LIST[@]}" "${jvm[@]}" -jar "$jar" "${args[@]}")
      env+=(DB_NAME="$db" DB_USER="$DB_ADMIN_USER" DB_PASSWORD="$DB_ADMIN_PASSWORD")
      ;;
    edumatrix | edumatrix-rls | edumatrix-baseline)
      local edu_jar=$EDU_JAR
      [[ $app != edumatrix-baseline ]] || edu_jar=$BASELINE_JAR
      cmd=("$JAVA" "${JVM_FLAG_LIST[@]}" "${jvm[@]}" -jar "$edu_jar" "--edumatrix.database.role-prefix=$EDU_ROLE_PREFIX" "${args[@]}")
      # The same jar, started through Boot's PropertiesLauncher with bench/rls-only's jar on its path: that jar's
      # filter chain takes the caller from a header, so the run measures everything but the token's verification.
      [[ $app != edumatrix-rls ]] || cmd=("$JAVA" "${JVM_FLAG_LIST[@]}" "${jvm[@]}" -cp "$EDU_JAR" "-Dloader.path=$RLS_ONLY_JAR"
        org.springframework.boot.loader.launch.PropertiesLauncher "--edumatrix.database.role-prefix=$EDU_ROLE_PREFIX" "${args[@]}")
      env+=(DB_NAME="$EDU_DB" DB_ADMIN_USER="$DB_ADMIN_USER" DB_ADMIN_PASSWORD="$DB_ADMIN_PASSWORD"
        EDUMATRIX_KEY_WRAPPING_KEY="$EDUMATRIX_KEY_WRAPPING_KEY"
        EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL="$EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL"
        EDUMATRIX_BOOTSTRAP_ADMIN_PASSWORD="$EDUMATRIX_BOOTSTRAP_ADMIN_PASSWORD"
        # The metrics' own port (ADR 0020), one per JVM.
        MANAGEMENT_PORT=$((port + 50)))
      ;;
  esac
  log "+ ${cmd[*]} >${logfile#"$ROOT"/}"
  : >"$logfile" # exists before the first grep below, which may run before the JVM's shell opens it
  env "${env[@]}" "${cmd[@]}" >"$logfile" 2>&1 </dev/null &
  STARTED_PID=$!
  local deadline=$((SECONDS + START_TIMEOUT))
  until grep -q 'Started .* in [0-9.]* seconds' "$logfile"; do
    kill -0 "$STARTED_PID" 2>/dev/null || { tail -n 40 "$logfile" >&2; die "$app exited during start-up (see $logfile)"; }
    ((SECONDS < deadline)) || { tail -n 40 "$logfile" >&2; die "$app did not start within $START_TIMEOUT s (START_TIMEOUT)"; }
    sleep 0.5
  done
}
startup_seconds() { grep -o -m 1 'Started [^ ]* in [0-9.]* seconds' "$1" | awk '{ print $4 }'; }

# ---------------------------------------------------------------- measuring
write_lua() { # file kind tag: the wrk script for the current variant (V_*): GET a random one of the ids, or POST a
  # new course whose code is unique in the run (tag, thread, counter)
  {
    echo '-- generated by bench/peer-compare.sh'
    local h
    for h in "${V_HEADERS[@]}"; do printf 'wrk.headers["%s"] = "%s"\n' "${h%%: *}" "${h#*: }"; done
    if [[ $2 == GET ]]; then
      echo 'local ids = {'
      sed 's/.*/  "&",/' "$OUT/ids.txt"
      echo '}'
      printf 'local prefix = "%s"\n' "$V_GET"
    else
      printf 'local path, institution, tag = "%s", "%s", "%s"\n' "$V_POST" "$BENCH_INSTITUTION" "$3"
      echo 'wrk.method = "POST"'
      echo 'wrk.headers["Content-Type"] = "application/json"'
    fi
    cat <<'LUA'
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
function init(args)
  math.randomseed(os.time() * 1000 + id)
end
local sent = 0
function request()
  if prefix then
    return wrk.format("GET", prefix .. ids[math.random(#ids)])
  end
  sent = sent + 1
  return wrk.format(nil, path, nil, string.format(
    '{"institutionId":"%s","code":"%st%dn%d","title":"Benchmark course %d"}', institution, tag, id, sent, sent))
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH_RESULT %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
LUA
  } >"$1"
}

WRK_REQUESTS=0 WRK_FIGURES=''
wrk_run() { # url seconds kind tag label -> WRK_FIGURES="req/s p50_ms p99_ms", WRK_REQUESTS (no subshell: globals)
  local lua=$OUT/wrk.lua out result duration p50 p99 non2xx socket_errors
  write_lua "$lua" "$3" "$4"
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --latency -s "$lua" "$1") || die "wrk failed: $out"
  printf '=== %s\n%s\n' "$5" "$out" >>"$OUT/wrk.log"
  result=$(grep '^BENCH_RESULT ' <<<"$out") || die "wrk printed no result for $5 (see $OUT/wrk.log)"
  read -r _ WRK_REQUESTS duration p50 p99 non2xx socket_errors <<<"$result"
  # A warm-up is discarded: a cold JVM on a busy machine may miss a pool's connection timeout once (503) there.
  if [[ $4 == w || $4 == *w ]]; then
    ((non2xx == 0)) || log "warning: $5: $non2xx responses were not 2xx/3xx (discarded)"
  else
    ((non2xx == 0)) || die "$5: $non2xx responses were not 2xx/3xx; the figures would be meaningless (see $OUT/wrk.log)"
  fi
  ((socket_errors == 0)) || log "warning: $5: $socket_errors socket errors or timeouts"
  WRK_FIGURES=$(awk -v r="$WRK_REQUESTS" -v d="$duration" -v a="$p50" -v b="$p99" \
    'BEGIN { printf "%.0f %.2f %.2f", r / (d / 1e6), a / 1000, b / 1000 }')
}

CLK_TCK=$(getconf CLK_TCK)
# CPU ticks (user + system) of one process, and of the PostgreSQL backends serving one database: the backends of a
# pool live through the measured runs, so the difference of two snapshots is their work for those requests. While
# one variant is under load the others idle, so the backends of its database work for it.
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
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

declare -A PORT_OF=() INDEX_OF=()
# EduMatrix delivers each course's event to its listener (the statistics module) after the POST's transaction: a POST
# warm-up or round leaves thousands queued, and draining them took a tenth of EduMatrix's JVM samples in the GET rounds
# that followed and most of the machine from whichever variant ran next (the bare peer's rounds read 3,500 and 8,300
# req/s in one run). Every round therefore starts once no EduMatrix publication is pending (ADR 0041). What is
# delivered during a POST round counts in it; the rest, work the secured peer never does (it only inserts its event
# row), is drained between rounds and its time logged.
OUTBOX_PENDING_SQL=''
outbox_pending() { # -> publications not yet delivered, over every module's outbox in the EduMatrix database
  if [[ -z $OUTBOX_PENDING_SQL ]]; then
    OUTBOX_PENDING_SQL=$(psql_on "$EDU_DB" "SELECT 'SELECT ' || string_agg(format('(SELECT count(*) FROM %I.event_publication
      WHERE completion_date IS NULL AND status IN (''PUBLISHED'', ''PROCESSING'', ''RESUBMITTED''))', table_schema), ' + ')
      FROM information_schema.tables WHERE table_name = 'event_publication'")
    [[ $OUTBOX_PENDING_SQL == SELECT* ]] || { OUTBOX_PENDING_SQL="SELECT 0"; log "warning: no outbox tables in $EDU_DB"; }
  fi
  psql_on "$EDU_DB" "$OUTBOX_PENDING_SQL"
}
settle() { # waits until EduMatrix's listeners have delivered every pending event (at most SETTLE_TIMEOUT s)
  local pending started=$SECONDS
  pending=$(outbox_pending)
  ((pending > 0)) || return 0
  log "waiting for $pending pending EduMatrix events to be delivered before the next round"
  while ((pending > 0)); do
    ((SECONDS - started < SETTLE_TIMEOUT)) || die "EduMatrix still had $pending events pending after $SETTLE_TIMEOUT s"
    sleep 1
    pending=$(outbox_pending)
  done
  log "events delivered in $((SECONDS - started)) s"
  SETTLE_SECONDS+=" $((SECONDS - started))"
}
SETTLE_SECONDS=''

measure_round() { # name kind round -> appends a line to $RESULTS
  local name=$1 kind=$2 round=$3 pid=${PID[$1]} tag
  settle
  headers_for "$name" "$DURATION"
  tag=v${INDEX_OF[$name]}r$round
  local pg_before=$OUT/pg-before pg_after=$OUT/pg-after jvm_before rss_file=$OUT/rss.$name
  backend_ticks "$V_DB" >"$pg_before"
  jvm_before=$(process_ticks "$pid")
  # RSS under load: read halfway through the run.
  (sleep $((DURATION / 2)) && rss_mb "$pid" >"$rss_file") &
  local sampler=$!
  wrk_run "$(url_of "${PORT_OF[$name]}")" "$DURATION" "$kind" "$tag" "$name $kind round $round"
  local jvm_ms pg_ms rss r a b
  jvm_ms=$(awk -v t="$(($(process_ticks "$pid") - jvm_before))" -v tck="$CLK_TCK" 'BEGIN { printf "%.0f", t * 1000 / tck }')
  backend_ticks "$V_DB" >"$pg_after"
  pg_ms=$(backend_ms "$pg_before" "$pg_after")
  wait "$sampler" || true
  rss=$(cat "$rss_file" 2>/dev/null || rss_mb "$pid")
  read -r r a b <<<"$WRK_FIGURES"
  log "$name $kind round $round: $r req/s, p50 $a ms, p99 $b ms, RSS $rss MB, JVM $jvm_ms ms, PG $pg_ms ms for $WRK_REQUESTS requests"
  # kind variant round req/s p50 p99 requests jvm_ms pg_ms rss_mb
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$name" "$round" "$r" "$a" "$b" "$WRK_REQUESTS" "$jvm_ms" \
    "$pg_ms" "$rss" >>"$RESULTS"
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
# EDUMATRIX_JAR measures a jar built elsewhere (another commit, say) against this checkout's peers.
EDU_JAR=${EDUMATRIX_JAR:-}
if [[ $SKIP_BUILD != 1 ]]; then
  [[ -n $EDU_JAR ]] || run ./mvnw -B -q -DskipTests package
  run ./mvnw -B -q -f bench/peer/pom.xml -DskipTests package
  run ./mvnw -B -q -f bench/peer-secured/pom.xml -DskipTests package
fi
[[ -n $EDU_JAR ]] || EDU_JAR=$(find_jar target 'edumatrix-*.jar')
PEER_JAR=$(find_jar bench/peer/target 'peer-*.jar')
SECURED_JAR=$(find_jar bench/peer-secured/target 'peer-secured-*.jar')
[[ -n $EDU_JAR && -n $PEER_JAR && -n $SECURED_JAR ]] ||
  die "missing jars (EduMatrix: '$EDU_JAR', peer: '$PEER_JAR', secured peer: '$SECURED_JAR'); run without SKIP_BUILD=1"

# bench/rls-only, compiled against the application's own classes and libraries (unpacked from its jar).
build_rls_only_jar() {
  local work=$OUT/rls-only
  RLS_ONLY_JAR=$OUT/rls-only.jar
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
for db in "$EDU_DB" "$PEER_DB" "$SECURED_DB"; do
  run sql "CREATE DATABASE $db"
  DBS+=("$db")
done

log "seeding EduMatrix through its API"
start_app edumatrix "$PORT" "$OUT/seed-edumatrix.log"
PID[seed]=$STARTED_PID
edumatrix_seed
# The secured peer verifies EduMatrix's tokens with EduMatrix's published keys (the signing keys are stored wrapped in
# the database, so every EduMatrix JVM of the run signs with these).
api GET /.well-known/jwks.json
expect 200
printf '%s\n' "$HTTP_BODY" >"$OUT/jwks.json"
stop_pid "${PID[seed]}"
unset 'PID[seed]'

# Every variant in its own JVM, all at once, each on its port: PORT + its position in VARIANTS.
i=0
for name in "${VARIANT_LIST[@]}"; do
  i=$((i + 1))
  INDEX_OF[$name]=$i PORT_OF[$name]=$((PORT + i))
  variant "$name"
  start_app "$V_APP" "${PORT_OF[$name]}" "$OUT/$name.log" "${V_JVM[@]}" -- "${V_ARGS[@]}"
  PID[$name]=$STARTED_PID
  log "$name: started in $(startup_seconds "$OUT/$name.log") s (pid $STARTED_PID, port ${PORT_OF[$name]})"
  if [[ $V_APP == edumatrix* && $EDU_URL == "$(url_of "$PORT")" ]]; then EDU_URL=$(url_of "${PORT_OF[$name]}"); fi
done

log "copying the same rows into the peers' tables (created by the peers at start-up)"
columns='id, version, institution_id, code, title, description, enrollment_open, created_at, updated_at'
for db in "$PEER_DB" "$SECURED_DB"; do
  [[ $(psql_on "$db" "SELECT to_regclass('item') IS NOT NULL") == t ]] || continue
  psql_on "$EDU_DB" "\\copy (SELECT $columns FROM $EDUMATRIX_COURSE_TABLE) TO STDOUT" | psql_on "$db" "\\copy item ($columns) FROM STDIN"
  [[ $(psql_on "$db" 'SELECT count(*) FROM item') == "$COURSES" ]] || die "$db's item table does not hold $COURSES rows"
  psql_on "$db" 'VACUUM ANALYZE item'
  # The institutions, for the secured peer's POST (the bare peer has no such table): id, name and whether active.
  [[ $(psql_on "$db" "SELECT to_regclass('institution') IS NOT NULL") == t ]] || continue
  psql_on "$EDU_DB" "\\copy (SELECT id, name, status = 'ACTIVE' FROM $EDUMATRIX_INSTITUTION_TABLE) TO STDOUT" |
    psql_on "$db" "\\copy institution (id, name, active) FROM STDIN"
  [[ $(psql_on "$db" 'SELECT count(*) FROM institution') == "$INSTITUTIONS" ]] ||
    die "$db's institution table does not hold $INSTITUTIONS rows"
  psql_on "$db" 'VACUUM ANALYZE institution'
done
# Statistics and visibility map up to date, and no checkpoint or autovacuum of the seeding left to fall into a run.
psql_on "$EDU_DB" "VACUUM ANALYZE $EDUMATRIX_COURSE_TABLE"
sql CHECKPOINT

# One request of each kind per variant must succeed before anything is measured.
first=$(head -n 1 "$OUT/ids.txt")
for name in "${VARIANT_LIST[@]}"; do
  headers_for "$name" 60
  hdr=()
  for h in "${V_HEADERS[@]}"; do hdr+=(-H "$h"); done
  code=$(curl -s -o "$OUT/$name.sample.json" -w '%{http_code}' "${hdr[@]}" "$(url_of "${PORT_OF[$name]}")$V_GET$first")
  [[ $code == 200 ]] || die "$name: GET $V_GET$first -> HTTP $code ($(cat "$OUT/$name.sample.json"))"
  if [[ -n $V_POST ]]; then
    code=$(curl -s -o "$OUT/$name.sample-post.json" -w '%{http_code}' "${hdr[@]}" -H 'Content-Type: application/json' \
      -d "$(printf '{"institutionId":"%s","code":"v%dcheck","title":"Check"}' "$BENCH_INSTITUTION" "${INDEX_OF[$name]}")" \
      "$(url_of "${PORT_OF[$name]}")$V_POST")
    [[ $code == 201 ]] || die "$name: POST $V_POST -> HTTP $code ($(cat "$OUT/$name.sample-post.json"))"
  fi
done

{
  echo "bench/peer-compare.sh $(date -u +%FT%TZ) on $(hostname), $(nproc) cores shared by wrk, the JVMs and PostgreSQL $(sql 'SHOW server_version')"
  ((SMOKE == 0)) || echo "SMOKE RUN: warm-up ${WARMUP} s < 120 s, not a measurement"
  ((PROFILE == 0)) || echo "PROFILED: JFR (settings=profile) recorded the measured rounds; throughput includes its cost"
  echo "variants (one JVM each, all running): ${VARIANT_LIST[*]}; warm-up GET ${WARMUP} s$( ((POST)) && echo ", POST ${POST_WARMUP} s") each;" \
    "$ROUNDS interleaved rounds of ${DURATION} s of wrk -t$THREADS -c$CONNECTIONS --latency per variant and kind"
  echo "data: $COURSES rows over $INSTITUTIONS institutions; GETs go to the $(wc -l <"$OUT/ids.txt") rows of the first, POSTs create courses in it; EduMatrix tokens: $( ((EDU_AUTH)) && echo yes || echo 'none (build without authentication)')"
  echo "jvm: $("$JAVA" -version 2>&1 | sed -n 2p); flags (every variant): $JVM_FLAGS"
  echo "effective: $("$JAVA" "${JVM_FLAG_LIST[@]}" -XX:+PrintCommandLineFlags -version 2>/dev/null | head -n 1)"
} >"$OUT/header.txt"
cat "$OUT/header.txt" >&2

# ---------------------------------------------------------------- warm-ups, then interleaved rounds, per kind
# The GETs are warmed up and measured before any POST: a JVM that has served a minute of writes keeps the heap G1 grew
# for them, and the bare peer, which serves no POST, would then be compared by RSS with a process that did more
# (ADR 0041). The POST warm-ups come after the GET rounds, right before the POST rounds.
warm_up() { # kind
  local kind=$1 name seconds
  for name in "${VARIANT_LIST[@]}"; do
    seconds=$WARMUP
    if [[ $kind == POST ]]; then
      variant "$name"
      [[ -n $V_POST ]] || continue
      seconds=$POST_WARMUP
    fi
    headers_for "$name" "$seconds"
    log "$name: $kind warm-up, wrk -t$THREADS -c$CONNECTIONS -d${seconds}s (discarded)"
    wrk_run "$(url_of "${PORT_OF[$name]}")" "$seconds" "$kind" "v${INDEX_OF[$name]}w" "$name $kind warm-up"
    log "$name: $kind warm-up ended at $WRK_FIGURES (req/s p50 p99)"
  done
}

profile_start() { # kind variants...
  ((PROFILE)) || return 0
  local kind=$1 name
  shift
  for name in "$@"; do
    "$JAVA_HOME/bin/jcmd" "${PID[$name]}" JFR.start name="peer-compare-$kind" settings=profile >/dev/null || die "$name: JFR.start failed"
  done
}
profile_stop() { # kind variants...
  ((PROFILE)) || return 0
  local kind=$1 name
  shift
  for name in "$@"; do
    "$JAVA_HOME/bin/jcmd" "${PID[$name]}" JFR.stop name="peer-compare-$kind" filename="$OUT/$name-$kind.jfr" >/dev/null ||
      die "$name: JFR.stop failed"
  done
}
rounds() { # kind: ROUNDS rounds; each runs every variant once, the order rotated from round to round
  local kind=$1 round k n order=()
  for name in "${VARIANT_LIST[@]}"; do
    [[ $kind == GET ]] || { variant "$name"; [[ -n $V_POST ]]; } || continue
    order+=("$name")
  done
  n=${#order[@]}
  ((n > 0)) || return 0
  settle
  profile_start "$kind" "${order[@]}"
  for ((round = 1; round <= ROUNDS; round++)); do
    for ((k = 0; k < n; k++)); do measure_round "${order[(k + round - 1) % n]}" "$kind" "$round"; done
  done
  profile_stop "$kind" "${order[@]}"
}
warm_up GET
rounds GET
if ((POST)); then
  warm_up POST
  rounds POST
fi
stop_all
# ---------------------------------------------------------------- report
# Per variant and kind: medians of the rounds' req/s, p50, p99 and RSS (read halfway through each GET round); CPU per
# request over all its rounds (JVM and its database's PostgreSQL backends, from /proc/<pid>/stat).
table() { # kind
  awk -F'\t' -v k="$1" -v startups="$STARTUPS" '
    function median(list,    n, v, i, j, t) {
      n = split(list, v, " ")
      for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
      return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    BEGIN { split(startups, s, " "); for (i = 1; i in s; i += 2) start[s[i]] = s[i + 1] }
    $1 == k {
      if (!($2 in rps)) order[++n] = $2
      rps[$2] = rps[$2] " " $4; p50[$2] = p50[$2] " " $5; p99[$2] = p99[$2] " " $6; rss[$2] = rss[$2] " " $10
      req[$2] += $7; jvm[$2] += $8; pg[$2] += $9
    }
    END {
      printf "%-18s %8s %8s %8s %7s %9s %8s %8s   %s\n", "variant", "req/s", "p50 ms", "p99 ms", "RSS MB", "JVM ms/r", "PG ms/r", "start s", "rounds req/s"
      for (i = 1; i <= n; i++) {
        v = order[i]
        printf "%-18s %8.0f %8.2f %8.2f %7.0f %9.3f %8.3f %8s  %s\n", v, median(rps[v]), median(p50[v]), median(p99[v]),
          median(rss[v]), jvm[v] / req[v], pg[v] / req[v], (v in start) ? start[v] : "?", rps[v]
      }
    }' "$RESULTS"
}
# The ratio of two variants' req/s in each round (run back to back), and the median of those.
round_ratios() { # kind numerator denominator -> "median r1 r2 ..."; nothing when either was not measured
  awk -F'\t' -v k="$1" -v a="$2" -v b="$3" '
    $1 == k && $2 == a { x[$3] = $4 } $1 == k && $2 == b { y[$3] = $4 }
    END {
      for (r = 1; r in x; r++) if (r in y && y[r] > 0) { v[++n] = x[r] / y[r]; list = list sprintf(" %.3f", x[r] / y[r]) }
      if (!n) exit
      for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
      printf "%.3f%s\n", n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2, list
    }' "$RESULTS"
}
rss_ratio() { # a b -> median GET RSS of a / that of b
  awk -F'\t' -v a="$1" -v b="$2" '
    function median(list,    n, v, i, j, t) {
      n = split(list, v, " ")
      for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
      return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    $1 == "GET" && $2 == a { x = x " " $10 } $1 == "GET" && $2 == b { y = y " " $10 }
    END { if (x != "" && y != "") printf "%.3f %s/%s MB\n", median(x) / median(y), median(x), median(y) }' "$RESULTS"
}
target() { # label figures op limit
  local label=$1 figures=$2 op=$3 limit=$4 value verdict
  if [[ -z $figures ]]; then
    printf '%-38s %8s   %-8s %s\n' "$label" n/a "$op $limit" 'not measured'
    return
  fi
  value=${figures%% *}
  if awk -v v="$value" -v l="$limit" -v o="$op" 'BEGIN { exit !((o == ">=") ? v >= l : v <= l) }'; then verdict=PASS; else verdict=FAIL; fi
  printf '%-38s %8s   %-8s %s   (%s)\n' "$label" "$value" "$op $limit" "$verdict" "${figures#* }"
}

STARTUPS=''
for name in "${VARIANT_LIST[@]}"; do STARTUPS+="$name $(startup_seconds "$OUT/$name.log" || echo '?') "; done

if ((PROFILE)); then
  for f in "$OUT"/*.jfr; do
    base=$(basename "$f" .jfr) kind=${base##*-} name=${base%-*}
    ms=$(awk -F'\t' -v k="$kind" -v v="$name" '$1 == k && $2 == v { r += $7; j += $8 } END { if (r) printf "%.4f", j / r }' "$RESULTS")
    {
      profile_summary "$f"
      echo
      echo "## $(basename "$f"): CPU per request by layer (JVM ${ms:-?} ms/request)"
      "$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample --stack-depth 96 "$f" | awk -v ms="${ms:-0}" -f bench/profile-layers.awk
    } >"$OUT/$base.hot.txt"
  done
fi

report() {
  cat "$OUT/header.txt"
  echo
  echo "== GET {id} with the token (peer: none): medians of $ROUNDS rounds; CPU per request over them; RSS halfway through each"
  table GET
  if ((POST)); then
    echo
    echo "== POST a course (both: institution checked; item, event, instructor and audit rows; EduMatrix: the event also delivered)"
    table POST
  fi
  [[ -z $SETTLE_SECONDS ]] || echo "EduMatrix's queued events were delivered before rounds, outside them, in (s):$SETTLE_SECONDS"
  if ((PROFILE)); then
    echo
    echo "profiles: $OUT/*.jfr; hot methods and CPU per request by layer in $OUT/*.hot.txt"
  fi
  local kind figures
  for kind in GET POST; do
    figures=$(round_ratios "$kind" edumatrix edumatrix-baseline)
    [[ -z $figures ]] || printf '%-38s %8s   (%s)\n' "$kind edumatrix / edumatrix-baseline" "${figures%% *}" "${figures#* }"
  done
  echo
  echo "== targets (req/s ratio of the variants' runs in the same round, median of the rounds; the rounds' ratios in brackets)"
  target 'GET  edumatrix / peer' "$(round_ratios GET edumatrix peer)" '>=' "$TARGET_GET_BARE"
  target 'GET  edumatrix / peer-secured' "$(round_ratios GET edumatrix peer-secured)" '>=' "$TARGET_GET_SECURED"
  target 'POST edumatrix / peer-secured' "$(round_ratios POST edumatrix peer-secured)" '>=' "$TARGET_POST_SECURED"
  target 'RSS under GET load, edumatrix / peer' "$(rss_ratio edumatrix peer)" '<=' "$TARGET_RSS_BARE"
}
if ((PROFILE)); then
  for f in "$OUT"/*.hot.txt; do
    echo
    awk '/CPU per request by layer/ { p = 1 } p' "$f"
  done
fi
report | tee "$OUT/summary.txt"
