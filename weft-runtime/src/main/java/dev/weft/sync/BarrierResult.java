package dev.weft.sync;

/**
 * What {@link Barrier#arrive()} returns once the barrier opens: whether this task was the leader, the
 * one whose arrival opened it. Exactly one arrival per generation is the leader.
 *
 * {@snippet :
 * Barrier barrier = new Barrier(1);
 * boolean leader = AsyncRuntime.run(() -> barrier.arrive().await().isLeader());   // true: it was the last
 * }
 */
public final class BarrierResult {

    private static final BarrierResult LEADER = new BarrierResult(true);
    private static final BarrierResult FOLLOWER = new BarrierResult(false);

    private final boolean leader;

    private BarrierResult(boolean leader) {
        this.leader = leader;
    }

    static BarrierResult of(boolean leader) {
        return leader ? LEADER : FOLLOWER;
    }

    /** True for the one arrival of each generation that opened the barrier (the last to arrive). */
    public boolean isLeader() {
        return leader;
    }

    @Override
    public String toString() {
        return leader ? "BarrierResult[leader]" : "BarrierResult[follower]";
    }
}
