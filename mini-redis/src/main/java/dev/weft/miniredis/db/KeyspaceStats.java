package dev.weft.miniredis.db;

/**
 * A snapshot of the keyspace for {@code INFO}: the {@code # Keyspace} line
 * {@code db0:keys=...,expires=...,avg_ttl=...} and the {@code expired_keys} counter.
 *
 * {@snippet :
 * KeyspaceStats stats = db.stats();
 * String line = "db0:keys=" + stats.keys() + ",expires=" + stats.expiring() + ",avg_ttl=" + stats.averageTtlMillis();
 * }
 *
 * @param keys             live keys
 * @param expiring         live keys with a deadline
 * @param averageTtlMillis the mean time left of the keys with a deadline, 0 when there are none
 * @param expiredKeys      keys removed because their deadline passed, since the database was made
 */
public record KeyspaceStats(int keys, int expiring, long averageTtlMillis, long expiredKeys) {
}
