#!/usr/bin/env bash
# What the signed settings of ADR 0026 cost inside PostgreSQL, per statement: a primary-key read of a tenant-owned
# table (10,000 rows, forced RLS) as an app role, its policy reading the tenant as it is (before issue 16) or through
# the verifier of db/platform/V6 as an InitPlan (after). Each round runs the read LOOPS times in a plpgsql loop, on the
# server, so no round trip is counted; the figure is the fastest of ROUNDS interleaved rounds, in microseconds.
#
#   DB_PORT=5442 bench/settings-verify.sh      # DB_HOST, DB_PORT, DB_ADMIN_USER as for the tests; ROUNDS, LOOPS
set -euo pipefail
cd "$(dirname "$0")/.."
host=${DB_HOST:-127.0.0.1} port=${DB_PORT:-5432} admin=${DB_ADMIN_USER:-postgres}
rounds=${ROUNDS:-5} loops=${LOOPS:-10000}
db=edumatrix_settings_bench_$$ app=settings_bench_app_$$
as_admin() { psql -h "$host" -p "$port" -U "$admin" -d "$db" -qAtX -v ON_ERROR_STOP=1 "$@"; }
cleanup() {
    psql -h "$host" -p "$port" -U "$admin" -d postgres -qAtX -c "DROP DATABASE IF EXISTS $db" -c "DROP ROLE IF EXISTS $app" >/dev/null
}
trap cleanup EXIT
psql -h "$host" -p "$port" -U "$admin" -d postgres -qAtX -v ON_ERROR_STOP=1 -c "CREATE DATABASE $db" -c "CREATE ROLE $app LOGIN"

# The key table and the verifier exactly as V6 creates them, for a module "m".
as_admin -c "CREATE SCHEMA m"
sed -n '/^CREATE TABLE settings_key/,/^\$\$;/p' src/main/resources/db/platform/V6__create_settings_key.sql \
    | sed 's/\${module}/m/g; s/^CREATE TABLE settings_key/CREATE TABLE m.settings_key/; s/^CREATE FUNCTION m_fn/CREATE FUNCTION m.m_fn/' \
    | as_admin
as_admin <<SQL
INSERT INTO m.settings_key (wrapped_key, inner_pad, outer_pad, created_at)
SELECT '\x00', decode(repeat(md5(random()::text), 4), 'hex'), decode(repeat(md5(random()::text), 4), 'hex'), now();
CREATE TABLE m.course (id uuid PRIMARY KEY, institution_id uuid NOT NULL, code text, title text);
CREATE INDEX course_institution_page ON m.course (institution_id, id);
INSERT INTO m.course SELECT gen_random_uuid(), ('00000000-0000-0000-0000-00000000000' || i % 10)::uuid, 'C' || i, 'T' || i
    FROM generate_series(1, 10000) AS i;
UPDATE m.course SET id = '11111111-1111-1111-1111-111111111111' WHERE code = 'C1';
ALTER TABLE m.course ENABLE ROW LEVEL SECURITY;
ALTER TABLE m.course FORCE ROW LEVEL SECURITY;
ANALYZE m.course;
GRANT USAGE ON SCHEMA m TO $app;
GRANT SELECT ON m.course TO $app;
GRANT EXECUTE ON FUNCTION m.m_fn_verified_setting(text) TO $app;
SQL

tenant=00000000-0000-0000-0000-000000000001
signed() {
    as_admin -c "SELECT '$tenant|' || t || '|' || encode(sha256(outer_pad || sha256(inner_pad
        || convert_to('app.institution_id|$tenant|' || t, 'UTF8'))), 'hex')
        FROM m.settings_key, (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS t) AS now"
}
round() { # policy expression, setting's value: prints microseconds per read, after checking every read saw the row
    as_admin -c "DROP POLICY IF EXISTS tenant_isolation ON m.course" 2>/dev/null \
        -c "CREATE POLICY tenant_isolation ON m.course USING (institution_id = $1)"
    local result
    result=$(psql -h "$host" -p "$port" -U "$app" -d "$db" -qAtX -v ON_ERROR_STOP=1 <<SQL | tail -1
CREATE FUNCTION pg_temp.reads(n int) RETURNS int LANGUAGE plpgsql AS \$\$
DECLARE seen int := 0; r record;
BEGIN
    FOR i IN 1..n LOOP
        SELECT * INTO r FROM m.course WHERE id = '11111111-1111-1111-1111-111111111111';
        IF FOUND THEN seen := seen + 1; END IF;
    END LOOP;
    RETURN seen;
END \$\$;
BEGIN;
SELECT set_config('app.institution_id', '$2', true) IS NULL;
SELECT pg_temp.reads(1000);
SELECT seen || ' ' || round(extract(epoch FROM clock_timestamp() - statement_timestamp()) * 1e6 / $loops, 2)
    FROM (SELECT pg_temp.reads($loops) AS seen) AS measured;
SQL
)
    [[ ${result%% *} == "$loops" ]] || { echo "only ${result%% *} of $loops reads saw the tenant's row" >&2; exit 1; }
    echo "${result#* }"
}
best_plain= best_signed=
for _ in $(seq "$rounds"); do
    plain=$(round "nullif(current_setting('app.institution_id', true), '')::uuid" "$tenant")
    verified=$(round "(SELECT m.m_fn_verified_setting('app.institution_id')::uuid)" "$(signed)")
    [[ -n $plain && -n $verified ]] || exit 1
    best_plain=$(printf '%s\n%s\n' "$plain" "${best_plain:-$plain}" | sort -g | head -1)
    best_signed=$(printf '%s\n%s\n' "$verified" "${best_signed:-$verified}" | sort -g | head -1)
done
echo "primary-key read under forced RLS, fastest of $rounds rounds of $loops reads, microseconds per read:"
echo "  tenant read as it is (before):          $best_plain"
echo "  tenant verified, one InitPlan (ADR 0026): $best_signed"
echo "  the verifier's cost per statement:        $(echo "$best_signed - $best_plain" | bc)"
