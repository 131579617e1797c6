# mini-redis against a real redis-server under redis-benchmark (issue 6). Sourced by bin/bench (after
# weft-env.sh) as `bin/bench redis [options]`; prints one table of requests per second and ratios.
#
# Three servers listen on free loopback ports: redis-server with --save '' --appendonly no (no disk),
# mini-redis as bin/mini-redis-server starts it (one worker per core), and mini-redis with --workers 1
# (one thread serving the connections, as redis-server has). For each pipeline depth, every round runs
# redis-benchmark -t set,get -n N -c C -P depth against each server, rotating which goes first; a cell is
# the median of the rounds. Each mini-redis first gets one unrecorded warm-up run per depth, so that the
# JIT has compiled its hot path.

bench_redis_usage() {
    cat <<'EOF'
usage: bin/bench redis [--requests N] [--clients C] [--rounds R] [--pipelines "1 16"] [--server-opts "JVM flags"]
  --requests N      requests per redis-benchmark run (default 200000)
  --clients C       parallel connections (default 50)
  --rounds R        measured runs per server and depth; cells are medians (default 3)
  --pipelines LIST  pipeline depths (default "1 16")
  --server-opts S   JVM flags for mini-redis (default "-Xms1g -Xmx1g -XX:+AlwaysPreTouch")
EOF
}

bench_redis_main() {
    local requests=200000 clients=50 rounds=3 pipelines="1 16" server_opts="-Xms1g -Xmx1g -XX:+AlwaysPreTouch"
    while [ $# -gt 0 ]; do
        case "$1" in
            --requests) requests="$2"; shift 2 ;;
            --clients) clients="$2"; shift 2 ;;
            --rounds) rounds="$2"; shift 2 ;;
            --pipelines) pipelines="$2"; shift 2 ;;
            --server-opts) server_opts="$2"; shift 2 ;;
            -h|--help) bench_redis_usage; return 0 ;;
            *) bench_redis_usage >&2; weft_die "unknown option: $1" ;;
        esac
    done
    local program
    for program in redis-server redis-benchmark redis-cli; do
        command -v "$program" >/dev/null 2>&1 || weft_die "$program is not installed (Debian: apt-get install redis-server redis-tools)"
    done
    local jar="$WEFT_ROOT/mini-redis/target/mini-redis-0.1.0-SNAPSHOT.jar"
    weft_build_if_stale "$jar"

    BENCH_REDIS_WORK="$(mktemp -d)"
    BENCH_REDIS_PIDS=""
    trap bench_redis_cleanup EXIT
    local work="$BENCH_REDIS_WORK"

    local redis_port mini_port mini1_port
    redis_port="$(bench_redis_free_port)"
    redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
        --logfile "$work/redis-server.log" >/dev/null 2>&1 &
    BENCH_REDIS_PIDS="$BENCH_REDIS_PIDS $!"
    bench_redis_await "$redis_port" "redis-server" "$work/redis-server.log"
    bench_redis_start_mini "$jar" "$server_opts" "$work/mini-redis.log"
    mini_port="$BENCH_REDIS_STARTED_PORT"
    bench_redis_start_mini "$jar" "$server_opts" "$work/mini-redis-1.log" --workers 1
    mini1_port="$BENCH_REDIS_STARTED_PORT"

    local servers="redis-server:$redis_port mini-redis:$mini_port mini-redis-1w:$mini1_port"
    local depth round entry
    echo "# redis-benchmark -t set,get -n $requests -c $clients -P <depth>, $rounds rounds, medians" >&2
    for depth in $pipelines; do
        bench_redis_run "$mini_port" "$requests" "$clients" "$depth" >/dev/null   # warm-ups, not recorded
        bench_redis_run "$mini1_port" "$requests" "$clients" "$depth" >/dev/null
        for round in $(seq 1 "$rounds"); do
            for entry in $(bench_redis_rotate "$round" $servers); do
                echo "round $round, -P $depth: ${entry%%:*}" >&2
                bench_redis_run "${entry#*:}" "$requests" "$clients" "$depth" | sed "s/^/${entry%%:*},$depth,/" >>"$work/results.csv"
            done
        done
    done

    echo
    echo "redis-benchmark -t set,get -n $requests -c $clients; requests per second, median of $rounds runs (min-max); ratio: mini-redis / redis-server"
    echo "mini-redis: $WEFT_JAVA $WEFT_OPENS $server_opts -jar mini-redis.jar [--workers 1], $(nproc) cores; redis-server $(redis-server --version | sed -nE 's/.*v=([0-9.]+).*/\1/p') --save '' --appendonly no"
    echo
    echo "| test | pipeline | redis-server | mini-redis (1 worker per core) | ratio | mini-redis --workers 1 | ratio |"
    echo "|---|---|---|---|---|---|---|"
    local test
    for depth in $pipelines; do
        for test in SET GET; do
            local redis_cell mini_cell mini1_cell
            redis_cell="$(bench_redis_cell "$work/results.csv" redis-server "$depth" "$test")"
            mini_cell="$(bench_redis_cell "$work/results.csv" mini-redis "$depth" "$test")"
            mini1_cell="$(bench_redis_cell "$work/results.csv" mini-redis-1w "$depth" "$test")"
            echo "| $test | $depth | $redis_cell | $mini_cell | $(bench_redis_ratio "$mini_cell" "$redis_cell") | $mini1_cell | $(bench_redis_ratio "$mini1_cell" "$redis_cell") |"
        done
    done
}

# Starts mini-redis on a free port with the given JVM flags and arguments; sets BENCH_REDIS_STARTED_PORT.
bench_redis_start_mini() {
    local jar="$1" opts="$2" log="$3" port
    shift 3
    port="$(bench_redis_free_port)"
    # shellcheck disable=SC2086 # the JVM flags are words
    "$WEFT_JAVA" $WEFT_OPENS $opts -jar "$jar" --port "$port" "$@" >"$log" 2>&1 &
    BENCH_REDIS_PIDS="$BENCH_REDIS_PIDS $!"
    bench_redis_await "$port" "mini-redis $*" "$log"
    BENCH_REDIS_STARTED_PORT="$port"
}

# The servers, starting with the (round mod count)-th: each goes first in turn.
bench_redis_rotate() {
    local round="$1"
    shift
    local count=$# i
    for i in $(seq 0 $((count - 1))); do
        local index=$(((round - 1 + i) % count + 1))
        echo "${!index}"
    done
}

# The ratio of two cells' medians.
bench_redis_ratio() {
    awk -v m="${1%% *}" -v r="${2%% *}" 'BEGIN { if (r > 0) printf "%.2fx", m / r; else print "n/a" }'
}

# Runs redis-benchmark once; prints "TEST,rps" lines.
bench_redis_run() {
    redis-benchmark -h 127.0.0.1 -p "$1" -t set,get -n "$2" -c "$3" -P "$4" --csv | tail -n +2 | awk -F'","' '{ gsub(/"/, "", $1); gsub(/"/, "", $2); print $1 "," $2 }'
}

# Prints "median (min-max)" of one server's rps for one depth and test.
bench_redis_cell() {
    awk -F, -v s="$2" -v d="$3" -v t="$4" '$1 == s && $2 == d && $3 == t { print $4 }' "$1" | sort -g | awk '
        { v[NR] = $1 }
        END {
            if (NR == 0) { print "n/a"; exit }
            m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "%.0f (%.0f-%.0f)\n", m, v[1], v[NR]
        }'
}

# A loopback port nobody listens on now.
bench_redis_free_port() {
    local port
    while true; do
        port=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
}

# Waits up to 60 s for a server to answer PING.
bench_redis_await() {
    local i
    for i in $(seq 1 600); do
        [ "$(redis-cli -p "$1" ping 2>/dev/null)" = PONG ] && return 0
        sleep 0.1
    done
    cat "$3" >&2
    weft_die "$2 did not answer on port $1"
}

bench_redis_cleanup() {
    local pid
    for pid in $BENCH_REDIS_PIDS; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in $BENCH_REDIS_PIDS; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$BENCH_REDIS_WORK"
}
