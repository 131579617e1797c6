package dev.weft.time;

import dev.weft.runtime.internal.poll.Pollable;
import dev.weft.runtime.internal.poll.Pollables;
import dev.weft.runtime.internal.poll.PollingAsync;
import dev.weft.runtime.internal.poll.Waker;
import dev.weft.runtime.internal.task.RuntimeCore;
import dev.weft.runtime.internal.task.TaskContext;
import dev.weft.runtime.internal.task.TaskTimers;
import dev.weft.runtime.internal.time.TimeDriver;
import dev.weft.runtime.internal.time.WakerTimer;

import java.util.function.LongSupplier;

/*
 * Implementation notes.
 *
 * One wait for a deadline on the calling runtime's clock, by the poll protocol, so that Select can
 * wait for a timer next to other operations in one task. The first poll registers a WakerTimer with
 * the runtime's TimeDriver (a deadline already past completes at once, registering nothing); later
 * polls hand the timer the latest waker and check whether it fired. abandon() unlinks the timer from
 * the wheel at once, so a cancelled sleep leaves nothing behind. Owned by the polling thread.
 */

/** A pending sleep. See the implementation notes. */
final class Sleep implements Pollable<Void> {

    private final long deadline;
    private TimeDriver timers;
    private WakerTimer timer;
    private boolean elapsed;

    Sleep(long deadline) {
        this.deadline = deadline;
    }

    /** An operation that sleeps until the deadline {@code deadline} computes when each evaluation starts. */
    static PollingAsync<Void> until(LongSupplier deadline) {
        return Pollables.async(() -> new Sleep(deadline.getAsLong()));
    }

    /** An operation that sleeps for {@code nanos} from the start of each evaluation. */
    static PollingAsync<Void> after(long nanos) {
        return until(() -> TaskTimers.now() + nanos);
    }

    @Override
    public boolean poll(Waker waker) {
        if (elapsed) {
            return true;
        }
        if (timer == null) {
            timers = currentTimers();
            timer = new WakerTimer(waker);
            if (!timers.register(timer, deadline)) {
                elapsed = true;
                return true;
            }
        } else {
            timer.setWaker(waker);
        }
        elapsed = timer.hasFired();
        return elapsed;
    }

    @Override
    public Void result() {
        return null;
    }

    @Override
    public void abandon() {
        if (timer != null && !timer.hasFired()) {
            timers.cancel(timer);
        }
    }

    private static TimeDriver currentTimers() {
        RuntimeCore runtime = TaskContext.currentRuntime();
        if (runtime == null) {
            throw new IllegalStateException("Time.sleep was called on thread '" + Thread.currentThread().getName()
                    + "', which belongs to no Weft runtime; sleep inside a task");
        }
        return runtime.timers();
    }
}
