package dev.weft.runtime.internal.scheduler;

/**
 * Callbacks run on each thread a scheduler starts, first thing and last thing. A failing hook is
 * reported through {@link System.Logger} and does not stop the thread.
 */
public record SchedulerHooks(Runnable start, Runnable stop) {

    /** Hooks that do nothing. */
    public static final SchedulerHooks NONE = new SchedulerHooks(() -> { }, () -> { });

    public void onStart() {
        runQuietly(start, "start");
    }

    public void onStop() {
        runQuietly(stop, "stop");
    }

    private static void runQuietly(Runnable hook, String which) {
        try {
            hook.run();
        } catch (RuntimeException | Error e) {
            System.getLogger("dev.weft.runtime").log(System.Logger.Level.ERROR,
                    "thread " + which + " hook failed on " + Thread.currentThread().getName(), e);
        }
    }
}
