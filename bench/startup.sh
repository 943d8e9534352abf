#!/usr/bin/env bash
# Start-up of EduMatrix against the bare peer (bench/peer), in the same run: restarts on databases that are already
# provisioned and migrated, alternating the variants (ABBA), each start in a fresh JVM with the same flags. Prints
# the median "Started ... in" of each variant and its ratio to the peer's. See bench/README.md.
#
#   bench/startup.sh                                  about 3 minutes with the defaults
#   VARIANTS="peer edumatrix edumatrix-aot edumatrix-spring-aot peer-aot" RUNS=7 bench/startup.sh
set -Eeuo pipefail
trap 'printf "[%s] ERROR: line %s: %s failed\n" "$(date +%T)" "$LINENO" "$BASH_COMMAND" >&2' ERR

usage() {
  cat <<'EOF'
usage: bench/startup.sh
env knobs (defaults): RUNS=5 VARIANTS="peer edumatrix edumatrix-aot" JVM_FLAGS="-XX:+UseG1GC -Xmx1g" SKIP_BUILD=0
  PORT=18191 DB_HOST=127.0.0.1 DB_PORT=5432 DB_ADMIN_USER=postgres DB_ADMIN_PASSWORD= JAVA_HOME=(Temurin 25)
variants: peer, edumatrix (java -jar on the built jars); edumatrix-spring: with -Dspring.aot.enabled=true (the bean
  definitions Spring AOT generated at build time); and <any>-aot: the jar extracted (java -Djarmode=tools extract)
  and started with -XX:AOTCache, from a training run of the same variant that stopped after the context refresh
  (-XX:AOTCacheOutput, -Dspring.context.exit=onRefresh), as README "Faster start-up" describes
EOF
}
case "${1:-}" in
  '') ;;
  -h | --help) usage; exit 0 ;;
  *) usage >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-5} VARIANTS=${VARIANTS:-peer edumatrix edumatrix-aot} PORT=${PORT:-18191}
JVM_FLAGS=${JVM_FLAGS:--XX:+UseG1GC -Xmx1g} SKIP_BUILD=${SKIP_BUILD:-0}
DB_HOST=${DB_HOST:-127.0.0.1} DB_PORT=${DB_PORT:-5432} DB_ADMIN_USER=${DB_ADMIN_USER:-postgres}
DB_ADMIN_PASSWORD=${DB_ADMIN_PASSWORD:-}
log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer (got '$RUNS')"
read -r -a VARIANT_LIST <<<"$VARIANTS"
[[ ${VARIANT_LIST[0]:-} == peer ]] || die "VARIANTS must start with peer, the yardstick of every ratio"
for name in "${VARIANT_LIST[@]}"; do
  [[ $name =~ ^(peer|edumatrix(-spring)?)(-aot)?$ ]] ||
    die "unknown variant '$name' (known: peer edumatrix edumatrix-spring and each with -aot)"
done

JAVA_HOME=${JAVA_HOME:-$(find /usr/lib/jvm -maxdepth 1 -name 'temurin-25*' \( -type d -o -type l \) 2>/dev/null | sort | head -n 1 || true)}
[[ -x ${JAVA_HOME:-}/bin/java ]] || die "no JDK 25: set JAVA_HOME (looked for /usr/lib/jvm/temurin-25*)"
export JAVA_HOME
JAVA=$JAVA_HOME/bin/java
read -r -a JVM_FLAG_LIST <<<"$JVM_FLAGS"
export PGHOST=$DB_HOST PGPORT=$DB_PORT PGUSER=$DB_ADMIN_USER
[[ -z $DB_ADMIN_PASSWORD ]] || export PGPASSWORD=$DB_ADMIN_PASSWORD
sql() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 -d postgres -c "$1"; }
pg_isready -q -h "$DB_HOST" -p "$DB_PORT" || die "PostgreSQL is not accepting connections on $DB_HOST:$DB_PORT"

OUT=$ROOT/bench/out/startup-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
log "output in $OUT"

PEER_DB=startup_peer_$$ EDU_DB=startup_edumatrix_$$ ROLE_PREFIX=su$$_ APP_PID=''
EDUMATRIX_KEY_WRAPPING_KEY=$(head -c 32 /dev/urandom | base64)
stop_app() {
  [[ -n $APP_PID ]] || return 0
  kill -TERM "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=''
}
cleanup() {
  set +e
  stop_app
  sql "DROP DATABASE IF EXISTS $PEER_DB WITH (FORCE)"
  sql "DROP DATABASE IF EXISTS $EDU_DB WITH (FORCE)"
  local role
  for role in $(sql "SELECT rolname FROM pg_roles WHERE starts_with(rolname, '$ROLE_PREFIX')"); do sql "DROP ROLE \"$role\""; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ $SKIP_BUILD != 1 ]]; then
  log "building both jars"
  ./mvnw -B -q -DskipTests package
  ./mvnw -B -q -f bench/peer/pom.xml -DskipTests package
fi
find_jar() { find "$1" -maxdepth 1 -name "$2" ! -name '*-plain.jar' | sort | tail -n 1; }
EDU_JAR=$(find_jar target 'edumatrix-*.jar') PEER_JAR=$(find_jar bench/peer/target 'peer-*.jar')
[[ -n $EDU_JAR && -n $PEER_JAR ]] || die "missing jars; run without SKIP_BUILD=1"
# The AOT cache belongs to one class path: the extracted layout (a plain jar beside lib/), not the nested jar.
for app in edumatrix peer; do
  jar=$EDU_JAR
  [[ $app == edumatrix ]] || jar=$PEER_JAR
  "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$OUT/$app-extracted" >/dev/null
done

sql "CREATE DATABASE $PEER_DB"
sql "CREATE DATABASE $EDU_DB"

# command variant [extra JVM flags...] -> the command line of one start
command_of() {
  local variant=$1 app=${1%%-*} jar spring=()
  shift
  [[ $variant != *-spring* ]] || spring=(-Dspring.aot.enabled=true)
  if [[ $variant == *-aot ]]; then
    jar=$(find "$OUT/$app-extracted" -maxdepth 1 -name '*.jar' | head -n 1)
  else
    [[ $app == edumatrix ]] && jar=$EDU_JAR || jar=$PEER_JAR
  fi
  CMD=("$JAVA" "${JVM_FLAG_LIST[@]}" "${spring[@]}" "$@" -jar "$jar")
  [[ $app == peer ]] || CMD+=("--edumatrix.database.role-prefix=$ROLE_PREFIX")
}
env_of() {
  if [[ ${1%%-*} == peer ]]; then
    ENV=(SERVER_PORT="$PORT" DB_HOST="$DB_HOST" DB_PORT="$DB_PORT" DB_NAME="$PEER_DB" DB_USER="$DB_ADMIN_USER"
      DB_PASSWORD="$DB_ADMIN_PASSWORD")
  else
    ENV=(SERVER_PORT="$PORT" DB_HOST="$DB_HOST" DB_PORT="$DB_PORT" DB_NAME="$EDU_DB" DB_ADMIN_USER="$DB_ADMIN_USER"
      DB_ADMIN_PASSWORD="$DB_ADMIN_PASSWORD" EDUMATRIX_KEY_WRAPPING_KEY="$EDUMATRIX_KEY_WRAPPING_KEY"
      EDUMATRIX_BOOTSTRAP_ADMIN_EMAIL=bench-admin@example.com EDUMATRIX_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password-1)
  fi
}
# start variant logfile [extra JVM flags...] -> STARTED, PROCESS (seconds); leaves the application running. Sets globals,
# so it must not run in a subshell: stop_app needs APP_PID.
start() {
  local variant=$1 logfile=$2
  shift 2
  command_of "$variant" "$@"
  env_of "$variant"
  : >"$logfile"
  env "${ENV[@]}" "${CMD[@]}" >"$logfile" 2>&1 </dev/null &
  APP_PID=$!
  local deadline=$((SECONDS + 180))
  until grep -q 'Started .* in [0-9.]* seconds' "$logfile"; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$logfile" >&2; die "$variant exited during start-up ($logfile)"; }
    ((SECONDS < deadline)) || die "$variant did not start within 180 s ($logfile)"
    sleep 0.1
  done
  read -r STARTED PROCESS < <(grep -o -m 1 'Started [^ ]* in [0-9.]* seconds (process running for [0-9.]*)' "$logfile" |
    awk '{ print $4, $9 }' | tr -d ')')
}

log "first starts: provisioning and migrating EduMatrix's database, creating the peer's table"
start edumatrix "$OUT/provision-edumatrix.log" && stop_app
start peer "$OUT/provision-peer.log" && stop_app
for variant in "${VARIANT_LIST[@]}"; do
  [[ $variant == *-aot ]] || continue
  log "$variant: training run (stops after the context refresh; the JVM writes the cache as it exits)"
  command_of "$variant" "-XX:AOTCacheOutput=$OUT/$variant.aot" -Dspring.context.exit=onRefresh
  env_of "$variant"
  env "${ENV[@]}" "${CMD[@]}" >"$OUT/train-$variant.log" 2>&1 </dev/null ||
    die "training run of $variant failed ($OUT/train-$variant.log)"
  [[ -s $OUT/$variant.aot ]] || die "no AOT cache written ($OUT/train-$variant.log)"
done

printf 'variant\trun\tstarted_s\tprocess_s\n' >"$OUT/results.tsv"
for ((run = 1; run <= RUNS; run++)); do
  order=("${VARIANT_LIST[@]}")
  if ((run % 2 == 0)); then
    order=()
    for ((i = ${#VARIANT_LIST[@]} - 1; i >= 0; i--)); do order+=("${VARIANT_LIST[i]}"); done
  fi
  for variant in "${order[@]}"; do
    flags=()
    [[ $variant != *-aot ]] || flags=("-XX:AOTCache=$OUT/$variant.aot")
    start "$variant" "$OUT/$variant-$run.log" "${flags[@]}"
    stop_app
    log "run $run/$RUNS: $variant started in $STARTED s (process running for $PROCESS s)"
    printf '%s\t%s\t%s\t%s\n' "$variant" "$run" "$STARTED" "$PROCESS" >>"$OUT/results.tsv"
  done
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
peer=$(awk -F'\t' '$1 == "peer" { print $3 }' "$OUT/results.tsv" | median)
{
  echo "bench/startup.sh $(date -u +%FT%TZ) on $(hostname), $(nproc) cores; $RUNS restarts per variant, ABBA; jvm flags: $JVM_FLAGS"
  printf '%-22s %10s %10s %s\n' variant 'median s' 'x peer' 'all runs (Started ... in)'
  for variant in "${VARIANT_LIST[@]}"; do
    values=$(awk -F'\t' -v v="$variant" '$1 == v { print $3 }' "$OUT/results.tsv")
    m=$(median <<<"$values")
    printf '%-22s %10s %10s %s\n' "$variant" "$m" "$(awk -v a="$m" -v b="$peer" 'BEGIN { printf "%.2f", a / b }')" "$(tr '\n' ' ' <<<"$values")"
  done
} | tee "$OUT/summary.txt"
