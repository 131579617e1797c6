package dev.weft.runtime;

/** The two shapes of runtime, as in Tokio. */
public enum Flavor {
    /**
     * Tasks run on the thread that calls {@link AsyncRuntime#blockOn}, one at a time, and only while
     * some thread is inside {@code blockOn}. Needs Weft's own scheduler (see {@link AsyncRuntime}).
     */
    CURRENT_THREAD,
    /** Tasks run on a pool of worker threads (one per core by default) that steal work from each other. */
    MULTI_THREAD
}
