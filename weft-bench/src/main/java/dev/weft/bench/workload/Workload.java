package dev.weft.bench.workload;

import dev.weft.bench.peer.Peer;

import java.util.List;
import java.util.Locale;

/**
 * One of Tokio's scheduler benchmarks ({@code benches/rt_multi_threaded.rs}), written once against
 * {@link Peer} so that every peer runs the same code. A workload is timed as a whole: one call of
 * {@link #runOnce(Peer)} is one sample.
 */
public interface Workload {

    /**
     * The workload's name as Tokio spells it, for reports and {@code --only}: the class's simple name in
     * snake case ({@code SpawnManyLocal} is {@code spawn_many_local}).
     */
    default String name() {
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** Runs the workload once on {@code peer}, from a thread outside it, and returns when it is done. */
    void runOnce(Peer peer);

    /** Every timed workload, in the order reports list them. */
    static List<Workload> all() {
        return List.of(new SpawnManyLocal(), new SpawnManyRemote(), new YieldMany(), new PingPong(),
                new ChainedSpawn());
    }

    /**
     * The timed workload called {@code name}.
     *
     * @throws IllegalArgumentException if no workload has that name
     */
    static Workload named(String name) {
        return all().stream()
                .filter(workload -> workload.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no workload is called " + name + "; known: "
                        + all().stream().map(Workload::name).toList()));
    }
}
