package dev.weft.sync;

import dev.weft.Async;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code receive(timeout)} of the channels whose receive yields an {@code Optional} (empty once
 * closed): an attempt that does not wait, then the cancel-safe receive under {@link Time#timeout}. A
 * deadline that passes cancels the receive, which has then taken nothing.
 */
final class TimedReceive {

    private TimedReceive() {
    }

    static <T> Async<ReceiveResult<T>> of(Duration timeout, Supplier<ReceiveResult<T>> attempt,
                                          Async<Optional<T>> receive) {
        Async<Optional<T>> timed = Time.timeout(timeout, receive);
        return Async.of(() -> {
            ReceiveResult<T> now = attempt.get();
            if (!(now instanceof ReceiveResult.Empty)) {
                return now;
            }
            try {
                Optional<T> value = timed.await();
                return value.isPresent() ? new ReceiveResult.Received<>(value.get()) : ReceiveResult.disconnected();
            } catch (Elapsed elapsed) {
                return now;
            }
        });
    }
}
