package dev.weft.bench.echo;

import java.util.List;

/**
 * One load the echo benchmark puts on every server: so many connections, each sending messages of one
 * size in a closed loop.
 *
 * @param name         the name {@code --only} accepts, for example {@code 64x128B}
 * @param label        the name in the report, for example {@code 64 conn x 128 B}
 * @param connections  how many connections the client opens
 * @param messageBytes the size of each message, which the server echoes whole
 */
public record Scenario(String name, String label, int connections, int messageBytes) {

    /** The scenarios of issue 4, in report order. */
    public static List<Scenario> all() {
        return List.of(
                new Scenario("64x128B", "64 conn x 128 B", 64, 128),
                new Scenario("64x16KiB", "64 conn x 16 KiB", 64, 16 * 1024),
                new Scenario("1000x128B", "1000 conn x 128 B", 1_000, 128));
    }

    /** A scenario with these numbers, for tests and experiments. */
    public static Scenario of(int connections, int messageBytes) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections < 1: " + connections);
        }
        if (messageBytes < 1) {
            throw new IllegalArgumentException("messageBytes < 1: " + messageBytes);
        }
        String name = connections + "x" + messageBytes + "B";
        return new Scenario(name, connections + " conn x " + messageBytes + " B", connections, messageBytes);
    }
}
