package dev.weft.examples;

import dev.weft.Weft;
import dev.weft.net.TcpListener;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.JoinHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The echo client against the echo server, on a port the system chose. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EchoExampleTest {

    @Test
    void client_getsEveryMessageBack_inOrder() {
        List<String> echoes = AsyncRuntime.run(() -> {
            try (TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 0)).await()) {
                JoinHandle<Void> server = Weft.spawn(EchoServer.serve(listener));
                int port = ((InetSocketAddress) listener.localAddress()).getPort();
                try {
                    return EchoClient.exchange("127.0.0.1", port, List.of("one", "two", "three")).await();
                } finally {
                    server.abort();
                }
            }
        });
        assertThat(echoes).containsExactly("one", "two", "three");
    }
}
