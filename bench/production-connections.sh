#!/usr/bin/env bash
# Three application instances through PgBouncer (transaction mode, one pool per module role) against a stock
# PostgreSQL (max_connections = 100), with a streaming standby as read replica. Everything runs on throwaway servers of
# its own (a primary and a pg_basebackup -R standby in a temporary folder, PgBouncer as postgres), on ports below 15500.
# Prints: requests answered by status, the connections that reached PostgreSQL (peak client backends on the primary
# and on the standby, sampled every 0.5 s), the clients PgBouncer held, the share of read-only checkouts the replica
# pools served, and the replica lag seen. Fails if any request was not answered 2xx.
#
#   bench/production-connections.sh
# env knobs (defaults): INSTANCES=3 POOL=5 (each module's pool per instance: 11 x 5 x 3 = 165 client connections, more
#   than twelve modules' default pools of 4 x 3 = 144) SERVER_CONNECTIONS=5 (PgBouncer's pool_size per role)
#   STANDBY_CONNECTIONS=200 (the standby's max_connections: the replica pools reach it directly, 9 x 5 x 3 + 3)
#   WORKERS=12 DURATION=60 BASE_PORT=15460 (the primary; the standby and PgBouncer the next two)
#   HTTP_BASE_PORT=BASE_PORT+10 (instance i serves on HTTP_BASE_PORT+i, its scrape on HTTP_BASE_PORT+10+i)
#   JAR=target/edumatrix-*.jar (or EDUMATRIX_CLASSPATH, a class path to run)
#   PG_BIN=/usr/lib/postgresql/15/bin
set -euo pipefail
cd "$(dirname "$0")/.."
INSTANCES=${INSTANCES:-3} POOL=${POOL:-5} SERVER_CONNECTIONS=${SERVER_CONNECTIONS:-5} WORKERS=${WORKERS:-12}
DURATION=${DURATION:-60} BASE_PORT=${BASE_PORT:-15460} STANDBY_CONNECTIONS=${STANDBY_CONNECTIONS:-200}
HTTP_BASE_PORT=${HTTP_BASE_PORT:-$((BASE_PORT + 10))}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
if [[ -n ${EDUMATRIX_CLASSPATH:-} ]]; then APP=(-cp "$EDUMATRIX_CLASSPATH" io.edumatrix.EduMatrixApplication)
else
  JAR=${JAR:-$(ls target/edumatrix-*.jar 2>/dev/null | grep -v -- '-plain' | head -n 1)}
  [[ -f $JAR ]] || { echo "no jar: ./mvnw -DskipTests package, or set JAR or EDUMATRIX_CLASSPATH" >&2; exit 1; }
  APP=(-jar "$JAR")
fi
command -v pgbouncer >/dev/null || { echo "pgbouncer is needed (apt-get install pgbouncer)" >&2; exit 1; }

PRIMARY=$BASE_PORT STANDBY=$((BASE_PORT + 1)) BOUNCER=$((BASE_PORT + 2))
WORK=$(mktemp -d /tmp/edumatrix-bench-connections-XXXX)
chown postgres:postgres "$WORK"
as_pg() { runuser -u postgres -- "$@"; }
say() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
PIDS=()
finish() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [[ -f $WORK/bouncer/pgbouncer.pid ]] && kill "$(cat "$WORK/bouncer/pgbouncer.pid")" 2>/dev/null || true
  for cluster in primary standby; do
    [[ -f $WORK/$cluster/postmaster.pid ]] && as_pg "$PG_BIN/pg_ctl" -D "$WORK/$cluster" -m immediate -w stop >/dev/null 2>&1 || true
  done
  cp "$WORK"/*.log /tmp/ 2>/dev/null || true
  rm -rf "$WORK"
}
trap finish EXIT

psql_at() { psql -X -q -At -h "$WORK" -p "$1" -U postgres -d "${3:-postgres}" -c "$2"; }

say "primary on $PRIMARY (max_connections = 100), standby on $STANDBY, PgBouncer on $BOUNCER"
as_pg "$PG_BIN/initdb" -D "$WORK/primary" -U postgres -A trust -E UTF8 --no-instructions >/dev/null
cat >>"$WORK/primary/postgresql.conf" <<CONF
port = $PRIMARY
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
max_connections = 100
wal_level = replica
hot_standby = on
CONF
as_pg "$PG_BIN/pg_ctl" -D "$WORK/primary" -l "$WORK/primary.log" -w start >/dev/null
psql_at "$PRIMARY" "CREATE DATABASE edumatrix"
as_pg "$PG_BIN/pg_basebackup" -h "$WORK" -p "$PRIMARY" -U postgres -D "$WORK/standby" -R -X stream -c fast
# The replica pools go straight to the standby (11 - 2 modules x POOL x INSTANCES, and a lag check per instance).
printf 'port = %s\nmax_connections = %s\n' "$STANDBY" "$STANDBY_CONNECTIONS" >>"$WORK/standby/postgresql.conf"
as_pg "$PG_BIN/pg_ctl" -D "$WORK/standby" -l "$WORK/standby.log" -w start >/dev/null

mkdir -p "$WORK/bouncer"
MODULES=(identity institutions courses students freelancing community news jobs feedback statistics notifications)
{ for m in "${MODULES[@]}"; do echo "\"${m}_app\" \"\""; done; echo '"postgres" ""'; } >"$WORK/bouncer/userlist.txt"
cat >"$WORK/bouncer/pgbouncer.ini" <<INI
[databases]
edumatrix = host=127.0.0.1 port=$PRIMARY dbname=edumatrix
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER
unix_socket_dir = $WORK/bouncer
auth_type = trust
auth_file = $WORK/bouncer/userlist.txt
admin_users = postgres
pool_mode = transaction
default_pool_size = $SERVER_CONNECTIONS
max_client_conn = 2000
ignore_startup_parameters = extra_float_digits
logfile = $WORK/bouncer/pgbouncer.log
pidfile = $WORK/bouncer/pgbouncer.pid
INI
chown -R postgres:postgres "$WORK/bouncer"
as_pg pgbouncer -d "$WORK/bouncer/pgbouncer.ini"

KEY=$(openssl rand -base64 32)
start_app() { # index
  local port=$((HTTP_BASE_PORT + $1)) metrics=$((HTTP_BASE_PORT + 10 + $1))
  EDUMATRIX_KEY_WRAPPING_KEY=$KEY EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL=bench-admin@example.com \
    EDUMATRIX_BOOTSTRAP_ADMIN_PASSWORD='bench admin passphrase' DB_HOST=127.0.0.1 DB_PORT=$PRIMARY DB_NAME=edumatrix \
    DB_ADMIN_USER=postgres DB_POOL_HOST=127.0.0.1 DB_POOL_PORT=$BOUNCER DB_POOL_SERVER_CONNECTIONS=$SERVER_CONNECTIONS \
    DB_MAX_CONNECTIONS=$POOL EDUMATRIX_DATABASE_INSTANCES=$INSTANCES DB_READ_HOST=127.0.0.1 DB_READ_PORT=$STANDBY \
    SERVER_PORT=$port MANAGEMENT_PORT=$metrics \
    "$JAVA" -XX:TieredStopAtLevel=1 -Xmx320m "${APP[@]}" >"$WORK/app$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 400); do
    curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"' && return 0
    kill -0 "${PIDS[-1]}" 2>/dev/null || { tail -30 "$WORK/app$1.log" >&2; exit 1; }
    sleep 0.5
  done
  say "instance $1 did not start"; tail -30 "$WORK/app$1.log" >&2; exit 1
}
for i in $(seq 1 "$INSTANCES"); do say "starting instance $i"; start_app "$i"; done

API=http://127.0.0.1:$((HTTP_BASE_PORT + 1))
json() { curl -s "$API$1" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} -d "$2"; }
ADMIN=$(json /api/sessions '{"email":"bench-admin@example.com","password":"bench admin passphrase"}' | jq -r .accessToken)
INST=$(json /api/institutions '{"name":"Bench College","code":"bench"}' "$ADMIN" | jq -r .id)
json /api/accounts '{"email":"ada@bench.test","password":"a long passphrase","displayName":"Ada"}' >/dev/null
json "/api/institutions/$INST/members" '{"email":"ada@bench.test","role":"INSTITUTION_ADMIN"}' "$ADMIN" >/dev/null
ADA=$(json /api/sessions "{\"email\":\"ada@bench.test\",\"password\":\"a long passphrase\",\"institutionId\":\"$INST\"}" | jq -r .accessToken)
COURSE=$(json /api/courses "{\"institutionId\":\"$INST\",\"code\":\"B1\",\"title\":\"Bench\"}" "$ADA" | jq -r .id)
json /api/news/articles '{"title":"Bench news","body":"text","tags":["bench"]}' "$ADA" >/dev/null || true
sleep 6 # past Ada's own writes: her reads may go to the replica now

checkouts() { # "<pool> <checkouts>" per pool, summed over the instances
  for i in $(seq 1 "$INSTANCES"); do
    curl -s "http://127.0.0.1:$((HTTP_BASE_PORT + 10 + i))/actuator/prometheus"
  done | awk '/^hikaricp_connections_usage_seconds_count/ { match($0, /pool="[^"]*"/); n[substr($0, RSTART + 6, RLENGTH - 7)] += $2 }
    /^edumatrix_db_replica_fallbacks_total/ { match($0, /module="[^"]*"/); n["fallback:" substr($0, RSTART + 8, RLENGTH - 9)] += $2 }
    END { for (p in n) print p, n[p] }' | sort
}
checkouts >"$WORK/checkouts.before"

say "load: $WORKERS workers for $DURATION s over $INSTANCES instances (GET courses, course, news, me, health)"
: >"$WORK/samples"
( while :; do
    echo "$(psql_at "$PRIMARY" "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'") \
$(psql_at "$STANDBY" "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'") \
$(curl -s "http://127.0.0.1:$((HTTP_BASE_PORT + 11))/actuator/prometheus" | awk '/^edumatrix_db_replica_lag_seconds/ {print $2}')" >>"$WORK/samples"
    sleep 0.5
  done ) &
PIDS+=($!)
SAMPLER=$!
END=$((SECONDS + DURATION))
for w in $(seq 1 "$WORKERS"); do
  ( i=$w; while (( SECONDS < END )); do
      port=$((HTTP_BASE_PORT + 1 + i % INSTANCES))
      for path in /api/courses "/api/courses/$COURSE" /api/news/articles /api/accounts/me /actuator/health; do
        curl -s -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$port$path" -H "Authorization: Bearer $ADA"
      done
      i=$((i + 1))
    done >"$WORK/codes.$w" ) &
  WORKER_PIDS+=($!)
done
wait "${WORKER_PIDS[@]}"
kill "$SAMPLER" 2>/dev/null || true
checkouts >"$WORK/checkouts.after"
# Columns by name: they differ between PgBouncer versions.
POOLS=$(psql -X -A -h 127.0.0.1 -p "$BOUNCER" -U postgres -d pgbouncer -c 'SHOW POOLS' | awk -F'|' '
  NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
  $c["user"] ~ /_app$/ { cl += $c["cl_active"] + $c["cl_waiting"]; sv += $c["sv_active"] + $c["sv_idle"] + $c["sv_used"] + $c["sv_tested"] + $c["sv_login"] }
  END { print cl + 0, sv + 0 }')

TOTAL=$(cat "$WORK"/codes.* | wc -l)
echo "== requests: $TOTAL in ${DURATION}s over $INSTANCES instances, by status:"
cat "$WORK"/codes.* | sort | uniq -c
awk '{ if ($1 > p) p = $1; if ($2 > s) s = $2; if ($3 != "NaN" && $3 > l) l = $3; n++ }
  END { printf "== connections reaching PostgreSQL: primary peak %d client backends (max_connections 100), standby peak %d (max_connections %d); samples %d\n== replica lag seen: max %.3f s\n", p, s, sc, n, l }' sc="$STANDBY_CONNECTIONS" "$WORK/samples"
echo "== PgBouncer now: ${POOLS% *} client connections from the instances' pools, ${POOLS#* } server connections"
echo "== application pools: ${#MODULES[@]} modules x $POOL x $INSTANCES instances = $(( ${#MODULES[@]} * POOL * INSTANCES )) client connections at most"
# The modules whose GETs the load sends (courses, news): checkouts of their pools during the load. The primary pools
# also serve each module's background work (event publication and listeners, scheduled sweeps, the replica's lag check
# through the first module to open a replica pool), about as much as the primary pools of the modules the load does not
# touch show. Every read-only transaction of a GET is either a replica checkout or a fallback to the primary (the load
# starts past the caller's own writes), so the share of GET traffic the replica served is replica / (replica + fallbacks).
join "$WORK/checkouts.before" "$WORK/checkouts.after" | awk '{ d[$1] = $3 - $2 }
  END { for (m in d) if (m ~ /-replica$/) { p = substr(m, 1, length(m) - 8); t = d[m] + d[p]; if (t > 0)
          printf "== %s: %d checkouts on the replica pool, %d on the primary pool, %d reads sent to the primary instead\n", p, d[m], d[p], d["fallback:" p] }
        r = d["courses-replica"] + d["news-replica"]; f = d["fallback:courses"] + d["fallback:news"]
        printf "== share of GET traffic served by the replica (read-only transactions of courses and news): %.1f%% (%d of %d)\n", r + f ? 100 * r / (r + f) : 0, r, r + f }' | sort
for i in $(seq 1 "$INSTANCES"); do curl -s "http://127.0.0.1:$((HTTP_BASE_PORT + 10 + i))/actuator/prometheus"; done |
  awk '/^edumatrix_db_replica_fallbacks_total/ && $2 > 0 { match($0, /module="[^"]*"/); m = substr($0, RSTART + 8, RLENGTH - 9);
    match($0, /reason="[^"]*"/); r = substr($0, RSTART + 8, RLENGTH - 9); n[m " " r] += $2 }
    END { for (k in n) printf "== reads sent to the primary instead of the replica: %s %d\n", k, n[k] }' | sort
BAD=$(cat "$WORK"/codes.* | grep -vc '^2' || true)
(( BAD == 0 )) || { echo "FAILED: $BAD requests not answered 2xx"; exit 1; }
