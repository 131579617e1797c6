package dev.weft.bench.time;

import dev.weft.bench.peer.Peer;

import java.time.Duration;

/**
 * A task system as a {@link SleepHost}: one root task spawns a task per sleep, which sleeps the peer's
 * way ({@link Peer#sleep}): {@code Time.sleep(duration).await()} on Weft, {@code Thread.sleep} in a JDK
 * virtual thread.
 */
final class TaskSleepHost implements SleepHost {

    private final Peer peer;

    /** Takes ownership of {@code peer}. */
    TaskSleepHost(Peer peer) {
        this.peer = peer;
    }

    @Override
    public void startSleeps(int count, Duration duration, Runnable whenStarted, Runnable whenWoken) {
        Runnable sleeper = () -> {
            whenStarted.run();
            peer.sleep(duration);
            whenWoken.run();
        };
        peer.blockOn(() -> {
            for (int i = 0; i < count; i++) {
                peer.spawn(sleeper);
            }
        });
    }

    /** Closes the peer, which cancels (Weft) or interrupts (JDK) the tasks still asleep. */
    @Override
    public void close() {
        peer.close();
    }
}
