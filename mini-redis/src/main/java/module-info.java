/**
 * mini-redis: a Redis-compatible server built on Weft. {@code dev.weft.miniredis.frame} is the RESP2 wire
 * model (frames, the request and reply parsers, the encoder); {@code db} is the keyspace with expiry and
 * {@code cmd} the commands, both used by the server and not exported.
 */
module dev.weft.miniredis {
    requires dev.weft.runtime;

    exports dev.weft.miniredis.frame;
}
