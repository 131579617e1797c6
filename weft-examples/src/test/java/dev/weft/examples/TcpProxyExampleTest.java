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

/** The echo client through the proxy to the echo server. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TcpProxyExampleTest {

    private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

    @Test
    void messagesThroughTheProxy_comeBackFromTheEchoServer() {
        List<String> echoes = AsyncRuntime.run(() -> {
            try (TcpListener echo = TcpListener.bind(ANY_PORT).await();
                 TcpListener proxy = TcpListener.bind(ANY_PORT).await()) {
                JoinHandle<Void> echoServer = Weft.spawn(EchoServer.serve(echo));
                JoinHandle<Void> proxyServer = Weft.spawn(TcpProxy.serve(proxy, echo.localAddress()));
                int port = ((InetSocketAddress) proxy.localAddress()).getPort();
                try {
                    return EchoClient.exchange("127.0.0.1", port, List.of("through", "the", "proxy")).await();
                } finally {
                    proxyServer.abort();
                    echoServer.abort();
                }
            }
        });
        assertThat(echoes).containsExactly("through", "the", "proxy");
    }
}
