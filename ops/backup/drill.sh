#!/usr/bin/env bash
# Restore drill: proves that a point-in-time restore brings back everything committed before a chosen moment and
# nothing after it, and measures how long it takes.
#
# On a throwaway PostgreSQL cluster of its own (temporary folder, own port and socket directory, removed at the end,
# also on failure) with the archiving settings of ops/backup/postgresql.backup.conf, it
#   1. starts the application and drives traffic through the API of every module, takes a full pgBackRest backup
#      into an encrypted repository (repo1-cipher-type as in ops/backup/pgbackrest.conf), keeps writing;
#   2. waits for the events to be handled, takes a snapshot of every module table (row count and checksum), writes a
#      marker row and records that moment as the target; writes more through the API and SQL;
#   3. waits until the WAL holding the target is archived (the recovery point: the time a commit stays exposed to
#      the loss of the server), then stops the cluster as if its disk were lost;
#   4. restores to the target into a new cluster (--type=time --target-action=promote), compares every table with
#      the snapshot, starts the application on it and checks through the API what is there and what is not.
# Its last line is `DRILL rto_s=<restore start to the application serving> rpo_s=<target to WAL archived> ok=<...>`.
#
# Runs as root (PostgreSQL itself then runs as postgres) or as postgres. Needs pgbackrest, PostgreSQL 15, curl, jq and
# the application: EDUMATRIX_JAR (default target/edumatrix-*.jar) or EDUMATRIX_CLASSPATH (a class path, as the test
# passes). DRILL_LOG_DIR keeps the logs after the run (default: inside the temporary folder, removed).
# DRILL_ARCHIVE_TIMEOUT replaces the shipped archive_timeout (60 s), and so the recovery point the drill measures: the
# test passes a short one, as it proves the restore, not the shipped setting's minute of waiting.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
STANZA=drill

RTO=NaN RPO=NaN OK=false
WORK=$(mktemp -d /tmp/edumatrix-drill.XXXXXX)
chmod 755 "$WORK"
LOGS=${DRILL_LOG_DIR:-$WORK/logs}
mkdir -p "$LOGS" "$WORK/sock" "$WORK/repo" "$WORK/pgbr-log" "$WORK/lock" "$WORK/http"
APP_PID=

say() { echo "drill: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

if [[ $(id -un) == postgres ]]; then as_pg() { "$@"; }; else
  chown -R postgres:postgres "$WORK"
  as_pg() { runuser -u postgres -- "$@"; }
fi

stop_app() {
  [[ -n $APP_PID ]] || return 0
  kill "$APP_PID" 2>/dev/null || true
  for _ in $(seq 40); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

stop_cluster() { [[ -f $1/postmaster.pid ]] && as_pg "$PG_BIN/pg_ctl" -D "$1" -m "${2:-fast}" -w stop >/dev/null 2>&1 || true; }

finish() {
  local status=$?
  stop_app
  stop_cluster "$WORK/primary" immediate
  stop_cluster "$WORK/restored" immediate
  cp "$WORK"/*-postgres.log "$LOGS"/ 2>/dev/null || true
  if [[ $OK != true && -z ${DRILL_LOG_DIR:-} ]]; then
    for log in "$LOGS"/*.log; do [[ -f $log ]] && { say "--- tail of $log"; tail -n 30 "$log" >&2; }; done
  fi
  rm -rf "$WORK"
  [[ $status -eq 0 && $OK == true ]] || OK=false
  echo "DRILL rto_s=$RTO rpo_s=$RPO ok=$OK"
  [[ $OK == true ]] && exit 0 || exit 1
}
trap finish EXIT
trap 'exit 130' INT TERM

# A port below the kernel's ephemeral range: one inside it may be the local end of an outgoing connection (a test's
# pool to PostgreSQL, say), which answers no probe but still makes the server's bind fail.
free_port() {
  local port first_ephemeral
  first_ephemeral=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  for port in $(shuf -i 20000-$((first_ephemeral - 1)) -n 100); do
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  fail "no free port"
}

# --- clusters -------------------------------------------------------------------------------------------------------
PG_PORT=$(free_port)
RESTORE_PORT=$(free_port)
CIPHER_PASS=$(openssl rand -base64 32)

cat >"$WORK/pgbackrest.conf" <<EOF
[global]
repo1-path=$WORK/repo
$(grep -E '^(repo1-cipher-type|repo1-retention-full-type|repo1-retention-full|start-fast|compress-type|process-max)=' "$HERE/pgbackrest.conf")
repo1-cipher-pass=$CIPHER_PASS
log-path=$WORK/pgbr-log
lock-path=$WORK/lock
log-level-console=warn

[$STANZA]
pg1-path=$WORK/primary
pg1-port=$PG_PORT
pg1-socket-path=$WORK/sock
EOF
chmod 644 "$WORK/pgbackrest.conf"
BR=(pgbackrest --config="$WORK/pgbackrest.conf" --stanza=$STANZA)

psql_at() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d edumatrix -At -c "$2"; }

start_cluster() {
  as_pg "$PG_BIN/pg_ctl" -D "$1" -l "$WORK/$(basename "$1")-postgres.log" -w -t 120 \
    -o "-p $2 -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK/sock" start >/dev/null
}

as_pg "$PG_BIN/initdb" -D "$WORK/primary" -U postgres -A trust -E UTF8 --no-instructions >"$LOGS/initdb.log"
# The shipped archiving settings, with the archive command pointed at this drill's repository.
install -m 644 "$HERE/postgresql.backup.conf" "$WORK/primary/backup.conf"
[[ $(id -un) == postgres ]] || chown postgres:postgres "$WORK/primary/backup.conf"
{
  echo "include 'backup.conf'"
  echo "archive_command = '${BR[*]} archive-push %p'"
  [[ -z ${DRILL_ARCHIVE_TIMEOUT:-} ]] || echo "archive_timeout = '$DRILL_ARCHIVE_TIMEOUT'"
} >>"$WORK/primary/postgresql.conf"
start_cluster "$WORK/primary" "$PG_PORT"
psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c 'CREATE DATABASE edumatrix'
as_pg "${BR[@]}" stanza-create
as_pg "${BR[@]}" check
say "cluster on port $PG_PORT archives to an encrypted pgBackRest repository (archive_timeout $(psql_at "$PG_PORT" 'SHOW archive_timeout'))"

# --- the application ------------------------------------------------------------------------------------------------
KEY=$(openssl rand -base64 32)
ADMIN_EMAIL=drill-admin@example.com ADMIN_PASSWORD='drill-admin-passphrase'

start_app() { # db port, log name
  local command
  if [[ -n ${EDUMATRIX_CLASSPATH:-} ]]; then command=(-cp "$EDUMATRIX_CLASSPATH" io.edumatrix.EduMatrixApplication)
  else
    local jar=${EDUMATRIX_JAR:-$(ls "$ROOT"/target/edumatrix-*.jar 2>/dev/null | grep -v -- '-plain' | head -n 1)}
    [[ -f $jar ]] || fail "no application: build it (./mvnw -DskipTests package) or set EDUMATRIX_JAR"
    command=(-jar "$jar")
  fi
  APP_PORT=$(free_port)
  API=http://127.0.0.1:$APP_PORT
  EDUMATRIX_KEY_WRAPPING_KEY=$KEY EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL=$ADMIN_EMAIL \
    EDUMATRIX_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD DB_HOST=127.0.0.1 DB_PORT=$1 DB_NAME=edumatrix \
    DB_ADMIN_USER=postgres SERVER_PORT=$APP_PORT \
    "$JAVA" -XX:TieredStopAtLevel=1 -Xmx384m "${command[@]}" >"$LOGS/$2.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 600); do
    kill -0 "$APP_PID" 2>/dev/null || fail "the application exited during start-up (log $LOGS/$2.log)"
    curl -sf "$API/actuator/health" 2>/dev/null | grep -q '"UP"' && return 0
    sleep 0.5
  done
  fail "the application did not start within 300 s (log $LOGS/$2.log)"
}

# call METHOD PATH TOKEN [BODY]: prints the body; fails unless 2xx
call() {
  local out=$WORK/http/body code
  code=$(curl -s -o "$out" -w '%{http_code}' -X "$1" "$API$2" ${3:+-H "Authorization: Bearer $3"} \
    -H 'Content-Type: application/json' ${4:+-d "$4"})
  [[ $code == 2* ]] || fail "$1 $2 answered $code: $(head -c 400 "$out")"
  cat "$out"
}
status_of() { curl -s -o /dev/null -w '%{http_code}' "$API$1" -H "Authorization: Bearer $2"; }
login() { call POST /api/sessions "" "{\"email\":\"$1\",\"password\":\"a long passphrase\",\"institutionId\":\"$INST\"}" | jq -r .accessToken; }
signup() {
  call POST /api/accounts "" "{\"email\":\"$1@north.test\",\"password\":\"a long passphrase\",\"displayName\":\"$1\"}" >/dev/null
  call POST "/api/institutions/$INST/members" "$2" "{\"email\":\"$1@north.test\",\"role\":\"$3\"}" >/dev/null
}
course() { call POST /api/courses "$ADA" "{\"institutionId\":\"$INST\",\"code\":\"$1\",\"title\":\"$2\"}" | jq -r .id; }
post() { call POST /api/students/posts "$BO" "{\"body\":\"$1\"}" | jq -r .id; }

start_app "$PG_PORT" application-primary

# Every module, as the README's walk-throughs do.
ADMIN=$(call POST /api/sessions "" "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | jq -r .accessToken)
INST=$(call POST /api/institutions "$ADMIN" '{"name":"North College","code":"north"}' | jq -r .id)
signup ada "$ADMIN" INSTITUTION_ADMIN
ADA=$(login ada@north.test)
signup bo "$ADA" STUDENT; signup cy "$ADA" STUDENT; signup dee "$ADA" INSTRUCTOR
BO=$(login bo@north.test); CY=$(login cy@north.test); DEE=$(login dee@north.test)
BO_PROFILE=$(call POST /api/students/profiles "$BO" '{"headline":"Maths and poetry","graduationYear":2028}' | jq -r .id)
call POST /api/students/profiles "$CY" '{"headline":"Physics"}' >/dev/null
call PUT "/api/students/profiles/$BO_PROFILE/follow" "$CY" >/dev/null
post "Proofs are poems" >/dev/null
COURSE=$(course ALG1 Algebra)
call POST "/api/courses/$COURSE/enrollments" "$BO" '{}' >/dev/null
DEADLINE=$(date -u -d '+30 days' +%FT%TZ)
GIG=$(call POST /api/freelancing/gigs "$BO" "{\"title\":\"Poster\",\"description\":\"A3\",
  \"budgetMin\":{\"amountMinor\":5000,\"currency\":\"EUR\"},\"budgetMax\":{\"amountMinor\":15000,\"currency\":\"EUR\"},
  \"deadline\":\"$DEADLINE\"}" | jq -r .id)
PROPOSAL=$(call POST "/api/freelancing/gigs/$GIG/proposals" "$CY" \
  '{"price":{"amountMinor":12000,"currency":"EUR"},"message":"I design posters"}' | jq -r .id)
call POST "/api/freelancing/proposals/$PROPOSAL/status" "$BO" '{"status":"ACCEPTED"}' >/dev/null
ROOM=$(call POST /api/community/rooms "$BO" '{"name":"Maths corner","visibility":"PUBLIC"}' | jq -r .id)
call PUT "/api/community/rooms/$ROOM/membership" "$CY" >/dev/null
call POST "/api/community/rooms/$ROOM/messages" "$BO" '{"body":"Who has solved problem 3?"}' >/dev/null
ARTICLE=$(call POST /api/news/articles "$DEE" '{"title":"Open day","body":"Visit the labs","tags":["events"]}' | jq -r .id)
call POST "/api/news/articles/$ARTICLE/status" "$ADA" '{"status":"PUBLISHED"}' >/dev/null
call POST /api/feedback "$BO" "{\"subjectType\":\"COURSE\",\"subjectId\":\"$COURSE\",\"rating\":4,\"comment\":\"Good\"}" >/dev/null
JOB=$(call POST /api/jobs "$ADA" "{\"title\":\"Maths tutor\",\"description\":\"Tutors algebra\",\"location\":\"Library\",
  \"employmentType\":\"PART_TIME\",\"closesAt\":\"$DEADLINE\"}" | jq -r .id)
call POST "/api/jobs/$JOB/status" "$ADA" '{"status":"OPEN"}' >/dev/null
call POST "/api/jobs/$JOB/applications" "$BO" '{"coverLetter":"I like algebra"}' >/dev/null

say "traffic through every module written; full backup"
as_pg "${BR[@]}" --type=full backup
BACKUP_SET=$(as_pg "${BR[@]}" info --output=json | jq -r '.[0].backup[-1].label')
# pgBackRest records a backup's stop time in whole seconds, and picks for a time target a backup stopped before it.
sleep 1

# Written after the backup and before the target: the restore must replay them from the archived WAL.
COURSE_BEFORE=$(course GEO1 Geometry)
POST_BEFORE_TEXT="Written after the backup, before the target"
post "$POST_BEFORE_TEXT" >/dev/null
call POST "/api/community/rooms/$ROOM/messages" "$BO" '{"body":"Hint: induction"}' >/dev/null

# Listeners work after the commit: wait until every outbox is settled, so the snapshot is the state at the target.
OUTBOXES=$(psql_at "$PG_PORT" "SELECT string_agg(format('SELECT count(*) FROM %I.event_publication WHERE completion_date IS NULL', table_schema), ' UNION ALL ') FROM information_schema.tables WHERE table_name = 'event_publication'")
for _ in $(seq 120); do
  [[ $(psql_at "$PG_PORT" "SELECT sum(count) FROM ($OUTBOXES) o") == 0 ]] && break
  sleep 0.5
done

# Every table of the module schemas: row count and a checksum of its rows (as a superuser, so RLS hides nothing).
SNAPSHOT_SQL="DO \$\$ DECLARE t record; r text; BEGIN
  CREATE TEMP TABLE drill_snapshot(name text, rows bigint, checksum text);
  FOR t IN SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'public') AND n.nspname NOT LIKE 'pg\_%' LOOP
    EXECUTE format('INSERT INTO drill_snapshot SELECT %L, count(*), md5(coalesce(string_agg(x::text, '','' ORDER BY x::text), '''')) FROM %I.%I x',
      t.nspname || '.' || t.relname, t.nspname, t.relname);
  END LOOP; END \$\$;
  SELECT name || ' ' || rows || ' ' || checksum FROM drill_snapshot ORDER BY name;"
snapshot() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d edumatrix -At <<<"$SNAPSHOT_SQL"; }

snapshot "$PG_PORT" >"$WORK/at-target.txt"
psql_at "$PG_PORT" "CREATE TABLE public.drill_marker (name text PRIMARY KEY, written_at timestamptz NOT NULL DEFAULT clock_timestamp()); INSERT INTO public.drill_marker (name) VALUES ('before-target')"
TARGET=$(psql_at "$PG_PORT" "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'")
TARGET_WAL=$(psql_at "$PG_PORT" "SELECT pg_walfile_name(pg_current_wal_insert_lsn())")
sleep 1

# After the target: none of this may come back.
COURSE_AFTER=$(course LATE1 "Written after the target")
POST_AFTER_TEXT="Written after the target"
post "$POST_AFTER_TEXT" >/dev/null
signup eve "$ADA" STUDENT
psql_at "$PG_PORT" "INSERT INTO public.drill_marker (name) VALUES ('after-target')"
say "$(wc -l <"$WORK/at-target.txt") tables recorded at target $TARGET; more written after it"

# The recovery point: how long the target's commit stayed only on this server before its WAL reached the repository.
for _ in $(seq 240); do
  archived=$(psql_at "$PG_PORT" "SELECT coalesce(left(last_archived_wal, 24) > '$TARGET_WAL' OR last_archived_wal = '$TARGET_WAL', false) FROM pg_stat_archiver")
  [[ $archived == t ]] && break
  sleep 0.5
done
[[ $archived == t ]] || fail "WAL $TARGET_WAL was not archived within 120 s"
RPO=$(psql_at "$PG_PORT" "SELECT round(extract(epoch FROM last_archived_time - '$TARGET'::timestamptz)::numeric, 1) FROM pg_stat_archiver")

# The disaster: the application and the server are gone.
stop_app
stop_cluster "$WORK/primary" immediate
say "WAL holding the target archived ${RPO} s after it; server lost; restoring to $TARGET"

RESTORE_STARTED=$(date +%s.%N)
mkdir -m 700 "$WORK/restored"
[[ $(id -un) == postgres ]] || chown postgres:postgres "$WORK/restored"
as_pg "${BR[@]}" --pg1-path="$WORK/restored" --set="$BACKUP_SET" --type=time "--target=$TARGET" \
  --target-action=promote --archive-mode=off restore
start_cluster "$WORK/restored" "$RESTORE_PORT"
for _ in $(seq 240); do [[ $(psql_at "$RESTORE_PORT" 'SELECT pg_is_in_recovery()') == f ]] && break; sleep 0.5; done

snapshot "$RESTORE_PORT" >"$WORK/restored.txt"
diff -u "$WORK/at-target.txt" "$WORK/restored.txt" >&2 || fail "the restored tables differ from the state at the target"
[[ $(psql_at "$RESTORE_PORT" "SELECT string_agg(name, ',') FROM public.drill_marker") == before-target ]] \
  || fail "markers restored: $(psql_at "$RESTORE_PORT" "SELECT string_agg(name, ',') FROM public.drill_marker")"

# The master keys the restored keys are wrapped under (fingerprints, never the keys): the application must have each
# as EDUMATRIX_KEY_WRAPPING_KEY or _PREVIOUS, or it refuses to start naming the missing one (README: Encryption and keys).
WRAPPED=$(psql_at "$RESTORE_PORT" "SELECT string_agg(format('SELECT master_key AS k FROM %I.%I', table_schema, table_name), ' UNION ALL ') FROM information_schema.columns WHERE column_name = 'master_key'")
MASTER_KEYS=none
[[ -z $WRAPPED ]] || MASTER_KEYS=$(psql_at "$RESTORE_PORT" "SELECT string_agg(DISTINCT coalesce(k, 'unknown'), ' ') FROM ($WRAPPED) m")
echo "DRILL-NOTE master keys: $MASTER_KEYS" >&2
start_app "$RESTORE_PORT" application-restored
RTO=$(awk -v from="$RESTORE_STARTED" -v to="$(date +%s.%N)" 'BEGIN { printf "%.1f", to - from }')

ADA=$(login ada@north.test); BO=$(login bo@north.test); CY=$(login cy@north.test)
[[ $(call GET "/api/courses/$COURSE_BEFORE" "$ADA" | jq -r .title) == Geometry ]] || fail "the course written before the target is missing"
[[ $(status_of "/api/courses/$COURSE_AFTER" "$ADA") == 404 ]] || fail "the course written after the target is back"
feed=$(call GET /api/students/feed "$CY" | jq -r '.items[].body')
grep -qx "$POST_BEFORE_TEXT" <<<"$feed" || fail "the post written before the target is missing from the feed"
! grep -qx "$POST_AFTER_TEXT" <<<"$feed" || fail "the post written after the target is in the feed"
[[ $(call GET "/api/community/rooms/$ROOM/messages?limit=10" "$CY" | jq '.items | length') == 2 ]] || fail "room messages"
[[ $(call GET "/api/statistics/institutions/$INST/overview" "$ADA" | jq '.courseRatings.count') == 1 ]] || fail "statistics"
[[ $(call GET /api/notifications "$BO" | jq '.items | length') -gt 0 ]] || fail "notifications"
[[ $(curl -s -o /dev/null -w '%{http_code}' "$API/api/sessions" -H 'Content-Type: application/json' \
  -d "{\"email\":\"eve@north.test\",\"password\":\"a long passphrase\"}") == 401 ]] || fail "the account signed up after the target can log in"

say "restored $(du -sb "$WORK/restored" | cut -f1) bytes of cluster ($(psql_at "$RESTORE_PORT" "SELECT pg_size_pretty(pg_database_size('edumatrix'))") database, $(wc -l <"$WORK/restored.txt") tables); backup $(as_pg "${BR[@]}" info --output=json | jq '.[0].backup[-1].info.repository.delta') bytes in the repository"
OK=true
