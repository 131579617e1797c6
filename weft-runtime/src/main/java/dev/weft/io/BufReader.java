package dev.weft.io;

import dev.weft.Async;
import dev.weft.runtime.internal.bytes.LineBytes;
import dev.weft.stream.AsyncStream;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.Objects;
import java.util.Optional;

/*
 * Implementation notes.
 *
 * Tokio's BufReader (tokio/src/io/util/buf_reader.rs) for read, fillBuffer and consume: a read that
 * finds the buffer empty and asks for at least a buffer's worth bypasses the buffer.
 *
 * Lines and delimited segments differ from Tokio's read_line/read_until, which move bytes into the
 * caller's String or Vec as they arrive and so lose them to a cancellation. Here a segment stays in the
 * buffer until its delimiter (or the end of the stream) is there, and is then taken in one step, so
 * readLine and readUntil are cancel-safe. The buffer grows for that, bounded by the caller's maximum
 * length: a fill happens only while at most maxLength bytes without a delimiter are buffered, and a fill
 * at most doubles the storage, so it stays under 2 x (maxLength + 1) bytes or the configured capacity,
 * whichever is larger.
 *
 * `scanned` counts readable bytes at the front already searched for `scanDelimiter` without a match, so
 * a long line arriving in small pieces is searched once (Tokio's LinesCodec keeps next_index the same
 * way). It is relative to the buffer's position; consuming n bytes lowers it by n.
 *
 * After a segment over the limit, `discarding` makes the next readLine/readUntil drop bytes up to and
 * including the next delimiter before it looks for a segment, as Tokio's LinesCodec does, so one
 * over-long line costs one error and the reader carries on with the line after it.
 */

/**
 * Adds a buffer to an {@link AsyncRead}, for reading lines, delimited segments, or small pieces without
 * a system call each. Tokio's {@code BufReader} with the line and segment readers of
 * {@code AsyncBufReadExt}. It is itself an {@link AsyncRead}.
 *
 * {@snippet :
 * static Async<Integer> countLines(AsyncRead source) {
 *     return Async.of(() -> {
 *         BufReader reader = new BufReader(source);
 *         int count = 0;
 *         while (reader.readLine().await().isPresent()) {
 *             count++;
 *         }
 *         return count;
 *     });
 * }
 * }
 *
 * <p>Parsers can work on the buffer directly: {@link #fillBuffer()} returns the buffered bytes (reading
 * once when there are none), and {@link #consume(int)} marks bytes as used.
 *
 * <p>Not thread-safe: use a reader from one task at a time.
 *
 * <h2>Cancellation</h2>
 * Every waiting method is cancel-safe, as long as the wrapped source's {@code read} is: bytes read from
 * the source stay in the buffer until a call takes them, so a cancelled {@link #readLine()} keeps the
 * part of the line that had arrived, and the next call returns the whole line.
 */
public final class BufReader implements AsyncRead {

    /** The capacity of a reader made without one: 8 KiB, as in Tokio. */
    public static final int DEFAULT_CAPACITY = 8 * 1024;

    /** The longest line (or segment) the methods without a limit accept: 64 KiB. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 64 * 1024;

    private final AsyncRead source;
    private final int capacity;
    private final ByteBuf buffer;
    private int scanned;
    private int scanDelimiter = -1;
    private boolean discarding;

    /** A reader with an 8 KiB buffer. */
    public BufReader(AsyncRead source) {
        this(source, DEFAULT_CAPACITY);
    }

    /**
     * A reader with a buffer of {@code capacity} bytes (it grows to hold a line longer than that).
     *
     * @throws IllegalArgumentException if {@code capacity} is not positive
     */
    public BufReader(AsyncRead source, int capacity) {
        this.source = Objects.requireNonNull(source, "source");
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity <= 0: " + capacity);
        }
        this.capacity = capacity;
        this.buffer = new ByteBuf(capacity);
    }

    /**
     * Reads into {@code dst} from the buffer, refilling it once from the source when it is empty (or
     * reading straight into {@code dst} when that asks for a buffer's worth or more). Returns the count,
     * or -1 at the end of the stream.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: a cancelled read moved nothing into {@code dst}.
     *
     * @throws UncheckedIOException if reading fails
     */
    @Override
    public Async<Integer> read(ByteBuffer dst) {
        Objects.requireNonNull(dst, "dst");
        return Async.of(() -> {
            if (!dst.hasRemaining()) {
                return 0;
            }
            if (buffer.isEmpty()) {
                if (dst.remaining() >= capacity) {
                    return source.read(dst).await();
                }
                if (buffer.readFrom(source).await() < 0) {
                    return -1;
                }
            }
            ByteBuffer data = buffer.readable();
            int n = Math.min(data.remaining(), dst.remaining());
            dst.put(data.slice(data.position(), n));
            consume(n);
            return n;
        });
    }

    /**
     * The buffered bytes, reading once from the source first when there are none. The result is a
     * read-only view, valid until the next call on this reader; it is empty at the end of the stream.
     * Call {@link #consume(int)} with the number of bytes used.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: nothing is consumed until {@link #consume(int)}.
     *
     * @throws UncheckedIOException if reading fails
     */
    public Async<ByteBuffer> fillBuffer() {
        return Async.of(() -> {
            if (buffer.isEmpty()) {
                buffer.readFrom(source).await();
            }
            return buffer();
        });
    }

    /** The buffered bytes as a read-only view, without reading; see {@link #fillBuffer()}. */
    public ByteBuffer buffer() {
        return buffer.readable().asReadOnlyBuffer();
    }

    /**
     * Marks the first {@code n} buffered bytes as used.
     *
     * @throws IllegalArgumentException if {@code n} is negative or more than are buffered
     */
    public void consume(int n) {
        buffer.skip(n);
        scanned = Math.max(0, scanned - n);
    }

    /** Reads one line of at most {@link #DEFAULT_MAX_LINE_LENGTH} bytes; see {@link #readLine(int)}. */
    public Async<Optional<String>> readLine() {
        return readLine(DEFAULT_MAX_LINE_LENGTH);
    }

    /**
     * Reads the next line, decoded as UTF-8 and without its {@code \n} or {@code \r\n}. At the end of
     * the stream, returns what is left as a last line (if anything is), then empty.
     *
     * <p>A line may have at most {@code maxLength} bytes before its {@code \n} (a {@code \r} counts).
     * A longer one is an error, found as soon as {@code maxLength + 1} bytes without a newline are
     * buffered (nothing more is buffered for it); the next call skips the rest of that line and returns
     * the one after it.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: a partial line stays buffered, and the next call returns the whole line.
     *
     * @throws IllegalArgumentException if {@code maxLength} is negative
     * @throws LimitExceededException   if the line is longer than {@code maxLength}
     * @throws UncheckedIOException     if reading fails, or the line is not valid UTF-8 (the cause is a
     *                                  {@link CharacterCodingException}; the line is consumed)
     */
    public Async<Optional<String>> readLine(int maxLength) {
        checkMaxLength(maxLength);
        return Async.of(() -> {
            int length = awaitSegment((byte) '\n', maxLength, "a line");
            if (length == 0) {
                return Optional.empty();
            }
            ByteBuffer data = buffer.readable();
            int start = data.position();
            int end = start + length;
            int contentEnd = end;
            if (data.get(end - 1) == '\n') {
                contentEnd = LineBytes.withoutCarriageReturn(data, start, end - 1);
            }
            consume(length);
            try {
                return Optional.of(LineBytes.decodeUtf8(data, start, contentEnd));
            } catch (CharacterCodingException e) {
                throw new UncheckedIOException("line is not valid UTF-8", e);
            }
        });
    }

    /** The lines of the source, as {@link #readLine()} reads them, as a stream. */
    public AsyncStream<String> lines() {
        return lines(DEFAULT_MAX_LINE_LENGTH);
    }

    /**
     * The lines of the source, as {@link #readLine(int)} reads them, as a stream: each {@code next()}
     * reads one line and ends the stream at the end of the source.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe, as {@link #readLine(int)}.
     *
     * @throws IllegalArgumentException if {@code maxLength} is negative
     */
    public AsyncStream<String> lines(int maxLength) {
        checkMaxLength(maxLength);
        return () -> readLine(maxLength);
    }

    /** Like {@link #readUntil(byte, ByteBuf, int)} with a limit of {@link #DEFAULT_MAX_LINE_LENGTH}. */
    public Async<Integer> readUntil(byte delimiter, ByteBuf sink) {
        return readUntil(delimiter, sink, DEFAULT_MAX_LINE_LENGTH);
    }

    /**
     * Reads up to and including the next {@code delimiter} and appends those bytes to {@code sink};
     * returns how many were appended. At the end of the stream, appends what is left (without a
     * delimiter), then returns 0.
     *
     * <p>At most {@code maxLength} bytes may come before the delimiter; a longer segment is an error
     * found once {@code maxLength + 1} bytes are buffered, and the next call skips the rest of it.
     *
     * <h4>Cancellation</h4>
     * Cancel-safe: the segment stays buffered until it is complete and is then appended in one step.
     *
     * @throws IllegalArgumentException if {@code maxLength} is negative
     * @throws LimitExceededException   if the segment is longer than {@code maxLength}, or does not fit
     *                                  in {@code sink} (it then stays buffered)
     * @throws UncheckedIOException     if reading fails
     */
    public Async<Integer> readUntil(byte delimiter, ByteBuf sink, int maxLength) {
        Objects.requireNonNull(sink, "sink");
        checkMaxLength(maxLength);
        return Async.of(() -> {
            int length = awaitSegment(delimiter, maxLength, "a segment");
            ByteBuffer data = buffer.readable();
            sink.put(data.slice(data.position(), length));
            consume(length);
            return length;
        });
    }

    /**
     * Waits until the buffer starts with a segment ending in {@code delimiter}, or the stream ended;
     * returns the segment's length (with the delimiter), what is left at the end of the stream, or 0.
     * Consumes nothing but bytes being discarded after an over-long segment.
     */
    private int awaitSegment(byte delimiter, int maxLength, String what) {
        if (scanDelimiter != delimiter) {
            scanDelimiter = delimiter;
            scanned = 0;
        }
        while (true) {
            ByteBuffer data = buffer.readable();
            int start = data.position();
            int end = data.limit();
            if (discarding) {
                int found = LineBytes.indexOf(data, delimiter, start, end);
                consume((found >= 0 ? found + 1 : end) - start);
                discarding = found < 0;
                if (discarding && buffer.readFrom(source).await() < 0) {
                    discarding = false;
                    return 0;
                }
                continue;
            }
            int searchEnd = (int) Math.min(end, start + (long) maxLength + 1);
            int found = LineBytes.indexOf(data, delimiter, start + scanned, searchEnd);
            if (found >= 0) {
                return found + 1 - start;
            }
            scanned = searchEnd - start;
            if (end - start > maxLength) {
                consume(searchEnd - start);
                discarding = true;
                throw new LimitExceededException(what + " is longer than the maximum of " + maxLength
                        + " bytes; the rest of it is skipped", maxLength);
            }
            if (buffer.readFrom(source).await() < 0) {
                return buffer.readableBytes();
            }
        }
    }

    private static void checkMaxLength(int maxLength) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength < 0: " + maxLength);
        }
    }

    @Override
    public String toString() {
        return "BufReader[buffered=" + buffer.readableBytes() + ", capacity=" + buffer.capacity() + "]";
    }
}
