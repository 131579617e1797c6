package dev.weft.miniredis.server;

import dev.weft.Async;
import dev.weft.miniredis.cmd.ServerInfo;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.signal.Signals;
import dev.weft.sync.Select;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The {@code mini-redis-server} program ({@code bin/mini-redis-server}): starts a {@link MiniRedisServer}
 * and serves until {@code SIGINT} (Ctrl-C) or {@code SIGTERM}, then shuts down gracefully and exits with
 * status 0. Status 1 when the server cannot listen, 2 for a bad command line.
 *
 * {@snippet lang = "sh" :
 * bin/mini-redis-server --port 6380 --max-connections 1000 --shutdown-timeout 5s --workers 1
 * }
 *
 * <h2>Cancellation</h2>
 * Not applicable: a program's entry point.
 */
@Command(name = "mini-redis-server", mixinStandardHelpOptions = true, version = "mini-redis (Redis " + ServerInfo.REDIS_VERSION + " protocol)",
        description = "A Redis-compatible server built on Weft. Stops gracefully on Ctrl-C (SIGINT) or SIGTERM.",
        sortOptions = false)
public final class ServerMain implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "TCP port to listen on; 0 for any free port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ServerConfig.DEFAULT_BIND,
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "" + ServerConfig.DEFAULT_MAX_CONNECTIONS,
            description = "Most clients served at once; the next gets an error and is closed (default: ${DEFAULT-VALUE}).")
    private int maxConnections;

    @Option(names = "--shutdown-timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long a graceful shutdown waits for commands in progress, e.g. 500ms, 10s, 1m (default: ${DEFAULT-VALUE}).")
    private Duration shutdownTimeout;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "0",
            description = "Worker threads serving the connections; 0 for one per core (default: ${DEFAULT-VALUE}).")
    private int workers;

    private final PrintWriter out;
    private final PrintWriter err;

    private ServerMain(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the program and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the program, printing to {@code out} and {@code err}, and returns its exit status. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new ServerMain(out, err)).setOut(out).setErr(err).execute(args);
    }

    @Override
    public Integer call() {
        ServerConfig config;
        try {
            config = ServerConfig.builder().bind(bind).port(port).maxConnections(maxConnections)
                    .shutdownTimeout(shutdownTimeout).workerThreads(workers).build();
        } catch (IllegalArgumentException invalid) {
            throw new CommandLine.ParameterException(new CommandLine(this), invalid.getMessage());
        }
        try (AsyncRuntime serving = MiniRedisServer.runtimeFor(config)) {
            return serving.blockOn(Async.of(() -> serveUntilSignalled(config)));
        }
    }

    private int serveUntilSignalled(ServerConfig config) {
        MiniRedisServer server;
        try {
            server = MiniRedisServer.bind(config).await();
        } catch (UncheckedIOException cannotListen) {
            err.println("mini-redis-server: cannot listen on " + config.bind() + ":" + config.port() + ": "
                    + cannotListen.getCause().getMessage());
            return 1;
        }
        Async<Void> interrupted = Signals.ctrlC();
        Async<Void> terminated = Signals.terminate();
        out.println("mini-redis listening on " + server.localAddress().getAddress().getHostAddress() + ":" + server.port()
                + " (Redis " + ServerInfo.REDIS_VERSION + " protocol); Ctrl-C to stop");
        String signal = Select.<String>builder()
                .on(interrupted, received -> "SIGINT")
                .on(terminated, received -> "SIGTERM")
                .biased()
                .await();
        out.println("received " + signal + ", shutting down");
        boolean graceful = server.shutdown().await();
        out.println(graceful ? "bye" : "bye (connections still busy after " + config.shutdownTimeout().toMillis() + " ms were closed)");
        return 0;
    }

    /** Reads {@code 500ms}, {@code 10s}, {@code 2m} or a number of seconds. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            String value = text.trim().toLowerCase(Locale.ROOT);
            try {
                if (value.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
                }
                if (value.endsWith("s")) {
                    return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
                }
                if (value.endsWith("m")) {
                    return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
                }
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException notANumber) {
                throw new CommandLine.TypeConversionException("not a duration (use 500ms, 10s, 2m): " + text);
            }
        }
    }
}
