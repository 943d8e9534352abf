#!/usr/bin/env bash
# A Web Push service to receive notifications by hand (README "Try the account and delivery flows by hand"): the tests'
# own push service (src/test/.../notifications/internal/delivery/TestPushService), run from the test classes by ./mvnw
# on 127.0.0.1:${PUSH_PORT:-9100}. It holds a browser subscription (its P-256 key pair and auth secret) for each name
# given, prints each as the JSON a browser posts to POST /api/notifications/push-subscriptions, then prints every push
# it receives after checking its VAPID signature (RFC 8292) and decrypting it (RFC 8291). The application accepts its
# http://127.0.0.1 endpoints only with EDUMATRIX_NOTIFICATIONS_PUSH_ALLOW_LOOPBACK_HTTP=true.
# Usage: ops/dev/push-service.sh <browser name>...
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ $# -ge 1 ]] || { echo "Usage: $0 <browser name>..." >&2; exit 2; }
args="$(printf '%q ' "$@")"
exec ./mvnw -q -B test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dspring-boot.aot.skip \
  -Dexec.classpathScope=test -Dexec.mainClass=io.edumatrix.notifications.internal.delivery.TestPushService \
  -Dexec.args="$args" -Dtest-push-service.port="${PUSH_PORT:-9100}"
