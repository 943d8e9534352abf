#!/usr/bin/env bash
# The online move under load (issue 21, ADR 0030): a fresh deployment on a server of the script's own, a write load on
# the moving module (job postings, open loop at RATE/s) and reads of another module (courses), the move of MODULE to a
# second server in the middle. Afterwards every acknowledged write is looked up on the target.
#
#   bench/move.sh
#
# Last line: MOVE module=<m> acked=<n> found=<n> lost=<n> doubled=<n> pause_ms=<x> p99_before_ms=<y> p99_during_ms=<z>
# "during" is every write due between the POST of the move and its DONE; latencies count from when a write was due.
# The line before it: PASS or FAIL against the target (pause under 100 ms, nothing lost or doubled), with the pause's
# parts (drain of running transactions, the cut-over itself) and the machine's load average, which on a shared machine
# says how far the figures can be trusted.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/move.sh
env knobs (defaults): RATE=200 READ_RATE=50 DURATION=60 MOVE_AT=30 IN_FLIGHT=64 SOURCE_PORT=15530 TARGET_PORT=15531
  PORT=15540 MANAGEMENT_PORT=15541 REBUILD=0 JAVA_OPTS= JAVA_HOME=(Temurin 25) PG_BIN=/usr/lib/postgresql/15/bin
EOF
}
[[ ${1:-} == -h || ${1:-} == --help ]] && { usage; exit 0; }

cd "$(dirname "$0")/.."
OUT=$PWD/bench/out/move
mkdir -p "$OUT"
RATE=${RATE:-200} READ_RATE=${READ_RATE:-50} DURATION=${DURATION:-60} MOVE_AT=${MOVE_AT:-30} IN_FLIGHT=${IN_FLIGHT:-64}
SOURCE_PORT=${SOURCE_PORT:-15530} TARGET_PORT=${TARGET_PORT:-15531} PORT=${PORT:-15540}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-15541} REBUILD=${REBUILD:-0} PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
MODULE=jobs DB=edumatrix

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
for knob in RATE READ_RATE DURATION MOVE_AT IN_FLIGHT SOURCE_PORT TARGET_PORT PORT MANAGEMENT_PORT; do
  [[ ${!knob} =~ ^[1-9][0-9]*$ ]] || die "$knob must be a positive integer (got '${!knob}')"
done
((MOVE_AT < DURATION)) || die "MOVE_AT must be inside DURATION"
command -v curl >/dev/null || die "curl is needed"
command -v jq >/dev/null || die "jq is needed (apt-get install jq)"
command -v psql >/dev/null || die "psql is needed (apt-get install postgresql-client)"

JAVA_HOME=${JAVA_HOME:-$(find /usr/lib/jvm -maxdepth 1 -name 'temurin-25*' \( -type d -o -type l \) 2>/dev/null | sort | head -n 1 || true)}
[[ -x ${JAVA_HOME:-}/bin/java ]] || die "no JDK 25: set JAVA_HOME"
export JAVA_HOME

as_postgres() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }
WORK=$(mktemp -d /tmp/edumatrix-move-bench.XXXXXX)
chmod 755 "$WORK"
APP_PID=''
cleanup() {
  set +e
  if [[ -n $APP_PID ]]; then kill -TERM "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null; fi
  for port in "$SOURCE_PORT" "$TARGET_PORT"; do
    [[ -d $WORK/$port ]] && as_postgres "$PG_BIN/pg_ctl" -D "$WORK/$port" -m immediate stop >/dev/null 2>&1
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cluster() { # port: a fresh server with logical WAL, trust on 127.0.0.1
  local port=$1 data=$WORK/$1
  install -d -o postgres -m 700 "$data" 2>/dev/null || mkdir -p "$data"
  as_postgres "$PG_BIN/initdb" -D "$data" -U postgres -A trust --no-sync >/dev/null
  printf '%s\n' "port = $port" "listen_addresses = '127.0.0.1'" "unix_socket_directories = '$data'" \
    "wal_level = logical" "max_connections = 200" | as_postgres tee -a "$data/postgresql.conf" >/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$data/log" -w start >/dev/null
  psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE $DB"
}
sql() { psql -X -At -h 127.0.0.1 -p "$1" -U postgres -d "$DB" -c "$2"; }

log "two fresh servers: source :$SOURCE_PORT, target :$TARGET_PORT"
cluster "$SOURCE_PORT"
cluster "$TARGET_PORT"

find_jar() { find target -maxdepth 1 -name 'edumatrix-*.jar' ! -name '*-plain.jar' 2>/dev/null | sort | tail -n 1; }
JAR=$(find_jar)
if [[ -z $JAR || $REBUILD == 1 ]]; then
  log "+ ./mvnw -B -q -DskipTests package"
  ./mvnw -B -q -o -DskipTests package
  JAR=$(find_jar)
fi
[[ -n $JAR ]] || die "no target/edumatrix-*.jar"

BASE=http://127.0.0.1:$PORT
ADMIN_EMAIL=bench-admin@edumatrix.test ADMIN_PASSWORD=bench-admin-password
read -r -a java_opts <<<"${JAVA_OPTS:-}"
log "starting the application on the source server"
SERVER_PORT=$PORT MANAGEMENT_PORT=$MANAGEMENT_PORT DB_HOST=127.0.0.1 DB_PORT=$SOURCE_PORT DB_NAME=$DB \
  DB_ADMIN_USER=postgres DB_ADMIN_PASSWORD= EDUMATRIX_KEY_WRAPPING_KEY=$(openssl rand -base64 32) \
  EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL=$ADMIN_EMAIL EDUMATRIX_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  "$JAVA_HOME/bin/java" "${java_opts[@]}" -jar "$JAR" >"$OUT/app.log" 2>&1 </dev/null &
APP_PID=$!
deadline=$((SECONDS + 600))
until [[ $(curl -fsS --max-time 2 "$BASE/actuator/health" 2>/dev/null) == *'"UP"'* ]]; do
  kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$OUT/app.log" >&2; die "the application exited"; }
  ((SECONDS < deadline)) || die "the application was not UP within 600 s"
  sleep 1
done

call() { # method path token [json] -> body; fails on a status >= 400
  local args=(-sS --fail-with-body -X "$1" "$BASE$2" -H 'Content-Type: application/json')
  [[ -n $3 ]] && args+=(-H "Authorization: Bearer $3")
  [[ -n ${4:-} ]] && args+=(-d "$4")
  curl "${args[@]}"
}
ADMIN=$(call POST /api/sessions '' "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | jq -r .accessToken)
INSTITUTION=$(call POST /api/institutions "$ADMIN" '{"name":"Move bench","code":"MOVE"}' | jq -r .id)
STAFF_EMAIL=staff-$$@edumatrix.test STUDENT_EMAIL=student-$$@edumatrix.test PASSWORD=a-long-enough-password
for who in "$STAFF_EMAIL:INSTRUCTOR" "$STUDENT_EMAIL:STUDENT"; do
  call POST /api/accounts '' "{\"email\":\"${who%%:*}\",\"password\":\"$PASSWORD\",\"displayName\":\"Bench\"}" >/dev/null
  call POST "/api/institutions/$INSTITUTION/members" "$ADMIN" "{\"email\":\"${who%%:*}\",\"role\":\"${who##*:}\"}" >/dev/null
done
login() { call POST /api/sessions '' "{\"email\":\"$1\",\"password\":\"$PASSWORD\",\"institutionId\":\"$INSTITUTION\"}" | jq -r .accessToken; }
STAFF=$(login "$STAFF_EMAIL") STUDENT=$(login "$STUDENT_EMAIL")
COURSE=$(call POST /api/courses "$STAFF" "{\"institutionId\":\"$INSTITUTION\",\"code\":\"MV1\",\"title\":\"Read load\"}" | jq -r .id)
CLOSES=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
SEALED=$(call POST /api/jobs "$STAFF" "{\"title\":\"Sealed\",\"description\":\"d\",\"location\":\"Campus\",\"employmentType\":\"PART_TIME\",\"closesAt\":\"$CLOSES\"}" | jq -r .id)
call POST "/api/jobs/$SEALED/status" "$STAFF" '{"status":"OPEN"}' >/dev/null
APPLICATION=$(call POST "/api/jobs/$SEALED/applications" "$STUDENT" '{"coverLetter":"Sealed before the move"}' | jq -r .id)

LOAD_BEFORE=$(cut -d ' ' -f 1-3 /proc/loadavg)
log "machine load average before the run: $LOAD_BEFORE"
log "load: $RATE writes/s on $MODULE, $READ_RATE reads/s on courses, for $DURATION s; the move at $MOVE_AT s"
"$JAVA_HOME/bin/java" -DinFlight="$IN_FLIGHT" bench/java/bench/move/MoveLoad.java "$BASE" "$STAFF" "$RATE" "$DURATION" "/api/courses/$COURSE" \
  "$READ_RATE" "$OUT/load.txt" &
LOAD_PID=$!
sleep "$MOVE_AT"
MOVE_START=$(date +%s%3N)
LOCATION=$(curl -sS -o "$OUT/move-accepted.json" -D - -X POST "$BASE/api/admin/modules/$MODULE/move" \
  -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"host\":\"127.0.0.1\",\"port\":$TARGET_PORT,\"database\":\"$DB\"}" | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
[[ -n $LOCATION ]] || die "the move was not accepted: $(cat "$OUT/move-accepted.json")"
while STATUS=$(call GET "${LOCATION#"$BASE"}" "$ADMIN") && [[ $(jq -r .state <<<"$STATUS") == RUNNING ]]; do sleep 0.1; done
MOVE_END=$(date +%s%3N)
log "move: $STATUS"
wait "$LOAD_PID"
[[ $(jq -r .state <<<"$STATUS") == DONE ]] || die "the move failed: $STATUS"

# Every acknowledged write, looked up on the target.
awk '$1 == "W" && $4 == 201 { print $5 }' "$OUT/load.txt" | sort >"$OUT/acked.txt"
sql "$TARGET_PORT" "SELECT title FROM $MODULE.job_posting WHERE title LIKE 'load-%'" | sort >"$OUT/on-target.txt"
ACKED=$(wc -l <"$OUT/acked.txt")
FOUND=$(comm -12 "$OUT/acked.txt" <(uniq "$OUT/on-target.txt") | wc -l)
DOUBLED=$(($(wc -l <"$OUT/on-target.txt") - $(uniq "$OUT/on-target.txt" | wc -l)))
FAILED=$(awk '$1 == "W" && $4 != 201' "$OUT/load.txt" | wc -l)
READS_FAILED=$(awk '$1 == "R" && $4 != 200' "$OUT/load.txt" | wc -l)
p99() { awk -v a="$1" -v b="$2" '$1 == "W" && $2 >= a && $2 < b { print $3 }' "$OUT/load.txt" | sort -n |
  awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else { i = int(NR * 0.99); if (i < 1) i = 1; printf "%.1f", v[i] / 1000 } }'; }

# After the move: the encrypted cover letter opens, the audit trail goes on, RLS and the roles hold at the target.
LETTER=$(call GET "/api/jobs/applications/$APPLICATION" "$STUDENT" | jq -r .coverLetter)
AFTER=$(call POST /api/jobs "$STAFF" "{\"title\":\"After\",\"description\":\"d\",\"location\":\"Campus\",\"employmentType\":\"PART_TIME\",\"closesAt\":\"$CLOSES\"}" | jq -r .id)
AUDIT=$(sql "$TARGET_PORT" "SELECT count(*) FROM $MODULE.audit_log WHERE row_id = '$AFTER'")
NO_TENANT=$(PGPASSWORD='' psql -X -At -h 127.0.0.1 -p "$TARGET_PORT" -U ${MODULE}_app -d "$DB" -c "SELECT count(*) FROM $MODULE.job_posting" 2>&1 || true)
CREATE=$(psql -X -At -h 127.0.0.1 -p "$TARGET_PORT" -U ${MODULE}_app -d "$DB" -c "CREATE TABLE $MODULE.x (i int)" 2>&1 || true)
OTHERS=$(sql "$TARGET_PORT" "SELECT count(*) FROM pg_namespace WHERE nspname IN ('courses', 'identity', 'institutions')")
SERVED=$(awk '$1 == "W" && $4 == 201 { end = $2 + $3 / 1000; if (first == "" || $2 < first) first = $2; if (end > last) last = end }
  END { printf "%.0f", (last > first) ? NR_OK / ((last - first) / 1000) : 0 }' NR_OK="$ACKED" "$OUT/load.txt")
log "writes acknowledged: $ACKED of $((RATE * DURATION)) sent; served at $SERVED/s (first due to last answered); refused or timed out: $FAILED; reads of courses not 200: $READS_FAILED"
log "$(grep -o "The pause of module.*" "$OUT/app.log" | tail -n 1)"
log "after the move: cover letter '$LETTER'; audit entries of a new posting on the target: $AUDIT"
log "as ${MODULE}_app without a tenant: '$NO_TENANT' rows; CREATE: '$CREATE'; other modules' schemas on the target: $OTHERS"
log "lag at the cut-over: $(jq -r .lagBytes <<<"$STATUS") bytes; move took $((MOVE_END - MOVE_START)) ms"
PAUSE=$(jq -r .pauseMs <<<"$STATUS") DRAIN=$(jq -r '.drainMs // 0' <<<"$STATUS") LOST=$((ACKED - FOUND))
VERDICT=FAIL
((PAUSE < 100 && LOST == 0 && DOUBLED == 0)) && VERDICT=PASS
echo "$VERDICT pause_ms=$PAUSE (target < 100) drain_ms=$DRAIN cut_over_ms=$((PAUSE - DRAIN)) lost=$LOST doubled=$DOUBLED at $RATE writes/s; load average before $LOAD_BEFORE, after $(cut -d ' ' -f 1-3 /proc/loadavg)"
echo "MOVE module=$MODULE acked=$ACKED found=$FOUND lost=$LOST doubled=$DOUBLED pause_ms=$PAUSE p99_before_ms=$(p99 0 "$MOVE_START") p99_during_ms=$(p99 "$MOVE_START" "$MOVE_END")"
