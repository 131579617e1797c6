package dev.weft.miniredis.cli;

import dev.weft.miniredis.client.BlockingClient;
import dev.weft.miniredis.client.BlockingSubscriber;
import dev.weft.miniredis.client.Message;
import dev.weft.miniredis.client.RedisErrorException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code mini-redis-cli}: issues one command to a Redis-compatible server (Redis 7, or mini-redis) and
 * prints the reply as Tokio's mini-redis-cli does. Run it with {@code bin/mini-redis-cli}.
 *
 * {@snippet :
 * int exitCode = CliMain.commandLine().execute("--port", "6379", "set", "hello", "world");   // prints OK
 * }
 *
 * <p>Exit codes: 0 on success; 1 when the command fails (the connection is refused or lost, the server
 * replies with an error), with a one-line message on standard error; 2 for a usage error.
 */
@Command(name = "mini-redis-cli", mixinStandardHelpOptions = true, version = "mini-redis-cli 0.1.0",
        description = "Issues Redis commands to a Redis-compatible server (Redis 7 or mini-redis).",
        synopsisSubcommandLabel = "COMMAND")
public final class CliMain implements Runnable {

    /** The exit code of a command that failed: connection refused or lost, an error reply. */
    public static final int EXIT_FAILURE = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", scope = ScopeType.INHERIT, paramLabel = "HOST",
            description = "The server's host name or address (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "6379", scope = ScopeType.INHERIT, paramLabel = "PORT",
            description = "The server's port (default: ${DEFAULT-VALUE}).")
    private int port;

    private CliMain() {
    }

    /** Runs the command line {@code args} and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line, for running the CLI in-process: {@code commandLine().execute(args)} returns the
     * exit code; {@link CommandLine#setOut}/{@link CommandLine#setErr} redirect its output.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new CliMain()).setExecutionExceptionHandler(
                (failure, command, parsed) -> {
                    command.getErr().println("mini-redis-cli: " + describe(failure));
                    return EXIT_FAILURE;
                });
    }

    /** Without a subcommand: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required command (ping, get, set, publish, subscribe)");
    }

    @Command(name = "ping", description = "Pings the server and prints its answer.")
    void ping(@Parameters(arity = "0..1", paramLabel = "MESSAGE", description = "A message the server sends back.")
              String message) {
        try (BlockingClient client = connect()) {
            byte[] answer = message == null
                    ? client.ping().getBytes(StandardCharsets.UTF_8)
                    : client.ping(message.getBytes(StandardCharsets.UTF_8));
            out().println(ValueFormat.quoted(answer));
        }
    }

    @Command(name = "get", description = "Prints the value of KEY, or (nil).")
    void get(@Parameters(paramLabel = "KEY", description = "The key to read.") String key) {
        try (BlockingClient client = connect()) {
            Optional<byte[]> value = client.get(key);
            out().println(value.map(ValueFormat::quoted).orElse("(nil)"));
        }
    }

    @Command(name = "set", description = "Sets KEY to VALUE, optionally for a limited time.")
    void set(@Parameters(paramLabel = "KEY", description = "The key to set.") String key,
             @Parameters(paramLabel = "VALUE", description = "Its new value.") String value,
             @Option(names = "--expires", paramLabel = "EXPIRY", converter = ExpiryConverter.class,
                     description = "Deletes the key after EXPIRY: milliseconds (1500), a number with a unit"
                             + " (1500ms, 10s, 5m, 2h, 1d), or ISO-8601 (PT10S).")
             Duration expires) {
        try (BlockingClient client = connect()) {
            if (expires == null) {
                client.set(key, value);
            } else {
                client.set(key, value, expires);
            }
            out().println("OK");
        }
    }

    @Command(name = "publish", description = "Publishes MESSAGE on CHANNEL and prints how many subscribers got it.")
    void publish(@Parameters(paramLabel = "CHANNEL", description = "The channel to publish on.") String channel,
                 @Parameters(paramLabel = "MESSAGE", description = "The message.") String message) {
        try (BlockingClient client = connect()) {
            long receivers = client.publish(channel, message);
            out().println("Publish OK: " + receivers + (receivers == 1 ? " subscriber" : " subscribers"));
        }
    }

    @Command(name = "subscribe", description = "Subscribes to CHANNELs and prints their messages until interrupted.")
    int subscribe(@Parameters(arity = "1..*", paramLabel = "CHANNEL", description = "The channels to listen to.")
                  String[] channels) {
        try (BlockingSubscriber subscriber = connect().subscribe(channels)) {
            err().println("Subscribed to " + String.join(", ", subscriber.subscribedChannels())
                    + "; press Ctrl-C to stop.");
            for (Optional<Message> next; (next = subscriber.nextMessage()).isPresent(); ) {
                Message message = next.get();
                out().println("got message from the channel: " + message.channel() + "; message = "
                        + ValueFormat.quoted(message.content()));
            }
        }
        err().println("mini-redis-cli: the server closed the connection");
        return EXIT_FAILURE;
    }

    private BlockingClient connect() {
        if (port < 1 || port > 0xFFFF) {
            throw new ParameterException(spec.commandLine(), "--port must be within 1..65535: " + port);
        }
        try {
            return BlockingClient.connect(host, port);
        } catch (UncheckedIOException e) {
            throw new CliFailure("could not connect to " + host + ":" + port + ": " + reason(e), e);
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    static String describe(Throwable failure) {
        return switch (failure) {
            case CliFailure cli -> cli.getMessage();
            case RedisErrorException error -> error.getMessage();
            case UncheckedIOException io -> "the connection failed: " + reason(io);
            default -> failure.getClass().getSimpleName() + ": " + failure.getMessage();
        };
    }

    private static String reason(UncheckedIOException failure) {
        Throwable cause = failure.getCause();
        if (cause instanceof UnknownHostException) {
            return "unknown host";
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    /** A failure the CLI has already put into words. */
    private static final class CliFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        CliFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
