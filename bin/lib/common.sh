# Shared helpers for the launcher scripts. Sourced, never executed.
# Finds a JDK >= 21: $JAVA_HOME first, then the system's JVM folder, then `java` on PATH.

OMNIGRAPH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

_java_major() {
  # Prints the major version of the JDK folder given as $1, or nothing. Reads the JDK's
  # `release` file when present (fast), else asks the java binary.
  local v=""
  if [ -f "$1/release" ]; then
    v="$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9.]*\).*/\1/p' "$1/release" | head -n 1)"
  fi
  if [ -z "$v" ]; then
    v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')"
  fi
  v="${v#1.}"
  echo "${v%%.*}"
}

omnigraph_find_jdk() {
  local candidates=() c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$c" ] && candidates+=("$c")
  done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local best="" best_major=0
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major="$(_java_major "$c")"
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ]; then
      # JAVA_HOME wins when it qualifies; otherwise take the newest.
      if [ "$c" = "${JAVA_HOME:-}" ]; then best="$c"; break; fi
      if [ "$major" -gt "$best_major" ]; then best="$c"; best_major="$major"; fi
    fi
  done
  if [ -z "$best" ]; then
    echo "omnigraph: no JDK >= 21 found. Install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

omnigraph_jvm_flags() {
  local flags="-Xss4m --add-opens=java.base/java.nio=ALL-UNNAMED --enable-native-access=ALL-UNNAMED"
  # JDK 24+ warns when Arrow/JMH use sun.misc.Unsafe; the flag does not exist before 23.
  if [ "$(_java_major "$JAVA_HOME")" -ge 24 ] 2>/dev/null; then
    flags="$flags --sun-misc-unsafe-memory-access=allow"
  fi
  echo "$flags"
}

# The AppCDS archive for a command line ($@ = the CLI arguments), or nothing when off
# (OMNIGRAPH_CDS=0, cache folder not writable or with spaces in its path). One archive per
# (checkout, JDK, app build, command): each holds the classes its command loads, and a rebuilt app
# folder gets new archives. bin/omnigraph writes a missing one at exit under a temp name and
# renames it into place, so launchers started together never read a half-written archive.
omnigraph_cds_archive() {
  [ "${OMNIGRAPH_CDS:-1}" != 0 ] || return 0
  local cache="${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/omnigraph/cds"
  case "$cache" in *[[:space:]]*) return 0 ;; esac
  mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ] || return 0
  local jar="$OMNIGRAPH_ROOT/cli/target/app/lib/omnigraph-cli.jar" root build cmd="other"
  root="$(printf '%s\n%s' "$OMNIGRAPH_ROOT" "$JAVA_HOME" | md5sum | cut -c1-12)"
  build="$(stat -c %Y "$jar" 2>/dev/null || echo 0)"
  case "${1:-}" in [a-z]*) cmd="$(printf '%s' "$1" | tr -cd 'a-z-' | cut -c1-20)" ;; esac
  echo "$cache/app-$root-$cmd-$build.jsa"
}

# C1 only (-XX:TieredStopAtLevel=1) for short commands (reads, schema, version, …); bulk `load`
# and anything long-running keep the full JIT.
omnigraph_tier_flags() {
  case "${1:-}" in
    query|version|--version|-V|schema|lint|commit|snapshot|branch|init|help|-h|--help)
      echo "-XX:TieredStopAtLevel=1" ;;
  esac
}

_omnigraph_app_stale() {
  local marker="$OMNIGRAPH_ROOT/cli/target/app/lib/omnigraph-cli.jar"
  [ ! -f "$marker" ] && return 0
  [ -n "$(find "$OMNIGRAPH_ROOT" -path '*/target' -prune -o \( -path '*/src/main/*' -o -name 'pom.xml' \) -type f -newer "$marker" -print -quit 2>/dev/null)" ]
}

# Builds the application folder when it is missing or older than any source file. Launchers
# started together (tests, scripts) take a lock so only one builds; the others wait, re-check
# and reuse its result.
omnigraph_ensure_built() {
  _omnigraph_app_stale || return 0
  mkdir -p "$OMNIGRAPH_ROOT/cli/target"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$OMNIGRAPH_ROOT/cli/target/.app-build.lock"
    flock 9
  fi
  if _omnigraph_app_stale; then
    echo "omnigraph: building the application (first run or sources changed)…" >&2
    local log="$OMNIGRAPH_ROOT/cli/target/omnigraph-build.log"
    # Start the app folder afresh: copy-dependencies never removes jars of older versions.
    rm -rf "$OMNIGRAPH_ROOT/cli/target/app"
    mkdir -p "$(dirname "$log")"
    if ! (cd "$OMNIGRAPH_ROOT" && mvn -B -ntp -Dstyle.color=never -DskipTests -Dspotless.check.skip=true \
        -pl cli -am package >"$log" 2>&1); then
      grep -E '^\[ERROR\]' "$log" | head -n 20 >&2 || true
      echo "omnigraph: build failed; full log in $log" >&2
      return 1
    fi
  fi
  # Release the lock before the launcher execs java (the descriptor would otherwise be inherited).
  exec 9>&-
}
