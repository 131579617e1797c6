package dev.weft.docs;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.io.AsyncIo;
import dev.weft.io.BufReader;
import dev.weft.net.TcpListener;
import dev.weft.net.TcpStream;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.sync.Mpsc;
import dev.weft.sync.Select;
import dev.weft.time.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** The README's networking, channels and select tour, as written there. */
@Timeout(30)
class ReadmeTourTest {

    @Test
    void networkingChannelsAndSelectTour_runsAsWritten() {
        record Outcome(Optional<String> line, String next) {
        }
        Outcome outcome = AsyncRuntime.run(() -> {
            Optional<String> line;
            try (TcpListener listener = TcpListener.bind(new InetSocketAddress("127.0.0.1", 0)).await()) {
                Weft.spawn(Async.of(() -> {
                    try (TcpStream client = listener.accept().await()) {
                        AsyncIo.copy(client, client).await();              // echo until the client half-closes
                    }
                    return null;
                }));
                try (TcpStream stream = TcpStream.connect(listener.localAddress()).await()) {
                    stream.writeAll(ByteBuffer.wrap("ping\n".getBytes(UTF_8))).await();
                    line = new BufReader(stream).readLine().await();   // Optional[ping]
                }
            }

            Mpsc.Channel<String> jobs = Mpsc.bounded(100);
            jobs.sender().send("job 1").await();
            String next = Select.<String>builder()
                    .onPresent(jobs.receiver().receive(), job -> "got " + job)
                    .on(Time.sleep(Duration.ofSeconds(1)), timedOut -> "idle")
                    .biased()
                    .await();
            return new Outcome(line, next);
        });
        assertThat(outcome.line()).contains("ping");
        assertThat(outcome.next()).isEqualTo("got job 1");
    }
}
