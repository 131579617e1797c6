/**
 * Asynchronous byte streams: {@link dev.weft.io.AsyncRead} and {@link dev.weft.io.AsyncWrite} over
 * {@link java.nio.ByteBuffer}s, buffering, copying, and an in-memory duplex pipe for tests (Tokio's
 * {@code tokio::io}). I/O failures surface as {@link java.io.UncheckedIOException}.
 */
package dev.weft.io;
