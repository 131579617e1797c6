# Shared by Weft's scripts: finds a JDK >= 21 and Maven, and builds the project when it is stale.
# Sourced, not executed. Sets WEFT_ROOT, WEFT_JAVA_HOME, WEFT_JAVA, WEFT_OPENS.

WEFT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WEFT_MIN_JAVA=21
WEFT_OPENS="--add-opens java.base/java.lang=ALL-UNNAMED"

weft_die() {
    echo "weft: $*" >&2
    exit 1
}

# Prints the feature version (21, 25, ...) of the java binary $1, or nothing.
weft_java_version() {
    "$1" -version 2>&1 | head -n 1 | sed -nE 's/.*version "([0-9]+)(\.[0-9]+)?.*/\1/p'
}

# Picks a JDK >= 21: a qualifying JAVA_HOME, else the newest JDK under /usr/lib/jvm, else java on the PATH.
weft_find_jdk() {
    local candidate version best="" best_version=0
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
        version="$(weft_java_version "$JAVA_HOME/bin/java")"
        if [ -n "$version" ] && [ "$version" -ge "$WEFT_MIN_JAVA" ]; then
            best="$JAVA_HOME"
            best_version="$version"
        fi
    fi
    if [ -z "$best" ]; then
        for candidate in /usr/lib/jvm/*; do
            [ -x "$candidate/bin/javac" ] || continue
            version="$(weft_java_version "$candidate/bin/java")"
            if [ -n "$version" ] && [ "$version" -ge "$WEFT_MIN_JAVA" ] && [ "$version" -gt "$best_version" ]; then
                best="$candidate"
                best_version="$version"
            fi
        done
    fi
    if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
        candidate="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
        version="$(weft_java_version "$candidate/bin/java")"
        if [ -n "$version" ] && [ "$version" -ge "$WEFT_MIN_JAVA" ]; then
            best="$candidate"
            best_version="$version"
        fi
    fi
    if [ -z "$best" ]; then
        weft_die "no JDK >= $WEFT_MIN_JAVA found. Looked at JAVA_HOME (${JAVA_HOME:-unset}), the JDKs under /usr/lib/jvm, and javac on the PATH ($(command -v javac || echo none)). Install a JDK 21 or newer (25 recommended), e.g. Temurin, under /usr/lib/jvm."
    fi
    WEFT_JAVA_HOME="$best"
    WEFT_JAVA="$best/bin/java"
    WEFT_JAVA_VERSION="$best_version"
}

# Runs Maven with the chosen JDK.
weft_mvn() {
    command -v mvn >/dev/null 2>&1 || weft_die "Maven (mvn) is not on the PATH; install it (Debian: apt-get install -y maven)."
    local opts="${MAVEN_OPTS:-}"
    if [ "$WEFT_JAVA_VERSION" -ge 24 ]; then
        # Maven 3's own libraries use sun.misc.Unsafe; keep JDK 24+ from warning about it on every run.
        opts="$opts --sun-misc-unsafe-memory-access=allow"
    fi
    (cd "$WEFT_ROOT" && JAVA_HOME="$WEFT_JAVA_HOME" MAVEN_OPTS="$opts" mvn -B -Dstyle.color=never "$@")
}

# Builds the jars (without tests) when $1 is missing or older than any source or pom.
weft_build_if_stale() {
    local artifact="$1"
    if [ -f "$artifact" ] && [ -z "$(find "$WEFT_ROOT" -path "$WEFT_ROOT/*/target" -prune -o \
            \( -name '*.java' -o -name 'pom.xml' \) -newer "$artifact" -print -quit)" ]; then
        return 0
    fi
    echo "weft: building (first use or sources changed) with JDK $WEFT_JAVA_VERSION at $WEFT_JAVA_HOME" >&2
    # Maven 3's console library prints bare colour-reset codes even in batch mode; drop those lines.
    weft_mvn -q package -DskipTests 2>&1 | sed -u '/^\(\x1b\[0m\)*$/d' >&2
    [ "${PIPESTATUS[0]}" -eq 0 ] || weft_die "build failed"
    # Maven leaves a jar whose content did not change untouched (a test source was newer): mark it fresh.
    [ -f "$artifact" ] && touch "$artifact"
}

# Runs the main class $2 of module $1 (a directory of the project, e.g. mini-redis) with the module's jar
# and its runtime dependencies (copied to target/lib by the build), building first when stale; the
# remaining arguments go to the program. Replaces the shell.
weft_exec_module_main() {
    local module="$1" main_class="$2"
    shift 2
    local jar="$WEFT_ROOT/$module/target/$module-0.1.0-SNAPSHOT.jar"
    weft_build_if_stale "$jar"
    exec "$WEFT_JAVA" $WEFT_OPENS -cp "$jar:$WEFT_ROOT/$module/target/lib/*" "$main_class" "$@"
}

weft_find_jdk
