package dev.weft.miniredis.cmd;

import dev.weft.miniredis.db.Db;

/**
 * What a command runs against: the keyspace, the server's description and counters, and the state of
 * the connection that sent it.
 *
 * {@snippet :
 * CommandContext context = new CommandContext(db, server, server.openSession());
 * Frame pong = ((ImmediateCommand) Commands.parse(Frame.command("PING"))).execute(context);
 * }
 *
 * @param db      the keyspace
 * @param server  the server's settings and counters
 * @param session the connection's state (id, name, protocol)
 */
public record CommandContext(Db db, ServerInfo server, ClientSession session) {
}
