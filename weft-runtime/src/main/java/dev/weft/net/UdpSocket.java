package dev.weft.net;

import dev.weft.Async;
import dev.weft.runtime.internal.io.IoOperation;
import dev.weft.runtime.internal.io.IoRegistration;
import dev.weft.runtime.internal.io.SocketStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.Objects;

/**
 * A UDP socket: Tokio's {@code UdpSocket}. Sends and receives wait on readiness from the runtime's I/O
 * driver. Use {@link #sendTo}/{@link #receiveFrom} with any peer, or {@link #connect} to one peer and then
 * {@link #send}/{@link #receive}.
 *
 * {@snippet :
 * static Async<String> ask(UdpSocket socket, SocketAddress server) {
 *     return Async.of(() -> {
 *         socket.sendTo(ByteBuffer.wrap("time?".getBytes(StandardCharsets.US_ASCII)), server).await();
 *         ByteBuffer answer = ByteBuffer.allocate(512);
 *         socket.receiveFrom(answer).await();
 *         return new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
 *     });
 * }
 * }
 *
 * <h2>Cancellation</h2>
 * Every operation is cancel-safe: a cancelled receive took no datagram, a cancelled send sent none.
 */
public final class UdpSocket implements AutoCloseable {

    /** A received datagram: how many bytes were stored and who sent it. */
    public record Received(int length, SocketAddress sender) {
    }

    private final DatagramChannel channel;
    private final IoRegistration io;

    private UdpSocket(DatagramChannel channel, IoRegistration io) {
        this.channel = channel;
        this.io = io;
    }

    /**
     * Binds a socket to {@code address} (port 0: the system chooses).
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static Async<UdpSocket> bind(SocketAddress address) {
        Objects.requireNonNull(address, "address");
        return Async.of(() -> {
            DatagramChannel channel = Sockets.call(DatagramChannel::open);
            try {
                channel.bind(address);
                return new UdpSocket(channel, SocketStream.currentDriver("Binding a UDP socket")
                        .register(channel, SelectionKey.OP_READ, SelectionKey.OP_WRITE));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
        });
    }

    /**
     * Sets the only peer this socket sends to and receives from. Completes at once (UDP has no
     * handshake).
     *
     * @throws UncheckedIOException if the address is unreachable
     */
    public Async<Void> connect(SocketAddress peer) {
        Objects.requireNonNull(peer, "peer");
        return Async.run(() -> Sockets.call(() -> channel.connect(peer)));
    }

    /**
     * Sends {@code src} as one datagram to the connected peer; returns its length.
     *
     * @throws UncheckedIOException if the socket is not connected or sending fails
     */
    public Async<Integer> send(ByteBuffer src) {
        return IoOperation.async(io, IoRegistration.WRITE, () -> sent(src, channel.write(src)));
    }

    /**
     * Sends {@code src} as one datagram to {@code target}; returns its length.
     *
     * @throws UncheckedIOException if sending fails
     */
    public Async<Integer> sendTo(ByteBuffer src, SocketAddress target) {
        Objects.requireNonNull(target, "target");
        return IoOperation.async(io, IoRegistration.WRITE, () -> sent(src, channel.send(src, target)));
    }

    private static Integer sent(ByteBuffer src, int count) {
        return count == 0 && src.hasRemaining() ? null : count;
    }

    /**
     * Receives one datagram from the connected peer into {@code dst}; returns its length (a datagram
     * larger than the space left is truncated, as the system does).
     *
     * @throws UncheckedIOException if the socket is not connected or receiving fails
     */
    public Async<Integer> receive(ByteBuffer dst) {
        return receiveFrom(dst).map(Received::length);
    }

    /**
     * Receives one datagram from any peer into {@code dst}.
     *
     * @throws UncheckedIOException if receiving fails
     */
    public Async<Received> receiveFrom(ByteBuffer dst) {
        return IoOperation.async(io, IoRegistration.READ, () -> {
            int start = dst.position();
            SocketAddress sender = channel.receive(dst);
            return sender == null ? null : new Received(dst.position() - start, sender);
        });
    }

    /** The address this socket is bound to. */
    public SocketAddress localAddress() {
        return Sockets.call(channel::getLocalAddress);
    }

    /** Closes the socket; pending operations fail with a closed-channel error. Idempotent. */
    @Override
    public void close() {
        io.close();
    }
}
