/**
 * Pull-based asynchronous streams ({@code AsyncStream}: {@code next()} returns an
 * {@code Async<Optional<T>>}), their operators, {@code StreamMap}, and adapters to and from
 * {@link java.util.concurrent.Flow} (Tokio's {@code tokio_stream}).
 */
package dev.weft.stream;
