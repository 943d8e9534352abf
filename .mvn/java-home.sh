# Sourced by ./mvnw before it starts Maven (POSIX sh, under set -euf).
#
# EduMatrix builds with JDK 25, and every step of the build must run on it: Spring AOT compiles the sources it
# generates with the compiler of the JDK that runs Maven, not with a toolchain. So when neither JAVA_HOME nor the java
# on PATH is a JDK 25 or newer, this picks an installed one and exports JAVA_HOME for Maven's JVM; the tests and
# spring-boot:run then fork that JDK too. It looks in ~/.m2/toolchains.xml and the usual install folders.

edumatrix_required_java=25

# The feature version of the JDK at $1 (25 for 25.0.3), from the release file every JDK ships; empty if none.
edumatrix_java_feature() {
  [ -f "$1/release" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release"
}

edumatrix_is_required_jdk() {
  feature=$(edumatrix_java_feature "$1")
  [ -n "$feature" ] && [ "$feature" -ge "$edumatrix_required_java" ] && [ -x "$1/bin/javac" ]
}

# The JDK the wrapper would use as things stand: JAVA_HOME, else the one the java on PATH belongs to.
edumatrix_current_jdk() {
  if [ -n "${JAVA_HOME-}" ]; then
    printf '%s\n' "$JAVA_HOME"
  elif command -v java >/dev/null 2>&1; then
    java_on_path=$(command -v java)
    java_on_path=$(readlink -f "$java_on_path" 2>/dev/null || printf '%s' "$java_on_path")
    dirname "$(dirname "$java_on_path")"
  fi
}

# Installed JDKs, one folder per line: those ~/.m2/toolchains.xml names, then the usual install folders.
edumatrix_installed_jdks() {
  if [ -f "${HOME:-}/.m2/toolchains.xml" ]; then
    sed -n 's:.*<jdkHome>[[:space:]]*\([^<]*[^<[:space:]]\)[[:space:]]*</jdkHome>.*:\1:p' "${HOME:-}/.m2/toolchains.xml"
  fi
  for parent in /usr/lib/jvm /usr/java /opt/java /Library/Java/JavaVirtualMachines "${HOME:-}/.sdkman/candidates/java" \
    "${HOME:-}/.jdks"; do
    [ -d "$parent" ] || continue
    find "$parent" -mindepth 1 -maxdepth 1 \( -type d -o -type l \) 2>/dev/null | sort -r | while read -r jdk; do
      printf '%s\n' "$jdk"
      [ ! -d "$jdk/Contents/Home" ] || printf '%s\n' "$jdk/Contents/Home"
    done
  done
}

edumatrix_current=$(edumatrix_current_jdk)
if [ -z "$edumatrix_current" ] || ! edumatrix_is_required_jdk "$edumatrix_current"; then
  edumatrix_found=$(edumatrix_installed_jdks | while read -r jdk; do
    if edumatrix_is_required_jdk "$jdk"; then
      printf '%s\n' "$jdk"
      break
    fi
  done)
  if [ -z "$edumatrix_found" ]; then
    echo "EduMatrix builds with JDK $edumatrix_required_java or newer, and none was found (JAVA_HOME, PATH," \
      "~/.m2/toolchains.xml, /usr/lib/jvm): install one, e.g. Temurin $edumatrix_required_java, or set JAVA_HOME to it." >&2
    exit 1
  fi
  echo "mvnw: building with $edumatrix_found (the default JDK, ${edumatrix_current:-none}, is older than" \
    "$edumatrix_required_java)" >&2
  JAVA_HOME=$edumatrix_found
  export JAVA_HOME
fi
unset edumatrix_current edumatrix_found
