package dev.weft.runtime.internal.io;

import java.io.IOException;

/**
 * One non-blocking call on a channel: returns its result, or null when the call would block.
 *
 * @param <T> the type of the result
 */
@FunctionalInterface
public interface IoCall<T> {

    /** Makes the call; null means it would block and the operation waits for readiness. */
    T attempt() throws IOException;
}
