package dev.weft.examples;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.io.BufReader;
import dev.weft.net.OwnedWriteHalf;
import dev.weft.net.SplitStream;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpStream;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.sync.Broadcast;
import dev.weft.sync.Lagged;
import dev.weft.sync.Select;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A line-based chat server: a client sends its name as its first line, then every line it sends is
 * broadcast to the other clients as {@code name: line}. Each connection is one task that waits, with a
 * {@link Select}, for whichever comes first: a line from its client (a cancel-safe
 * {@link BufReader#readLine()}) or a message from the room (a {@link Broadcast} receive, cancel-safe too),
 * so neither is lost when the other wins. A client too slow to keep up with the room is told how many
 * messages it missed. {@code bin/example ChatServer [port]} (default 7009), then {@code nc 127.0.0.1 7009}
 * from two terminals.
 */
public final class ChatServer {

    /** The port the server listens on when none is given. */
    public static final int DEFAULT_PORT = 7009;
    private static final int ROOM_CAPACITY = 256;

    private ChatServer() {
    }

    /** A line said in the room, and who said it. */
    record Said(long speaker, String text) {
    }

    /** Accepts clients forever into one room. */
    public static Async<Void> serve(TcpListener listener) {
        return Async.of(() -> {
            try (Broadcast.Sender<Said> room = Broadcast.<Said>create(ROOM_CAPACITY).sender()) {
                for (long id = 1; ; id++) {
                    TcpStream client = listener.accept().await();
                    client.setNoDelay(true);
                    Weft.spawn(chat(id, client, room.newSender()));
                }
            }
        });
    }

    /** Serves one client; {@code room} is this client's own sender, closed when it leaves. */
    private static Async<Void> chat(long id, TcpStream client, Broadcast.Sender<Said> room) {
        return Async.of(() -> {
            try (room; SplitStream halves = client.split()) {
                BufReader lines = new BufReader(halves.reader());
                OwnedWriteHalf out = halves.writer();
                writeLine(out, "welcome! what is your name?");
                Optional<String> name = lines.readLine().await();
                if (name.isEmpty()) {
                    return null;
                }
                try (Broadcast.Receiver<Said> inbox = room.subscribe()) {
                    room.send(new Said(id, name.get() + " joined"));
                    writeLine(out, "hi " + name.get() + ", " + (room.receiverCount() - 1) + " others here");
                    while (converse(id, name.get(), lines, inbox, out, room)) {
                        // one line or one message per turn
                    }
                    room.send(new Said(id, name.get() + " left"));
                }
            } catch (UncheckedIOException gone) {
                System.err.println("client " + id + " went away: " + gone.getCause().getMessage());
            }
            return null;
        });
    }

    /** One turn: relays a line from the client or a message to it; false when the client is done. */
    private static boolean converse(long id, String name, BufReader lines, Broadcast.Receiver<Said> inbox,
                                    OwnedWriteHalf out, Broadcast.Sender<Said> room) {
        try {
            return Select.<Boolean>builder()
                    .on(lines.readLine(), line -> {
                        line.ifPresent(text -> room.send(new Said(id, name + ": " + text)));
                        return line.isPresent();
                    })
                    .on(inbox.receive(), message -> {
                        message.filter(said -> said.speaker() != id).ifPresent(said -> writeLine(out, said.text()));
                        return message.isPresent();
                    })
                    .biased()
                    .await();
        } catch (Lagged lagged) {
            writeLine(out, "(you missed " + lagged.skipped() + " messages)");
            return true;
        }
    }

    private static void writeLine(OwnedWriteHalf out, String text) {
        out.writeAll(ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8))).await();
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        AsyncRuntime.run(() -> {
            TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", port)).await();
            System.out.println("chat server listening on " + listener.localAddress());
            serve(listener).await();
        });
    }
}
