package dev.weft.runtime.internal.scheduler;

/** A queue entry that does nothing and carries an id, so tests can tell which task came out where. */
record NumberedTask(int id) implements Runnable {

    /** The id of {@code task}, which must be a {@code NumberedTask}. */
    static int idOf(Runnable task) {
        return ((NumberedTask) task).id();
    }

    @Override
    public void run() {
    }
}
