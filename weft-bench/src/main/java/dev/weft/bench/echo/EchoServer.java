package dev.weft.bench.echo;

import java.net.InetSocketAddress;

/** A running TCP server that writes every byte it reads back to the connection it came from. */
public interface EchoServer extends AutoCloseable {

    /** The listen backlog of every server: room for the client's batches of connects. */
    int BACKLOG = 1024;

    /** The read buffer of the servers that choose one (Weft, virtual threads): the largest message. */
    int BUFFER_BYTES = 16 * 1024;

    /** The address it listens on. */
    InetSocketAddress address();

    /** Stops listening, closes every connection and releases the server's threads. */
    @Override
    void close();
}
