package dev.weft.examples;

import dev.weft.Weft;
import dev.weft.io.BufReader;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpStream;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.JoinHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two clients in the chat room: each sees the other's lines, not its own. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChatExampleTest {

    /** A chat client: its connection and a line reader over it. */
    private record Client(TcpStream stream, BufReader lines) implements AutoCloseable {
        static Client join(InetSocketAddress server, String name) {
            TcpStream stream = TcpStream.connect(server).await();
            Client client = new Client(stream, new BufReader(stream));
            assertThat(client.readLine()).isEqualTo("welcome! what is your name?");
            client.say(name);
            assertThat(client.readLine()).startsWith("hi " + name + ", ");
            return client;
        }

        void say(String line) {
            stream.writeAll(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8))).await();
        }

        String readLine() {
            return lines.readLine().await().orElse("<closed>");
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    @Test
    void eachClient_seesTheOthersLines_butNotItsOwn() {
        List<String> heard = AsyncRuntime.run(() -> {
            try (TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 0)).await()) {
                JoinHandle<Void> server = Weft.spawn(ChatServer.serve(listener));
                InetSocketAddress address = (InetSocketAddress) listener.localAddress();
                List<String> lines = new ArrayList<>();
                try (Client alice = Client.join(address, "alice")) {
                    try (Client bob = Client.join(address, "bob")) {
                        lines.add("alice: " + alice.readLine());
                        alice.say("hi bob");
                        lines.add("bob: " + bob.readLine());
                        bob.say("hello alice");
                        lines.add("alice: " + alice.readLine());
                    }
                    lines.add("alice: " + alice.readLine());
                } finally {
                    server.abort();
                }
                return lines;
            }
        });
        assertThat(heard).containsExactly("alice: bob joined", "bob: alice: hi bob", "alice: bob: hello alice",
                "alice: bob left");
    }
}
