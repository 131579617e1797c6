package dev.weft.bench.echo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The echo benchmark's servers and client on loopback: every server echoes every byte of small and
 * large messages on several connections, a server JVM forked as the harness forks it answers, and the
 * client notices an echo that differs from what it sent.
 */
@Timeout(60)
class EchoServersTest {

    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private static final int ROUND_TRIPS = 200;

    private static LoadGenerator client;

    @BeforeAll
    static void startClient() {
        client = new LoadGenerator(NettyTransport.best(), 2);
    }

    @AfterAll
    static void stopClient() {
        client.close();
    }

    @ParameterizedTest
    @EnumSource(EchoServerKind.class)
    void server_echoesEveryByte_ofSmallAndLargeMessages_onEveryConnection(EchoServerKind kind) {
        assumeTrue(kind.isAvailable(), kind.label() + " does not run here");
        try (EchoServer server = kind.start(ANY_LOOPBACK_PORT)) {
            for (Scenario scenario : List.of(Scenario.of(8, 128), Scenario.of(3, 16 * 1024), Scenario.of(2, 40_000))) {
                LoadResult result = client.exchange(server.address(), scenario, ROUND_TRIPS);

                assertThat(result.roundTrips()).as(scenario.label())
                        .isEqualTo((long) scenario.connections() * ROUND_TRIPS);
            }
        }
    }

    @Test
    void forkedServerJvm_listensAndEchoes_untilClosed() {
        EchoServerKind kind = EchoServerKind.JDK_VIRTUAL_THREADS;
        try (ForkedServers servers = new ForkedServers(List.of(kind))) {
            LoadResult result = client.exchange(servers.address(kind), Scenario.of(4, 256), ROUND_TRIPS);

            assertThat(result.roundTrips()).isEqualTo(4L * ROUND_TRIPS);
        }
    }

    @Test
    void exchange_withServerThatAltersBytes_fails() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> echoIncremented(listener));

            assertThatThrownBy(() -> client.exchange((InetSocketAddress) listener.getLocalSocketAddress(),
                    Scenario.of(1, 128), ROUND_TRIPS))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the echo differs from the message");
        }
    }

    /** Accepts one connection and sends back every byte it reads plus one. */
    private static void echoIncremented(ServerSocket listener) {
        try (Socket connection = listener.accept()) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            for (int b; (b = in.read()) != -1; ) {
                out.write(b + 1);
                out.flush();
            }
        } catch (IOException e) {
            // The client hung up on the altered echo, possibly with bytes unread (a reset).
        }
    }
}
