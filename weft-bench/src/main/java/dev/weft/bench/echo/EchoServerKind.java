package dev.weft.bench.echo;

import dev.weft.bench.Contestant;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

/** The echo servers under comparison, in the order reports list them. */
public enum EchoServerKind implements Contestant {

    /** Weft's multi-thread runtime, a task per connection. */
    WEFT("Weft", "a multi-thread runtime with its default of one worker per core (" + Runtime.getRuntime()
            .availableProcessors() + "), an accepting task and a task per connection reading into a 16 KiB direct"
            + " ByteBuffer and writing back what it read (TcpStream.read, writeAll)"),

    /** Netty with its portable NIO transport. */
    NETTY_NIO("Netty NIO", "a Netty 4.2 server on the NIO transport: 1 acceptor event loop and "
            + NettyEchoServer.EVENT_LOOPS + " I/O event loops (one per core), default (adaptive pooled) allocator,"
            + " Netty's example echo handler (write per read, flush per read burst)"),

    /** Netty with its native epoll transport. */
    NETTY_EPOLL("Netty epoll", "the same Netty server on the native epoll transport"),

    /** One virtual thread per connection on the JDK's scheduler, with blocking sockets. */
    JDK_VIRTUAL_THREADS("JDK virtual threads", "java.net.ServerSocket and Socket streams, one virtual thread"
            + " per connection on the JDK's default scheduler (one carrier per core), a 16 KiB byte[] per"
            + " connection");

    private final String label;
    private final String setup;

    EchoServerKind(String label, String setup) {
        this.label = label;
        this.setup = setup;
    }

    /** The kinds that run on this machine (Netty epoll only where its native library loads). */
    public static List<EchoServerKind> available() {
        return Arrays.stream(values()).filter(EchoServerKind::isAvailable).toList();
    }

    /** True when this server runs on this machine. */
    public boolean isAvailable() {
        return this != NETTY_EPOLL || NettyTransport.EPOLL.isAvailable();
    }

    /** What the server is and which threads it gets, a sentence for the report. */
    public String setup() {
        return setup;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String shortLabel() {
        return label;
    }

    @Override
    public boolean isWeft() {
        return this == WEFT;
    }

    /** Starts a server of this kind on {@code address} (port 0 for any); the caller closes it. */
    public EchoServer start(InetSocketAddress address) {
        return switch (this) {
            case WEFT -> new WeftEchoServer(address);
            case NETTY_NIO -> new NettyEchoServer(NettyTransport.NIO, address);
            case NETTY_EPOLL -> new NettyEchoServer(NettyTransport.EPOLL, address);
            case JDK_VIRTUAL_THREADS -> new VirtualThreadEchoServer(address);
        };
    }
}
