package dev.weft.net;

import dev.weft.Async;
import dev.weft.Weft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.nio.channels.NetworkChannel;
import java.util.ArrayList;
import java.util.List;

/** Helpers shared by the socket types: name resolution and checked-to-unchecked I/O calls. */
final class Sockets {

    private Sockets() {
    }

    /** A call that may throw {@link IOException}. */
    @FunctionalInterface
    interface IoSupplier<T> {
        T get() throws IOException;
    }

    static <T> T call(IoSupplier<T> body) {
        try {
            return body.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> void setOption(NetworkChannel channel, SocketOption<T> option, T value) {
        call(() -> channel.setOption(option, value));
    }

    static <T> T getOption(NetworkChannel channel, SocketOption<T> option) {
        return call(() -> channel.getOption(option));
    }

    /**
     * Resolves {@code host} on the runtime's blocking pool (the JDK's resolver blocks its thread) into
     * socket addresses with {@code port}, in the resolver's order.
     */
    static Async<List<InetSocketAddress>> resolve(String host, int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
        return Async.of(() -> {
            InetAddress[] addresses = Weft.spawnBlocking(() -> call(() -> InetAddress.getAllByName(host))).await();
            List<InetSocketAddress> result = new ArrayList<>(addresses.length);
            for (InetAddress address : addresses) {
                result.add(new InetSocketAddress(address, port));
            }
            return result;
        });
    }
}
