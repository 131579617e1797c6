package dev.weft.bench.peer;

import dev.weft.bench.Contestant;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.runtime.AsyncRuntimeBuilder;

import java.time.Duration;

/** The task systems under comparison, in the order reports list them. */
public enum PeerKind implements Contestant {

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
    @Override
    public String label() {
        return label;
    }

    /** {@code Weft} or {@code JDK}. */
    @Override
    public String shortLabel() {
        return isWeft() ? "Weft" : "JDK";
    }

    /** True for the peers that are Weft, false for the JDK baseline. */
    @Override
    public boolean isWeft() {
        return this != JDK_VIRTUAL_THREADS;
    }

    /**
     * Starts a fresh instance of this peer; the caller closes it. Weft's runtimes get a minute to shut
     * down, since closing one may cancel a million sleeping tasks.
     */
    public Peer open() {
        return switch (this) {
            case WEFT_CURRENT_THREAD -> new WeftPeer(this, weftRuntime(AsyncRuntime.builder().currentThread()));
            case WEFT_MULTI_THREAD -> new WeftPeer(this, weftRuntime(AsyncRuntime.builder().multiThread()));
            case JDK_VIRTUAL_THREADS -> new JdkVirtualThreadsPeer();
        };
    }

    private static AsyncRuntime weftRuntime(AsyncRuntimeBuilder flavour) {
        return flavour.shutdownTimeout(Duration.ofMinutes(1)).build();
    }
}
