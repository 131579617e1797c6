package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.ProtocolLimits;

/**
 * The settings of a running server that commands report: {@code CONFIG GET}, {@code INFO}.
 *
 * {@snippet :
 * ServerSettings settings = new ServerSettings("127.0.0.1", 6379, 10_000, ProtocolLimits.DEFAULT);
 * }
 *
 * @param bind       the address listened on
 * @param port       the port listened on (the actual one when 0 was asked for)
 * @param maxClients the most connections served at once
 * @param limits     the protocol limits requests are held to
 */
public record ServerSettings(String bind, int port, int maxClients, ProtocolLimits limits) {
}
