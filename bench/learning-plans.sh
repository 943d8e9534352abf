#!/usr/bin/env bash
# The learning benchmark of issue 17 at the SQL level: a course of 200 lessons with 5,000 enrolled students, its
# outline, one student's progress and a page of the staff progress table, each EXPLAIN ANALYZEd as the courses app
# role under row-level security (LearningPlanTests, which fails above 20 ms). Prints each plan and the figures.
# Needs a PostgreSQL as for the tests (DB_HOST, DB_PORT, DB_ADMIN_USER; see docs/adr/0004).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
./mvnw -B -q test -Dspring-boot.aot.skip -Dtest=LearningPlanTests -Dsurefire.failIfNoSpecifiedTests=false >"$out" 2>&1 \
  || { tail -50 "$out"; exit 1; }
grep -E '^(Outline|Progress|Published)|Execution Time|^Learning benchmark' "$out"
