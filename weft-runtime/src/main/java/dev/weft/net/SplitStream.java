package dev.weft.net;

/**
 * The two halves of a split {@link TcpStream} or {@link UnixStream}; closing this closes both.
 *
 * @param reader the read half
 * @param writer the write half
 */
public record SplitStream(OwnedReadHalf reader, OwnedWriteHalf writer) implements AutoCloseable {

    @Override
    public void close() {
        try {
            writer.close();
        } finally {
            reader.close();
        }
    }
}
