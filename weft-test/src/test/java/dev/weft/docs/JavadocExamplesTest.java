package dev.weft.docs;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.runtime.RuntimeHandle;
import dev.weft.task.JoinHandle;
import dev.weft.task.JoinSet;
import dev.weft.task.TaskLocal;
import dev.weft.task.TaskScope;
import dev.weft.time.Elapsed;
import dev.weft.time.Interval;
import dev.weft.time.Moment;
import dev.weft.time.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of the public javadoc, run as they are written there, so that they compile and do what
 * the docs say. Keep each in step with the {@code {@snippet}} it mirrors.
 */
@Timeout(30)
class JavadocExamplesTest {

    private static final TaskLocal<String> REQUEST_ID = TaskLocal.named("request-id");

    @Test
    void async_exampleAwaitsTheGreeting() {
        Async<String> greeting = Async.of(() -> "hello");
        String value = AsyncRuntime.run(() -> greeting.await());
        assertThat(value).isEqualTo("hello");
    }

    @Test
    void joinHandle_exampleReturnsTheAnswer() {
        int answer = AsyncRuntime.run(() -> {
            JoinHandle<Integer> handle = Weft.spawn(Async.of(() -> 6 * 7));
            return handle.await();
        });
        assertThat(answer).isEqualTo(42);
    }

    @Test
    void joinSet_exampleSumsTheSquares() {
        int total = AsyncRuntime.run(() -> {
            try (JoinSet<Integer> set = new JoinSet<>()) {
                for (int i = 1; i <= 3; i++) {
                    int n = i;
                    set.spawn(Async.of(() -> n * n));
                }
                int sum = 0;
                while (!set.isEmpty()) {
                    sum += set.joinNext().await();
                }
                return sum;
            }
        });
        assertThat(total).isEqualTo(14);
    }

    @Test
    void taskScope_exampleJoinsBothChildren() {
        String page = AsyncRuntime.run(() -> {
            try (TaskScope scope = TaskScope.open()) {
                JoinHandle<String> header = scope.fork(Async.of(() -> "header"));
                JoinHandle<String> body = scope.fork(Async.of(() -> "body"));
                scope.join().await();
                return header.await() + "/" + body.await();
            }
        });
        assertThat(page).isEqualTo("header/body");
    }

    @Test
    void taskLocal_exampleSeesTheBoundValue() {
        List<String> seen = new ArrayList<>();
        AsyncRuntime.run(() -> {
            REQUEST_ID.scope("req-17", Async.run(() -> seen.add("handling " + REQUEST_ID.get()))).await();
        });
        assertThat(seen).containsExactly("handling req-17");
    }

    @Test
    void runtimeHandle_exampleSpawnsFromAPlainThread() {
        try (AsyncRuntime runtime = AsyncRuntime.builder().multiThread().build()) {
            RuntimeHandle handle = runtime.handle();
            JoinHandle<Integer> task = handle.spawn(Async.of(() -> 42));
            int value = handle.blockOn(task);
            assertThat(value).isEqualTo(42);
        }
    }

    @Test
    void builder_exampleBuildsAConfiguredRuntime() {
        AsyncRuntime runtime = AsyncRuntime.builder()
                .multiThread()
                .workerThreads(4)
                .threadNamePrefix("app-")
                .maxBlockingThreads(64)
                .build();
        try {
            assertThat(runtime.metrics().workers()).hasSize(4);
        } finally {
            runtime.close();
        }
    }

    @Test
    void weft_exampleSpawnsBlockingAndYields() {
        String result = AsyncRuntime.run(() -> {
            JoinHandle<String> task = Weft.spawn(Async.of(() -> "done"));
            JoinHandle<Long> blocking = Weft.spawnBlocking(() -> java.nio.file.Files.size(java.nio.file.Path.of(".")));
            Weft.yieldNow().await();
            return task.await() + " " + blocking.await();
        });
        assertThat(result).startsWith("done ");
    }

    @Test
    void time_exampleSleepsThenGivesUp() {
        List<String> printed = new ArrayList<>();
        AsyncRuntime.run(() -> {
            Time.sleep(Duration.ofMillis(20)).await();
            try {
                Time.timeout(Duration.ofMillis(50), Time.sleep(Duration.ofSeconds(10))).await();
            } catch (Elapsed expected) {
                printed.add("gave up after 50 ms");
            }
        });
        assertThat(printed).containsExactly("gave up after 50 ms");
    }

    @Test
    void moment_exampleMeasuresASleep() {
        Duration took = AsyncRuntime.run(() -> {
            Moment start = Time.now();
            Time.sleep(Duration.ofMillis(10)).await();
            return Time.now().durationSince(start);
        });
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(10));
    }

    @Test
    void interval_exampleTicksEverySecond() {
        try (AsyncRuntime runtime = AsyncRuntime.builder().currentThread().startPaused(true).build()) {
            List<Moment> scheduled = runtime.blockOn(Async.of(() -> {
                Interval everySecond = Time.interval(Duration.ofSeconds(1));
                List<Moment> ticks = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    ticks.add(everySecond.tick().await());
                }
                return ticks;
            }));
            assertThat(scheduled.get(2).durationSince(scheduled.get(0))).isEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void testClock_exampleSleepsAnHourAtOnce() {
        try (AsyncRuntime runtime = AsyncRuntime.builder().currentThread().startPaused(true).build()) {
            runtime.blockOn(Time.sleep(Duration.ofHours(1)));
            assertThat(runtime.metrics().pendingTimers()).isZero();
        }
    }
}
