#!/usr/bin/env bash
# An OpenID Connect provider to try "sign in with an identity provider" by hand (README "Try the account and delivery
# flows by hand"): the tests' own provider (src/test/.../platform/testing/TestIdentityProvider: discovery, JWKS, an
# authorization endpoint that signs in the person named here and redirects with a code, a token endpoint answering an
# RS256 ID token), run from the test classes by ./mvnw on 127.0.0.1:${IDP_PORT:-9000}. It prints the settings that
# make it the application's client registration "testidp". Usage: ops/dev/identity-provider.sh <email> [display name]
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ $# -ge 1 && $# -le 2 ]] || { echo "Usage: $0 <email the provider vouches for> [display name]" >&2; exit 2; }
args="$(printf '%q ' "$@")"
exec ./mvnw -q -B test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dspring-boot.aot.skip \
  -Dexec.classpathScope=test -Dexec.mainClass=io.edumatrix.platform.testing.TestIdentityProvider \
  -Dexec.args="$args" -Dtest-identity-provider.port="${IDP_PORT:-9000}"
