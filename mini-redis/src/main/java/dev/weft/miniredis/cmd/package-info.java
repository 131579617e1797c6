/**
 * The commands of mini-redis: {@link dev.weft.miniredis.cmd.Commands#parse} turns a request into a
 * {@link dev.weft.miniredis.cmd.Command} with Redis 7's checks and error replies, and an
 * {@link dev.weft.miniredis.cmd.ImmediateCommand} executes against a
 * {@link dev.weft.miniredis.cmd.CommandContext} (the keyspace, the server's description, the connection's
 * state) to produce its reply. {@link dev.weft.miniredis.cmd.PubSubCommand}s are executed by the
 * connection. Internal to the module.
 */
package dev.weft.miniredis.cmd;
