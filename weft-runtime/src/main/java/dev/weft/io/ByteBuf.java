package dev.weft.io;

import dev.weft.Async;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Objects;

/*
 * Implementation notes.
 *
 * One heap ByteBuffer kept in read mode: [position, limit) are the readable bytes, [limit, capacity)
 * is free space. Appends write with absolute bulk puts after raising the limit, so the buffer never
 * leaves read mode and callers may hold readable() across appends of their own (not across a growth,
 * which replaces the buffer).
 *
 * Room is made the way Tokio's BytesMut::reserve does: when the bytes already consumed at the front
 * are at least as many as the readable bytes, compacting is cheap (it copies no more than it frees)
 * and is done; otherwise the buffer grows to max(needed, 2 x capacity), capped at maxCapacity, which
 * keeps appends amortised O(1). At the cap, compaction is the only option left; past it,
 * LimitExceededException is thrown before anything is allocated. readFrom additionally compacts a
 * cheaply compactable buffer whose free tail is under half the capacity, so that reads from a source
 * are not chopped into tiny pieces by a nearly full buffer.
 *
 * Not thread-safe: one owner (a task) at a time, like the BufReader, FramedRead or FramedWrite that
 * holds it.
 */

/**
 * A growable byte buffer for codecs and buffered I/O: bytes are appended at the end, read and consumed
 * from the front, and the storage grows (by doubling) up to a hard maximum. Decoders read it through
 * {@link #readable()}, a {@link ByteBuffer} in read mode; encoders append with the {@code put} methods.
 *
 * {@snippet :
 * ByteBuf buf = new ByteBuf(16, 1024);
 * buf.put("hello ".getBytes(StandardCharsets.UTF_8)).put("world".getBytes(StandardCharsets.UTF_8));
 * ByteBuffer readable = buf.readable();
 * byte first = readable.get();              // consumes 'h'
 * String rest = StandardCharsets.UTF_8.decode(readable).toString();   // consumes "ello world"
 * }
 *
 * <p>Not thread-safe: use it from one task at a time.
 *
 * <h2>Cancellation</h2>
 * {@link #readFrom} and {@link #writeAllTo} lose nothing when cancelled, as long as the source's read
 * and the sink's write are cancel-safe: bytes are appended or consumed only by completed reads and
 * writes.
 */
public final class ByteBuf {

    /** The largest capacity a buffer may have: the largest array the JVM reliably allocates. */
    public static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private static final int DEFAULT_INITIAL_CAPACITY = 8 * 1024;

    private final int maxCapacity;
    private ByteBuffer buffer;

    /** An empty buffer of 8 KiB that may grow to {@link #MAX_CAPACITY}. */
    public ByteBuf() {
        this(DEFAULT_INITIAL_CAPACITY, MAX_CAPACITY);
    }

    /**
     * An empty buffer of {@code initialCapacity} bytes that may grow to {@link #MAX_CAPACITY}.
     *
     * @throws IllegalArgumentException if {@code initialCapacity} is negative or over the maximum
     */
    public ByteBuf(int initialCapacity) {
        this(initialCapacity, MAX_CAPACITY);
    }

    /**
     * An empty buffer of {@code initialCapacity} bytes that may grow to {@code maxCapacity}.
     *
     * @throws IllegalArgumentException if {@code initialCapacity} is negative, or {@code maxCapacity} is
     *                                  below it or over {@link #MAX_CAPACITY}
     */
    public ByteBuf(int initialCapacity, int maxCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initialCapacity < 0: " + initialCapacity);
        }
        if (maxCapacity < initialCapacity) {
            throw new IllegalArgumentException("maxCapacity < initialCapacity: " + maxCapacity + " < " + initialCapacity);
        }
        if (maxCapacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("maxCapacity > " + MAX_CAPACITY + ": " + maxCapacity);
        }
        this.maxCapacity = maxCapacity;
        this.buffer = ByteBuffer.allocate(initialCapacity).limit(0);
    }

    /** How many bytes can be read. */
    public int readableBytes() {
        return buffer.remaining();
    }

    /** True when there is nothing to read. */
    public boolean isEmpty() {
        return !buffer.hasRemaining();
    }

    /** The current size of the storage, readable bytes and free space together. */
    public int capacity() {
        return buffer.capacity();
    }

    /** The size the storage may grow to. */
    public int maxCapacity() {
        return maxCapacity;
    }

    /**
     * The readable bytes, as the buffer's own storage in read mode: they lie between its position and
     * its limit. Reading with relative gets (or advancing the position) consumes them. Callers must not
     * change the limit or write into it. The view is valid until the next {@code put},
     * {@link #ensureWritable} or {@link #readFrom}, which may replace the storage.
     */
    public ByteBuffer readable() {
        return buffer;
    }

    /**
     * Consumes {@code n} readable bytes without reading them.
     *
     * @throws IllegalArgumentException if {@code n} is negative or more than {@link #readableBytes()}
     */
    public void skip(int n) {
        if (n < 0 || n > buffer.remaining()) {
            throw new IllegalArgumentException("n is not within [0, " + buffer.remaining() + "]: " + n);
        }
        buffer.position(buffer.position() + n);
    }

    /**
     * Keeps the first {@code length} readable bytes and drops the rest, for example to take back an
     * encoding that failed half-way.
     *
     * @throws IllegalArgumentException if {@code length} is negative or more than {@link #readableBytes()}
     */
    public void truncate(int length) {
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalArgumentException("length is not within [0, " + buffer.remaining() + "]: " + length);
        }
        buffer.limit(buffer.position() + length);
    }

    /** Drops every readable byte. The capacity stays. */
    public void clear() {
        buffer.position(0).limit(0);
    }

    /**
     * Makes room for {@code n} more bytes after the readable ones, compacting or growing the storage.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws LimitExceededException   if the readable bytes and {@code n} more would not fit in
     *                                  {@link #maxCapacity()}; nothing changes then
     */
    public void ensureWritable(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n < 0: " + n);
        }
        int capacity = buffer.capacity();
        if (capacity - buffer.limit() >= n) {
            return;
        }
        int readable = buffer.remaining();
        long needed = (long) readable + n;
        if (needed > maxCapacity) {
            throw new LimitExceededException("a buffer of " + readable + " bytes cannot take " + n
                    + " more: its maximum capacity is " + maxCapacity + " bytes", maxCapacity);
        }
        boolean cheapToCompact = buffer.position() >= readable;
        if (needed <= capacity && (cheapToCompact || capacity == maxCapacity)) {
            buffer.compact().flip();
            return;
        }
        int grown = (int) Math.max(needed, Math.min(maxCapacity, 2L * capacity));
        ByteBuffer larger = ByteBuffer.allocate(grown);
        larger.put(buffer).flip();
        buffer = larger;
    }

    /**
     * Appends one byte.
     *
     * @throws LimitExceededException if the buffer is full at its maximum capacity
     */
    public ByteBuf put(byte value) {
        int end = extend(1);
        buffer.put(end, value);
        return this;
    }

    /**
     * Appends {@code src}.
     *
     * @throws LimitExceededException if it does not fit within the maximum capacity
     */
    public ByteBuf put(byte[] src) {
        return put(src, 0, src.length);
    }

    /**
     * Appends {@code length} bytes of {@code src} from {@code offset}.
     *
     * @throws IndexOutOfBoundsException if the range is not within {@code src}
     * @throws LimitExceededException    if they do not fit within the maximum capacity
     */
    public ByteBuf put(byte[] src, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, src.length);
        int end = extend(length);
        buffer.put(end, src, offset, length);
        return this;
    }

    /**
     * Appends the remaining bytes of {@code src}, advancing its position to its limit.
     *
     * @throws LimitExceededException if they do not fit within the maximum capacity; {@code src} is then
     *                                unchanged
     */
    public ByteBuf put(ByteBuffer src) {
        int length = src.remaining();
        int end = extend(length);
        buffer.put(end, src, src.position(), length);
        src.position(src.limit());
        return this;
    }

    private int extend(int length) {
        ensureWritable(length);
        int end = buffer.limit();
        buffer.limit(end + length);
        return end;
    }

    /**
     * Reads once from {@code source} into the free space, making room first when there is none, and
     * returns what the read returned: the number of bytes appended (at least one), or -1 at the end of
     * the stream.
     *
     * <h4>Cancellation</h4>
     * As cancel-safe as {@code source.read}: with a cancel-safe source, a cancelled read appended nothing
     * and lost nothing.
     *
     * @throws LimitExceededException if the buffer is full at its maximum capacity
     * @throws UncheckedIOException  if reading fails
     */
    public Async<Integer> readFrom(AsyncRead source) {
        Objects.requireNonNull(source, "source");
        return Async.of(() -> {
            makeRoomForRead();
            ByteBuffer target = buffer.duplicate();
            target.limit(target.capacity()).position(buffer.limit());
            int n = source.read(target).await();
            if (n > 0) {
                buffer.limit(target.position());
            }
            return n;
        });
    }

    private void makeRoomForRead() {
        int capacity = buffer.capacity();
        boolean smallTail = capacity - buffer.limit() < capacity / 2;
        if (smallTail && buffer.position() > 0 && buffer.position() >= buffer.remaining()) {
            buffer.compact().flip();
        }
        ensureWritable(1);
    }

    /**
     * Writes every readable byte to {@code sink}, consuming each as the sink accepts it.
     *
     * <h4>Cancellation</h4>
     * Nothing is lost, as long as {@code sink.write} is cancel-safe: the bytes the sink accepted before
     * the cancellation are consumed, the rest stay readable.
     *
     * @throws java.io.UncheckedIOException if writing fails, or the sink accepts no byte of a non-empty
     *                                      buffer
     */
    public Async<Void> writeAllTo(AsyncWrite sink) {
        Objects.requireNonNull(sink, "sink");
        return Async.of(() -> {
            while (buffer.hasRemaining()) {
                if (sink.write(buffer).await() == 0) {
                    throw new UncheckedIOException(new IOException("the sink accepted none of the "
                            + buffer.remaining() + " bytes to write"));
                }
            }
            return null;
        });
    }

    /** A copy of the readable bytes, without consuming them. */
    public byte[] toByteArray() {
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(buffer.position(), copy);
        return copy;
    }

    @Override
    public String toString() {
        return "ByteBuf[readable=" + buffer.remaining() + ", capacity=" + buffer.capacity()
                + ", maxCapacity=" + maxCapacity + "]";
    }
}
