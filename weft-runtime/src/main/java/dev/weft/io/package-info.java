/**
 * Asynchronous byte streams (Tokio's {@code tokio::io}): {@link dev.weft.io.AsyncRead} and
 * {@link dev.weft.io.AsyncWrite} over {@link java.nio.ByteBuffer}s; {@link dev.weft.io.BufReader} (lines,
 * delimited segments, direct buffer access for parsers) and {@link dev.weft.io.BufWriter};
 * {@link dev.weft.io.AsyncIo#copy} and {@link dev.weft.io.AsyncIo#copyBidirectional}; an in-memory
 * duplex {@link dev.weft.io.Pipe} for tests; and {@link dev.weft.io.ByteBuf}, the growable buffer the
 * codecs of {@code dev.weft.codec} read from and encode into.
 *
 * <p>I/O failures surface as {@link java.io.UncheckedIOException}. Input or buffers that would grow past a
 * configured maximum are a {@link dev.weft.io.LimitExceededException}, raised before the excess is
 * allocated. Every waiting method says in its javadoc whether it is cancel-safe.
 */
package dev.weft.io;
