package dev.weft.runtime;

/**
 * Thrown by an operation that needs a runtime's drivers (a socket read, a timer) once that runtime has
 * begun shutting down: Tokio's "runtime is shutting down" I/O error. The operation's resource (a
 * socket) is still open; close it.
 */
public class RuntimeShutdownException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}. */
    public RuntimeShutdownException(String message) {
        super(message);
    }
}
