package dev.weft.bench.jmh;

import dev.weft.bench.peer.Peer;
import dev.weft.bench.peer.PeerKind;
import dev.weft.bench.workload.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The harness's timed workloads under JMH, on Weft's multi-thread flavour and on the JDK's virtual
 * threads: one operation is one run of the workload (for example 10 000 spawns), reported as average
 * time. The workload and the peer are JMH parameters, so {@code -p workload=yield_many} or
 * {@code -p peer=JDK_VIRTUAL_THREADS} narrow a run; docs/benchmarks.md has the command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens", "java.base/java.lang=ALL-UNNAMED"})
public class SchedulerBenchmarks {

    /** The workload, by its Tokio name. */
    @Param({"spawn_many_local", "spawn_many_remote", "yield_many", "ping_pong", "chained_spawn"})
    public String workload;

    /** The task system that runs it. */
    @Param({"WEFT_MULTI_THREAD", "JDK_VIRTUAL_THREADS"})
    public PeerKind peer;

    private Workload selected;
    private Peer running;

    /** Starts the peer once per trial, as Tokio builds its runtime once per benchmark. */
    @Setup
    public void start() {
        selected = Workload.named(workload);
        running = peer.open();
    }

    /** Stops the peer. */
    @TearDown
    public void stop() {
        running.close();
    }

    /** One run of the workload. */
    @Benchmark
    public void run() {
        selected.runOnce(running);
    }
}
