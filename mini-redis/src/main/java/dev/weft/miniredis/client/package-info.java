/**
 * The mini-redis client library, for Redis 7 and Weft's mini-redis: {@link dev.weft.miniredis.client.Client}
 * (one connection, one request at a time, every command an {@link dev.weft.Async}),
 * {@link dev.weft.miniredis.client.Subscriber} (a connection in publish/subscribe mode),
 * {@link dev.weft.miniredis.client.SharedClient} (one connection shared by many tasks through a channel,
 * with pipelining), and {@link dev.weft.miniredis.client.BlockingClient} and
 * {@link dev.weft.miniredis.client.BlockingSubscriber} for code outside a runtime. The commands are those of
 * Tokio's mini-redis client: GET, SET (with an expiry), DEL, PUBLISH, PING, SUBSCRIBE and UNSUBSCRIBE.
 */
package dev.weft.miniredis.client;
