/**
 * mini-redis: a Redis-compatible server built on Weft. {@code dev.weft.miniredis.frame} is the RESP2 wire
 * model (frames, the request and reply parsers, the encoder); {@code dev.weft.miniredis.server} is the
 * server ({@link dev.weft.miniredis.server.MiniRedisServer}) and its command-line program; {@code db} is
 * the keyspace with expiry and {@code cmd} the commands, both used by the server and not exported.
 */
module dev.weft.miniredis {
    requires dev.weft.runtime;
    requires info.picocli;

    exports dev.weft.miniredis.frame;
    exports dev.weft.miniredis.server;

    opens dev.weft.miniredis.server to info.picocli;
}
