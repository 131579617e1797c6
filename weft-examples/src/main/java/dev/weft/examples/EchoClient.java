package dev.weft.examples;

import dev.weft.Async;
import dev.weft.net.TcpStream;
import dev.weft.runtime.AsyncRuntime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP echo client: sends each message and prints what comes back.
 * {@code bin/example EchoClient [host [port]] -- message...} (defaults: 127.0.0.1, 7007, "hello").
 */
public final class EchoClient {

    private EchoClient() {
    }

    /** Connects, sends each message, reads its echo, and returns the echoes in order. */
    public static Async<List<String>> exchange(String host, int port, List<String> messages) {
        return Async.of(() -> {
            List<String> echoes = new ArrayList<>();
            try (TcpStream stream = TcpStream.connect(host, port).await()) {
                stream.setNoDelay(true);
                for (String message : messages) {
                    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
                    stream.writeAll(ByteBuffer.wrap(bytes)).await();
                    ByteBuffer echo = ByteBuffer.allocate(bytes.length);
                    stream.readExact(echo).await();
                    echoes.add(new String(echo.array(), StandardCharsets.UTF_8));
                }
            }
            return echoes;
        });
    }

    public static void main(String[] args) {
        int separator = List.of(args).indexOf("--");
        List<String> options = List.of(args).subList(0, separator < 0 ? args.length : separator);
        List<String> messages = separator < 0 ? List.of("hello") : List.of(args).subList(separator + 1, args.length);
        String host = options.isEmpty() ? "127.0.0.1" : options.get(0);
        int port = options.size() > 1 ? Integer.parseInt(options.get(1)) : EchoServer.DEFAULT_PORT;
        for (String echo : AsyncRuntime.run(() -> exchange(host, port, messages).await())) {
            System.out.println(echo);
        }
    }
}
