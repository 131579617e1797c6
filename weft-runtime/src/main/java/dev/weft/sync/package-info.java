/**
 * Asynchronous synchronization and message passing: locks, semaphores, notification, cancellation
 * tokens, channels and {@code Select} (Tokio's {@code tokio::sync}). Every waiting operation documents
 * its cancel safety and follows one naming matrix: {@code send} awaits, {@code trySend} never waits,
 * {@code send(item, timeout)} awaits with a deadline, {@code blockingSend} is for threads outside the
 * runtime; the same shape for {@code receive}, {@code acquire} and {@code lock}.
 */
package dev.weft.sync;
