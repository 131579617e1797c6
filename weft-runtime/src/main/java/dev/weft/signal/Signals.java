package dev.weft.signal;

import dev.weft.Async;
import dev.weft.sync.Notify;
import sun.misc.Signal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/*
 * Implementation notes.
 *
 * One Notify per handled signal, made when the signal is first asked for: the handler installed with
 * sun.misc.Signal (module jdk.unsupported, the JDK's supported-in-practice signal API; Tokio's signal
 * module does the same job with a self-pipe) calls notifyWaiters() on the JVM's signal-dispatch thread.
 * A waiting operation is the Notify's notified(), taken when ctrlC()/terminate() is called, so it counts
 * signals from that call on (Notify counts notifyWaiters() calls from notified()), and it is pollable:
 * Select waits on it in place. The handler is never removed, as in Tokio: once a program has asked for a
 * signal, the JVM's default action for it (run the shutdown hooks and exit) is gone for good.
 */

/**
 * Operating-system signals as operations, like Tokio's {@code tokio::signal}: {@link #ctrlC()} for
 * {@code SIGINT} (Ctrl-C in a terminal) and {@link #terminate()} for {@code SIGTERM} (what {@code kill}
 * and service managers send), so that a server can shut down gracefully and exit with its own status.
 *
 * {@snippet :
 * AsyncRuntime.run(() -> {
 *     Async<Void> interrupted = Signals.ctrlC();   // from here on, SIGINT no longer ends the JVM
 *     JoinHandle<Void> serving = Weft.spawn(Time.sleep(Duration.ofDays(365)));   // stands for a server
 *     interrupted.await();
 *     System.out.println("received SIGINT, shutting down");
 *     serving.abort();
 * });
 * }
 *
 * <p>A server waits for either signal with a {@link dev.weft.sync.Select} over {@code Signals.ctrlC()} and
 * {@code Signals.terminate()}; both operations are pollable, so the select waits for them in place.
 *
 * <p>The first call for a signal installs Weft's handler for it, for the rest of the process: the JVM's
 * default action (run the shutdown hooks, exit with status 130 or 143) no longer happens, and the program
 * decides when to exit. Each call returns an operation that completes at the first such signal received
 * after the call; awaiting that operation again completes at once once it has, so take a fresh one for
 * each signal to wait for. A process started with the signal ignored (as a shell starts its background
 * jobs with {@code SIGINT} ignored) keeps ignoring it: the JVM does not let it be handled, and the
 * operation never completes.
 *
 * <h2>Cancellation</h2>
 * The operations are cancel-safe: a cancelled wait consumes no signal, and the handler stays installed.
 *
 * <h2>Memory consistency effects</h2>
 * None beyond the signal's delivery: the handler runs on a JVM thread and carries no data.
 */
public final class Signals {

    private static final Map<String, Notify> HANDLED = new ConcurrentHashMap<>();

    private Signals() {
    }

    /**
     * Installs the handler of {@code SIGINT} (once per process) and returns an operation that completes at
     * the first {@code SIGINT} received after this call.
     *
     * @throws UnsupportedOperationException if the JVM does not let programs handle {@code SIGINT} (for
     *                                       example, it runs with {@code -Xrs})
     */
    public static Async<Void> ctrlC() {
        return next("INT");
    }

    /**
     * Installs the handler of {@code SIGTERM} (once per process) and returns an operation that completes at
     * the first {@code SIGTERM} received after this call.
     *
     * @throws UnsupportedOperationException if the JVM does not let programs handle {@code SIGTERM}
     */
    public static Async<Void> terminate() {
        return next("TERM");
    }

    private static Async<Void> next(String name) {
        return HANDLED.computeIfAbsent(name, Signals::install).notified();
    }

    private static Notify install(String name) {
        Notify received = new Notify();
        try {
            Signal.handle(new Signal(name), signal -> received.notifyWaiters());
        } catch (IllegalArgumentException refused) {
            throw new UnsupportedOperationException("SIG" + name + " cannot be handled in this JVM: " + refused.getMessage(),
                    refused);
        }
        return received;
    }
}
