/**
 * mini-redis: a Redis-compatible server built on Weft. {@code dev.weft.miniredis.frame} is the RESP2 wire
 * model (frames, the request and reply parsers, the encoder); {@code server} the server
 * ({@link dev.weft.miniredis.server.MiniRedisServer}) and its {@code mini-redis-server} program;
 * {@code client} the client library (Client, Subscriber, BlockingClient, SharedClient); {@code cli} the
 * {@code mini-redis-cli} program; {@code db} is the keyspace with expiry and {@code cmd} the commands,
 * both used by the server and not exported.
 */
module dev.weft.miniredis {
    requires dev.weft.runtime;
    requires info.picocli;

    exports dev.weft.miniredis.frame;
    exports dev.weft.miniredis.server;
    exports dev.weft.miniredis.client;

    opens dev.weft.miniredis.server to info.picocli;
    opens dev.weft.miniredis.cli to info.picocli;
}
