package dev.weft.miniredis.cmd;

import dev.weft.miniredis.db.KeyspaceStats;
import dev.weft.miniredis.frame.Frame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code INFO [section ...]}: a text report in Redis's format ({@code # Section} headers, {@code field:value}
 * lines, a blank line between sections) as a bulk string. Sections: {@code server}, {@code clients},
 * {@code memory}, {@code persistence}, {@code stats}, {@code replication}, {@code keyspace}; no argument,
 * {@code default}, {@code all} or {@code everything} means all of them; an unknown name adds nothing.
 * Fields report what mini-redis measures; what it does not do (persist, replicate, block clients,
 * evict) reports as Redis reports it switched off.
 *
 * @param sections the section names asked for, lower-case; empty for all
 */
public record Info(List<String> sections) implements ImmediateCommand {

    private static final List<String> ALL = List.of("server", "clients", "memory", "persistence", "stats",
            "replication", "keyspace");

    static Info parse(Arguments arguments) {
        List<String> sections = new ArrayList<>();
        for (int i = 1; i < arguments.count(); i++) {
            String name = arguments.text(i).toLowerCase(Locale.ROOT);
            sections.addAll(name.equals("default") || name.equals("all") || name.equals("everything") ? ALL : List.of(name));
        }
        return new Info(sections.isEmpty() ? ALL : sections);
    }

    @Override
    public Frame execute(CommandContext context) {
        StringBuilder text = new StringBuilder();
        InfoSections report = new InfoSections(context);
        for (String section : ALL) {
            if (sections.contains(section)) {
                if (!text.isEmpty()) {
                    text.append("\r\n");
                }
                report.append(section, text);
            }
        }
        return Frame.bulk(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The sections' contents, measured when INFO runs. */
    private record InfoSections(CommandContext context) {

        void append(String section, StringBuilder text) {
            text.append("# ").append(Character.toUpperCase(section.charAt(0))).append(section, 1, section.length()).append("\r\n");
            ServerInfo server = context.server();
            ServerStats stats = server.stats();
            switch (section) {
                case "server" -> {
                    long uptimeSeconds = (server.clock().nowMillis() - server.startMillis()) / 1000;
                    field(text, "redis_version", ServerInfo.REDIS_VERSION);
                    field(text, "redis_mode", "standalone");
                    field(text, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
                    field(text, "arch_bits", System.getProperty("sun.arch.data.model", "64"));
                    field(text, "process_id", ProcessHandle.current().pid());
                    field(text, "run_id", server.runId());
                    field(text, "tcp_port", server.settings().port());
                    field(text, "server_time_usec", server.clock().nowMillis() * 1000);
                    field(text, "uptime_in_seconds", uptimeSeconds);
                    field(text, "uptime_in_days", uptimeSeconds / 86_400);
                    field(text, "java_version", Runtime.version());
                }
                case "clients" -> {
                    field(text, "connected_clients", stats.connectedClients());
                    field(text, "maxclients", server.settings().maxClients());
                    field(text, "blocked_clients", 0);
                }
                case "memory" -> {
                    Runtime runtime = Runtime.getRuntime();
                    long used = runtime.totalMemory() - runtime.freeMemory();
                    field(text, "used_memory", used);
                    field(text, "used_memory_human", humanBytes(used));
                    field(text, "maxmemory", 0);
                    field(text, "maxmemory_human", "0B");
                    field(text, "maxmemory_policy", "noeviction");
                }
                case "persistence" -> {
                    field(text, "loading", 0);
                    field(text, "rdb_bgsave_in_progress", 0);
                    field(text, "aof_enabled", 0);
                }
                case "stats" -> {
                    field(text, "total_connections_received", stats.connectionsReceived());
                    field(text, "total_commands_processed", stats.commandsProcessed());
                    field(text, "rejected_connections", stats.connectionsRejected());
                    field(text, "expired_keys", context.db().stats().expiredKeys());
                }
                case "replication" -> {
                    field(text, "role", "master");
                    field(text, "connected_slaves", 0);
                }
                default -> {
                    KeyspaceStats keyspace = context.db().stats();
                    if (keyspace.keys() > 0) {
                        text.append("db0:keys=").append(keyspace.keys()).append(",expires=").append(keyspace.expiring())
                                .append(",avg_ttl=").append(keyspace.averageTtlMillis()).append("\r\n");
                    }
                }
            }
        }

        private static void field(StringBuilder text, String name, Object value) {
            text.append(name).append(':').append(value).append("\r\n");
        }

        /** Redis's bytesToHuman: B, then K, M, G with two decimals. */
        private static String humanBytes(long bytes) {
            if (bytes < 1024) {
                return bytes + "B";
            }
            String[] units = {"K", "M", "G", "T"};
            double value = bytes;
            int unit = -1;
            do {
                value /= 1024;
                unit++;
            } while (value >= 1024 && unit < units.length - 1);
            return String.format(Locale.ROOT, "%.2f%s", value, units[unit]);
        }
    }
}
