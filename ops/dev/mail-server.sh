#!/usr/bin/env bash
# An SMTP server to try the mail flows by hand (README "Try the account and delivery flows by hand"): GreenMail
# standalone, the GreenMail the tests run in their JVM (pom.xml's greenmail.version), fetched once from Maven Central
# by ./mvnw into .edumatrix-dev/tools/. It accepts every recipient without a password and keeps each mail in that
# address's inbox, which its REST API serves as JSON:
#   curl -s http://127.0.0.1:${MAIL_API_PORT:-3080}/api/user/<address>/messages/ | jq -r '.[-1].mimeMessage'
# SMTP on 127.0.0.1:${SMTP_PORT:-3025} (the application's SPRING_MAIL_HOST / SPRING_MAIL_PORT). Mails live in memory:
# stopping it (Ctrl-C) empties every inbox.
set -euo pipefail
cd "$(dirname "$0")/../.."

version="$(sed -n 's:.*<greenmail.version>\(.*\)</greenmail.version>.*:\1:p' pom.xml)"
tools=.edumatrix-dev/tools
jar="$tools/greenmail-standalone-$version.jar"
if [[ ! -s "$jar" ]]; then
  ./mvnw -q -B dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$version" -DoutputDirectory="$tools"
fi

java=("${JAVA_HOME:+$JAVA_HOME/bin/}java")
echo "GreenMail $version: SMTP on 127.0.0.1:${SMTP_PORT:-3025}, inboxes at http://127.0.0.1:${MAIL_API_PORT:-3080}/api/user/<address>/messages/"
exec "${java[@]}" -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="${SMTP_PORT:-3025}" \
  -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="${MAIL_API_PORT:-3080}" \
  -jar "$jar"
