package dev.weft.miniredis.cmd;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.weft.miniredis.cmd.CommandSpec.command;

/*
 * Implementation notes.
 *
 * The commands mini-redis implements, with Redis 7's metadata for them (src/commands/*.json: arity,
 * flags, ACL categories, tips, key specs, docs; CLIENT SETINFO from 7.2). Flags and categories are
 * written as COMMAND INFO prints them. The order is the order of COMMAND's reply.
 */
final class CommandTable {

    private static final String KEY_RW_UPDATE = "RW update";
    private static final String CONNECTION_FLAGS = "noscript loading stale";
    private static final String PUBSUB_FLAGS = "pubsub noscript loading stale";
    private static final String COMMAND_FLAGS = "loading stale";
    private static final String LOOKUP_TIPS = "nondeterministic_output_order";

    static final List<CommandSpec> COMMANDS = List.of(
            command("ping", -1, Ping::parse).flags("fast").acl("@fast @connection")
                    .tips("request_policy:all_shards response_policy:all_succeeded")
                    .docs("Ping the server", "1.0.0", "connection", "O(1)"),
            command("echo", 2, Echo::parse).flags("loading stale fast").acl("@fast @connection")
                    .docs("Echo the given string", "1.0.0", "connection", "O(1)"),
            command("quit", -1, Quit::parse).flags("noscript loading stale fast no_auth allow_busy").acl("@fast @connection")
                    .docs("Close the connection", "1.0.0", "connection", "O(1)"),
            command("hello", -1, Hello::parse).flags("noscript loading stale fast no_auth allow_busy").acl("@fast @connection")
                    .docs("Handshake with Redis", "6.0.0", "connection", "O(1)"),
            command("client", -2, null).acl("@slow").subcommands(
                    command("client|getname", 2, ClientGetName::parse).flags(CONNECTION_FLAGS).acl("@slow @connection")
                            .docs("Get the current connection name", "2.6.9", "connection", "O(1)"),
                    command("client|id", 2, ClientId::parse).flags(CONNECTION_FLAGS).acl("@slow @connection")
                            .docs("Returns the client ID for the current connection", "5.0.0", "connection", "O(1)"),
                    command("client|setinfo", 4, ClientSetInfo::parse).flags(CONNECTION_FLAGS).acl("@slow @connection")
                            .tips("request_policy:all_nodes response_policy:all_succeeded")
                            .docs("Sets information specific to the client or connection.", "7.2.0", "connection", "O(1)"),
                    command("client|setname", 3, ClientSetName::parse).flags(CONNECTION_FLAGS).acl("@slow @connection")
                            .docs("Set the current connection name", "2.6.9", "connection", "O(1)"),
                    command("client|help", 2, Help.of(Help.CLIENT)).flags(COMMAND_FLAGS).acl("@slow @connection")
                            .docs("Show helpful text about the different subcommands", "5.0.0", "connection", "O(1)"))
                    .docs("A container for client connection commands", "2.4.0", "connection", "Depends on subcommand."),
            command("get", 2, Get::parse).flags("readonly fast").acl("@read @string @fast").keys("RO access", 0, 1)
                    .docs("Get the value of a key", "1.0.0", "string", "O(1)"),
            command("set", -3, Set::parse).flags("write denyoom").acl("@write @string @slow")
                    .keys("RW access update variable_flags", 0, 1)
                    .docs("Set the string value of a key", "1.0.0", "string", "O(1)"),
            command("del", -2, Del::parse).flags("write").acl("@keyspace @write @slow")
                    .tips("request_policy:multi_shard response_policy:agg_sum").keys("RM delete", -1, 1)
                    .docs("Delete a key", "1.0.0", "generic", "O(N) where N is the number of keys that will be removed."
                            + " When a key to remove holds a value other than a string, the individual complexity for this"
                            + " key is O(M) where M is the number of elements in the list, set, sorted set or hash."
                            + " Removing a single key that holds a string value is O(1)."),
            command("exists", -2, Exists::parse).flags("readonly fast").acl("@keyspace @read @fast")
                    .tips("request_policy:multi_shard response_policy:agg_sum").keys("RO", -1, 1)
                    .docs("Determine if a key exists", "1.0.0", "generic", "O(N) where N is the number of keys to check."),
            command("expire", -3, Expire::parseExpire).flags("write fast").acl("@keyspace @write @fast").keys(KEY_RW_UPDATE, 0, 1)
                    .docs("Set a key's time to live in seconds", "1.0.0", "generic", "O(1)"),
            command("pexpire", -3, Expire::parsePexpire).flags("write fast").acl("@keyspace @write @fast").keys(KEY_RW_UPDATE, 0, 1)
                    .docs("Set a key's time to live in milliseconds", "2.6.0", "generic", "O(1)"),
            command("ttl", 2, Ttl::parseTtl).flags("readonly fast").acl("@keyspace @read @fast")
                    .tips("nondeterministic_output").keys("RO access", 0, 1)
                    .docs("Get the time to live for a key in seconds", "1.0.0", "generic", "O(1)"),
            command("pttl", 2, Ttl::parsePttl).flags("readonly fast").acl("@keyspace @read @fast")
                    .tips("nondeterministic_output").keys("RO access", 0, 1)
                    .docs("Get the time to live for a key in milliseconds", "2.6.0", "generic", "O(1)"),
            command("persist", 2, Persist::parse).flags("write fast").acl("@keyspace @write @fast").keys(KEY_RW_UPDATE, 0, 1)
                    .docs("Remove the expiration from a key", "2.2.0", "generic", "O(1)"),
            counter("incr", 2, IncrBy::parseIncr, "Increment the integer value of a key by one"),
            counter("decr", 2, IncrBy::parseDecr, "Decrement the integer value of a key by one"),
            counter("incrby", 3, IncrBy::parseIncrBy, "Increment the integer value of a key by the given amount"),
            counter("decrby", 3, IncrBy::parseDecrBy, "Decrement the integer value of a key by the given number"),
            command("mget", -2, MGet::parse).flags("readonly fast").acl("@read @string @fast")
                    .tips("request_policy:multi_shard").keys("RO access", -1, 1)
                    .docs("Get the values of all the given keys", "1.0.0", "string", "O(N) where N is the number of keys to retrieve."),
            command("mset", -3, MSet::parse).flags("write denyoom").acl("@write @string @slow")
                    .tips("request_policy:multi_shard response_policy:all_succeeded").keys("OW update", -1, 2)
                    .docs("Set multiple keys to multiple values", "1.0.1", "string", "O(N) where N is the number of keys to set."),
            command("dbsize", 1, DbSize::parse).flags("readonly fast").acl("@keyspace @read @fast")
                    .tips("request_policy:all_shards response_policy:agg_sum")
                    .docs("Return the number of keys in the selected database", "1.0.0", "server", "O(1)"),
            command("flushdb", -1, FlushDb::parse).flags("write").acl("@keyspace @write @slow @dangerous")
                    .tips("request_policy:all_shards response_policy:all_succeeded")
                    .docs("Remove all keys from the current database", "1.0.0", "server",
                            "O(N) where N is the number of keys in the selected database"),
            command("command", -1, CommandInfo::parseCommand).flags(COMMAND_FLAGS).acl("@slow @connection").tips(LOOKUP_TIPS)
                    .subcommands(
                            command("command|count", 2, CommandCount::parse).flags(COMMAND_FLAGS).acl("@slow @connection")
                                    .docs("Get total number of Redis commands", "2.8.13", "server", "O(1)"),
                            command("command|docs", -2, CommandDocs::parse).flags(COMMAND_FLAGS).acl("@slow @connection")
                                    .tips(LOOKUP_TIPS)
                                    .docs("Get array of specific Redis command documentation", "7.0.0", "server",
                                            "O(N) where N is the number of commands to look up"),
                            command("command|info", -2, CommandInfo::parseInfo).flags(COMMAND_FLAGS).acl("@slow @connection")
                                    .tips(LOOKUP_TIPS)
                                    .docs("Get array of specific Redis command details, or all when no argument is given.",
                                            "2.8.13", "server", "O(N) where N is the number of commands to look up"),
                            command("command|help", 2, Help.of(Help.COMMAND)).flags(COMMAND_FLAGS).acl("@slow @connection")
                                    .docs("Show helpful text about the different subcommands", "5.0.0", "server", "O(1)"))
                    .docs("Get array of Redis command details", "2.8.13", "server",
                            "O(N) where N is the total number of Redis commands"),
            command("config", -2, null).acl("@slow").subcommands(
                            command("config|get", -3, ConfigGet::parse).flags("admin noscript loading stale")
                                    .acl("@admin @slow @dangerous")
                                    .docs("Get the values of configuration parameters", "2.0.0", "server",
                                            "O(N) when N is the number of configuration parameters provided"),
                            command("config|help", 2, Help.of(Help.CONFIG)).flags(COMMAND_FLAGS).acl("@slow")
                                    .docs("Show helpful text about the different subcommands", "5.0.0", "server", "O(1)"))
                    .docs("A container for server configuration commands", "2.0.0", "server", "Depends on subcommand."),
            command("info", -1, Info::parse).flags(COMMAND_FLAGS).acl("@slow @dangerous")
                    .tips("nondeterministic_output request_policy:all_shards response_policy:special")
                    .docs("Get information and statistics about the server", "1.0.0", "server", "O(1)"),
            command("publish", 3, Publish::parse).flags("pubsub loading stale fast").acl("@pubsub @fast")
                    .docs("Post a message to a channel", "2.0.0", "pubsub", "O(N+M) where N is the number of clients"
                            + " subscribed to the receiving channel and M is the total number of subscribed patterns (by any client)."),
            command("subscribe", -2, Subscribe::parseSubscribe).flags(PUBSUB_FLAGS).acl("@pubsub @slow")
                    .docs("Listen for messages published to the given channels", "2.0.0", "pubsub",
                            "O(N) where N is the number of channels to subscribe to."),
            command("unsubscribe", -1, Unsubscribe::parseUnsubscribe).flags(PUBSUB_FLAGS).acl("@pubsub @slow")
                    .docs("Stop listening for messages posted to the given channels", "2.0.0", "pubsub",
                            "O(N) where N is the number of clients already subscribed to a channel."),
            command("psubscribe", -2, Subscribe::parsePsubscribe).flags(PUBSUB_FLAGS).acl("@pubsub @slow")
                    .docs("Listen for messages published to channels matching the given patterns", "2.0.0", "pubsub",
                            "O(N) where N is the number of patterns the client is already subscribed to."),
            command("punsubscribe", -1, Unsubscribe::parsePunsubscribe).flags(PUBSUB_FLAGS).acl("@pubsub @slow")
                    .docs("Stop listening for messages posted to channels matching the given patterns", "2.0.0", "pubsub",
                            "O(N+M) where N is the number of patterns the client is already subscribed and M is the"
                                    + " number of total patterns subscribed in the system (by any client)."));

    private static final NameIndex INDEX = new NameIndex(COMMANDS);

    private CommandTable() {
    }

    /** The command named {@code name} (ASCII case ignored), or null. */
    static CommandSpec find(byte[] name) {
        return INDEX.find(name);
    }

    /** The command or subcommand named {@code name}, {@code get} or {@code client|setname}, or null. */
    static CommandSpec byFullName(String name) {
        int bar = name.indexOf('|');
        CommandSpec command = find(utf8(bar < 0 ? name : name.substring(0, bar)));
        return bar < 0 || command == null ? command : command.subcommand(utf8(name.substring(bar + 1)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Words {@code from} to the end, as text. */
    static List<String> namesFrom(Arguments arguments, int from) {
        List<String> names = new ArrayList<>();
        for (int i = from; i < arguments.count(); i++) {
            names.add(arguments.text(i));
        }
        return names;
    }

    private static CommandSpec counter(String name, int arity, CommandSpec.Parser parser, String summary) {
        return command(name, arity, parser).flags("write denyoom fast").acl("@write @string @fast")
                .keys("RW access update", 0, 1).docs(summary, "1.0.0", "string", "O(1)");
    }
}
