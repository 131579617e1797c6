package dev.weft.runtime.internal.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.util.concurrent.Executor;

/*
 * Implementation notes.
 *
 * This is the only class that reaches into java.lang. It needs two package-private members that exist
 * from JDK 21 to JDK 25:
 *  - the constructor ThreadBuilders$VirtualThreadBuilder(Executor), which builds virtual threads whose
 *    continuation is submitted to the given executor whenever the thread becomes runnable (start,
 *    unpark, yield). The executor is Weft's scheduler.
 *  - the static native Thread.currentCarrierThread(), an intrinsic that returns the platform thread a
 *    virtual thread is mounted on. The scheduler uses it in execute() to find the calling worker: the JDK
 *    calls the scheduler with the *virtual* thread as Thread.currentThread() when one task wakes another.
 *
 * Both are looked up once, in the static initializer. If java.lang is not opened to this module, or the
 * members are missing (a JDK that changed them), AVAILABLE is false with the reason in UNAVAILABLE_REASON,
 * and the runtime falls back to DefaultScheduledThreads.
 */

/** Reflective access to the JDK's virtual-thread scheduler hook. See the implementation notes. */
public final class JdkVirtualThreadAccess {

    /** The JVM option that opens {@code java.lang} to Weft on the class path. */
    public static final String OPEN_OPTION = "--add-opens java.base/java.lang=ALL-UNNAMED";

    private static final Constructor<?> BUILDER_CONSTRUCTOR;
    private static final MethodHandle CURRENT_CARRIER;
    private static final String UNAVAILABLE_REASON;

    static {
        Constructor<?> constructor = null;
        MethodHandle carrier = null;
        String reason = null;
        try {
            Module weft = JdkVirtualThreadAccess.class.getModule();
            if (!Thread.class.getModule().isOpen("java.lang", weft)) {
                reason = "java.base/java.lang is not open to " + describe(weft);
            } else {
                Class<?> builderClass = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
                constructor = builderClass.getDeclaredConstructor(Executor.class);
                constructor.setAccessible(true);
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup());
                carrier = lookup.findStatic(Thread.class, "currentCarrierThread", MethodType.methodType(Thread.class));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            constructor = null;
            carrier = null;
            reason = "this JDK's virtual-thread scheduler hook is not usable (" + e + ")";
        }
        BUILDER_CONSTRUCTOR = constructor;
        CURRENT_CARRIER = carrier;
        UNAVAILABLE_REASON = reason;
    }

    private JdkVirtualThreadAccess() {
    }

    /** True when virtual threads can be given Weft's scheduler. */
    public static boolean isAvailable() {
        return UNAVAILABLE_REASON == null;
    }

    /** Why {@link #isAvailable()} is false, or null when it is true. */
    public static String unavailableReason() {
        return UNAVAILABLE_REASON;
    }

    /**
     * Returns the platform thread the current thread runs on: the carrier of a virtual thread, the thread
     * itself otherwise. Requires {@link #isAvailable()}.
     */
    public static Thread currentCarrierThread() {
        try {
            return (Thread) CURRENT_CARRIER.invokeExact();
        } catch (Throwable e) {
            throw new AssertionError("Thread.currentCarrierThread failed", e);
        }
    }

    /** Returns a virtual-thread builder whose threads are scheduled by {@code scheduler}. */
    static Thread.Builder.OfVirtual builderFor(Executor scheduler) {
        if (!isAvailable()) {
            throw new IllegalStateException(UNAVAILABLE_REASON);
        }
        JdkPollerGuard.ensureStarted();
        try {
            return (Thread.Builder.OfVirtual) BUILDER_CONSTRUCTOR.newInstance(scheduler);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a virtual thread with Weft's scheduler", e);
        }
    }

    private static String describe(Module module) {
        return module.isNamed() ? "module " + module.getName() : "the class path (ALL-UNNAMED)";
    }
}
