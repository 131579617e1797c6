package dev.weft.io;

/**
 * An in-memory, bidirectional byte stream between two {@link DuplexStream} ends, for tests and for
 * connecting components inside one process: Tokio's {@code tokio::io::duplex}. The ends are symmetric;
 * {@code client} and {@code server} are only names.
 *
 * {@snippet :
 * Pipe pipe = Pipe.duplex(8 * 1024);
 * AsyncRuntime.run(() -> {
 *     pipe.client().writeAll(ByteBuffer.wrap(new byte[] {1, 2, 3})).await();
 *     ByteBuffer received = ByteBuffer.allocate(3);
 *     pipe.server().readExact(received).await();
 * });
 * }
 *
 * <h2>Cancellation</h2>
 * The ends' reads and writes are cancel-safe; see {@link DuplexStream}.
 */
public final class Pipe {

    private final DuplexStream client;
    private final DuplexStream server;

    private Pipe(DuplexStream client, DuplexStream server) {
        this.client = client;
        this.server = server;
    }

    /**
     * Two connected ends; each direction buffers up to {@code bufferSize} bytes, after which a writer
     * waits for the reader (back-pressure).
     *
     * @throws IllegalArgumentException if {@code bufferSize} is not positive or over
     *                                  {@link ByteBuf#MAX_CAPACITY}
     */
    public static Pipe duplex(int bufferSize) {
        if (bufferSize <= 0) {
            throw new IllegalArgumentException("bufferSize <= 0: " + bufferSize);
        }
        if (bufferSize > ByteBuf.MAX_CAPACITY) {
            throw new IllegalArgumentException("bufferSize > " + ByteBuf.MAX_CAPACITY + ": " + bufferSize);
        }
        Simplex toServer = new Simplex(bufferSize);
        Simplex toClient = new Simplex(bufferSize);
        return new Pipe(new DuplexStream(toClient, toServer), new DuplexStream(toServer, toClient));
    }

    /** One end: what it writes, {@link #server()} reads. */
    public DuplexStream client() {
        return client;
    }

    /** The other end: what it writes, {@link #client()} reads. */
    public DuplexStream server() {
        return server;
    }
}
