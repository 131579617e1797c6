package dev.weft.miniredis.cmd;

import dev.weft.miniredis.db.ExpiryClock;

import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the server says about itself: the Redis version it follows, its settings as configuration
 * parameters ({@code CONFIG GET}), its run id and start time ({@code INFO}), and its counters.
 *
 * {@snippet :
 * ServerInfo server = new ServerInfo(new ServerSettings("127.0.0.1", 6379, 10_000, ProtocolLimits.DEFAULT), db.clock());
 * String save = server.configParameters().get("save");   // "": mini-redis never writes to disk
 * ClientSession session = server.openSession();
 * }
 */
public final class ServerInfo {

    /**
     * The Redis version whose behaviour mini-redis follows and reports ({@code INFO}'s
     * {@code redis_version}, {@code HELLO}'s {@code version}), so that clients choose the matching
     * features. Replies and errors were checked against Redis 7.0.15.
     */
    public static final String REDIS_VERSION = "7.0.0";

    private final ServerSettings settings;
    private final ExpiryClock clock;
    private final ServerStats stats = new ServerStats();
    private final String runId;
    private final long startMillis;
    private final Map<String, String> configParameters;

    /** The description of a server started now with {@code settings}, telling time on {@code clock}. */
    public ServerInfo(ServerSettings settings, ExpiryClock clock) {
        this.settings = settings;
        this.clock = clock;
        byte[] random = new byte[20];
        ThreadLocalRandom.current().nextBytes(random);
        this.runId = HexFormat.of().formatHex(random);
        this.startMillis = clock.nowMillis();
        this.configParameters = parametersOf(settings);
    }

    /** The settings. */
    public ServerSettings settings() {
        return settings;
    }

    /** The counters. */
    public ServerStats stats() {
        return stats;
    }

    /** The clock the server tells time by (the keyspace's). */
    public ExpiryClock clock() {
        return clock;
    }

    /** A random 40-character hex id for this run of the server, as Redis's {@code run_id}. */
    public String runId() {
        return runId;
    }

    /** When the server started, in Unix milliseconds. */
    public long startMillis() {
        return startMillis;
    }

    /**
     * The configuration parameters {@code CONFIG GET} reports, by name, in a fixed order: those that follow
     * from the settings, and those that say what mini-redis does not do ({@code save ""} and
     * {@code appendonly no}: no persistence; {@code maxmemory 0}: no eviction; {@code databases 1}).
     */
    public Map<String, String> configParameters() {
        return configParameters;
    }

    /** The state of a newly accepted connection, with a fresh client id. */
    public ClientSession openSession() {
        return new ClientSession(stats.nextClientId());
    }

    private static Map<String, String> parametersOf(ServerSettings settings) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("bind", settings.bind());
        parameters.put("port", Integer.toString(settings.port()));
        parameters.put("maxclients", Integer.toString(settings.maxClients()));
        parameters.put("proto-max-bulk-len", Long.toString(settings.limits().maxBulkLength()));
        parameters.put("client-query-buffer-limit", Long.toString(settings.limits().maxFrameLength()));
        parameters.put("save", "");
        parameters.put("appendonly", "no");
        parameters.put("maxmemory", "0");
        parameters.put("maxmemory-policy", "noeviction");
        parameters.put("databases", "1");
        parameters.put("timeout", "0");
        return Collections.unmodifiableMap(parameters);
    }
}
