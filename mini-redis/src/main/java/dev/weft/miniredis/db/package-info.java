/**
 * The keyspace of mini-redis: {@link dev.weft.miniredis.db.Db} (binary-safe {@link dev.weft.miniredis.db.Key}s
 * and values with millisecond deadlines on an {@link dev.weft.miniredis.db.ExpiryClock}, lazy expiry on
 * access) and the {@link dev.weft.miniredis.db.ExpiryPurger} task that removes expired keys in the
 * background. Internal to the module: the server and the commands use it.
 */
package dev.weft.miniredis.db;
