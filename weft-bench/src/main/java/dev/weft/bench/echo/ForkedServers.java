package dev.weft.bench.echo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One JVM per echo server, forked with this JVM's {@code java}, flags and class path, so that no server's
 * garbage, JIT state or threads touch another's or the client's. Each runs {@link EchoServerProcess};
 * closing its standard input stops it.
 */
final class ForkedServers implements AutoCloseable {

    private static final long STOP_PATIENCE_SECONDS = 10;

    private final Map<EchoServerKind, Server> servers = new EnumMap<>(EchoServerKind.class);

    /** Starts one server JVM of each of {@code kinds}, one after another, and waits until each listens. */
    ForkedServers(List<EchoServerKind> kinds) {
        try {
            for (EchoServerKind kind : kinds) {
                servers.put(kind, Server.start(kind));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The command that starts a server JVM, without the server's name. */
    static List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EchoServerProcess.class.getName());
        return command;
    }

    /** Where the server of {@code kind} listens. */
    InetSocketAddress address(EchoServerKind kind) {
        Server server = servers.get(kind);
        if (server == null) {
            throw new IllegalArgumentException("no server of kind " + kind);
        }
        return server.address();
    }

    /** Kills the server JVM of {@code kind} (which may be stuck) and starts a fresh one in its place. */
    void restart(EchoServerKind kind) {
        Server stuck = servers.remove(kind);
        if (stuck != null) {
            stuck.kill();
        }
        servers.put(kind, Server.start(kind));
    }

    /** Stops every server JVM: closes its standard input, waits, and kills the ones that do not exit. */
    @Override
    public void close() {
        servers.values().forEach(Server::stop);
    }

    private record Server(EchoServerKind kind, Process process, InetSocketAddress address) {

        static Server start(EchoServerKind kind) {
            List<String> command = javaCommand();
            command.add(kind.name());
            try {
                Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                String line = out.readLine();
                if (line == null || !line.startsWith(EchoServerProcess.READY)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the " + kind.label() + " server JVM did not start (said: " + line
                            + "); command: " + String.join(" ", command));
                }
                int port = Integer.parseInt(line.substring(EchoServerProcess.READY.length()).trim());
                return new Server(kind, process, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the " + kind.label() + " server JVM", e);
            }
        }

        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(STOP_PATIENCE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() {
            try {
                process.getOutputStream().close();
                if (!process.waitFor(STOP_PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
