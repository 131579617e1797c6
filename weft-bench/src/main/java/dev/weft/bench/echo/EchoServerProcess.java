package dev.weft.bench.echo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The main class of a server JVM that the echo comparison forks: starts the server named by its
 * argument on the loopback address and a free port, prints {@value #READY} and the port on standard
 * output, and runs until its standard input ends (the harness closes it, or dies).
 */
public final class EchoServerProcess {

    /** What the first line of standard output starts with, before the port. */
    static final String READY = "listening on port ";

    private EchoServerProcess() {
    }

    /** {@code args[0]}: an {@link EchoServerKind} name. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("expected one EchoServerKind name, got " + args.length + " arguments");
        }
        EchoServerKind kind = EchoServerKind.valueOf(args[0]);
        try (EchoServer server = kind.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            System.out.println(READY + server.address().getPort());
            System.out.flush();
            while (System.in.read() != -1) {
                // Nothing to do until standard input ends.
            }
        }
    }
}
