package dev.weft.bench.peer;

import dev.weft.runtime.AsyncRuntime;

/** The task systems under comparison, in the order reports list them. */
public enum PeerKind {

    /** Weft's current-thread flavour: every task on the thread that calls {@code blockOn}. */
    WEFT_CURRENT_THREAD("Weft current-thread"),

    /** Weft's multi-thread flavour with its default of one worker per core. */
    WEFT_MULTI_THREAD("Weft multi-thread"),

    /** The JDK's own virtual threads through {@code Executors.newVirtualThreadPerTaskExecutor()}. */
    JDK_VIRTUAL_THREADS("JDK virtual threads");

    private final String label;

    PeerKind(String label) {
        this.label = label;
    }

    /** The name reports use. */
    public String label() {
        return label;
    }

    /** True for the peers that are Weft, false for the JDK baseline. */
    public boolean isWeft() {
        return this != JDK_VIRTUAL_THREADS;
    }

    /** Starts a fresh instance of this peer; the caller closes it. */
    public Peer open() {
        return switch (this) {
            case WEFT_CURRENT_THREAD -> new WeftPeer(this, AsyncRuntime.builder().currentThread().build());
            case WEFT_MULTI_THREAD -> new WeftPeer(this, AsyncRuntime.builder().multiThread().build());
            case JDK_VIRTUAL_THREADS -> new JdkVirtualThreadsPeer();
        };
    }
}
