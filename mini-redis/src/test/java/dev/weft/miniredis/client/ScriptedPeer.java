package dev.weft.miniredis.client;

import dev.weft.Weft;
import dev.weft.io.ByteBuf;
import dev.weft.miniredis.frame.Frame;
import dev.weft.miniredis.frame.ProtocolLimits;
import dev.weft.miniredis.frame.RequestParser;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpStream;
import dev.weft.task.JoinHandle;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The server end of one client connection, scripted by a test (inside a Weft task): it reads the requests
 * the client sends, exactly, and writes whatever bytes the test wants, so that a test can hold a reply
 * back, send it late, send a malformed one, or close. Not a Redis: it answers nothing by itself.
 */
final class ScriptedPeer implements AutoCloseable {

    private final TcpStream stream;
    private final RequestParser parser = new RequestParser(ProtocolLimits.DEFAULT);
    private final ByteBuf received = new ByteBuf();

    private ScriptedPeer(TcpStream stream) {
        this.stream = stream;
    }

    /** A client connected to a fresh peer: the peer and the client, from the calling task. */
    record Connected(ScriptedPeer peer, Client client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            peer.close();
        }
    }

    static Connected connectClient() {
        try (TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 0)).await()) {
            JoinHandle<TcpStream> accepted = Weft.spawn(listener.accept());
            Client client = Client.connect(listener.localAddress()).await();
            return new Connected(new ScriptedPeer(accepted.await()), client);
        }
    }

    /** The next request, as its words decoded as UTF-8; null when the client has closed the connection. */
    List<String> nextRequest() {
        while (true) {
            ByteBuffer data = received.readable();
            if (parser.check(data)) {
                return parser.parse(data).elements().stream().map(word -> ((Frame.Bulk) word).utf8()).toList();
            }
            if (received.readFrom(stream).await() < 0) {
                return null;
            }
        }
    }

    /** Writes {@code raw} (RESP written by hand, e.g. {@code "$1\r\nA\r\n"}). */
    void send(String raw) {
        stream.writeAll(ByteBuffer.wrap(raw.getBytes(StandardCharsets.ISO_8859_1))).await();
    }

    @Override
    public void close() {
        stream.close();
    }
}
