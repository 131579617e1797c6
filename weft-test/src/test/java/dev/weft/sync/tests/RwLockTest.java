package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.sync.RwLock;
import dev.weft.sync.RwLockReadGuard;
import dev.weft.sync.RwLockWriteGuard;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncAssertions;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RwLock semantics, on every flavour. */
class RwLockTest {

    @AsyncTest(everyFlavor = true)
    void manyReaders_holdTheLockAtOnce_andAWriterWaitsForThemAll() {
        RwLock<String> lock = new RwLock<>("v1");
        RwLockReadGuard<String> first = lock.read().await();
        RwLockReadGuard<String> second = lock.read().await();
        assertThat(first.get()).isEqualTo("v1");
        assertThat(lock.tryWrite()).isEmpty();
        JoinHandle<Void> writer = Waiting.spawnParked(Async.run(() -> {
            try (RwLockWriteGuard<String> write = lock.write().await()) {
                write.set("v2");
            }
        }));
        first.close();
        AsyncAssertions.assertPending(writer);
        second.close();
        writer.await();
        try (RwLockReadGuard<String> read = lock.read().await()) {
            assertThat(read.get()).isEqualTo("v2");
        }
    }

    @AsyncTest(everyFlavor = true)
    void aWaitingWriter_holdsBackReadersThatArriveAfterIt() {
        RwLock<Integer> lock = new RwLock<>(0);
        RwLockReadGuard<Integer> reader = lock.read().await();
        JoinHandle<Void> writer = Waiting.spawnParked(Async.run(() -> {
            try (RwLockWriteGuard<Integer> write = lock.write().await()) {
                write.set(1);
            }
        }));
        assertThat(lock.tryRead()).isEmpty();
        JoinHandle<Integer> lateReader = Waiting.spawnParked(Async.of(() -> {
            try (RwLockReadGuard<Integer> read = lock.read().await()) {
                return read.get();
            }
        }));
        reader.close();
        assertThat(lateReader.await()).isEqualTo(1);
        writer.await();
    }

    @AsyncTest(everyFlavor = true)
    void maxReaders_limitsHowManyReadAtOnce() {
        RwLock<Integer> lock = new RwLock<>(0, 2);
        assertThat(lock.maxReaders()).isEqualTo(2);
        RwLockReadGuard<Integer> first = lock.read().await();
        RwLockReadGuard<Integer> second = lock.read().await();
        assertThat(lock.tryRead()).isEmpty();
        JoinHandle<RwLockReadGuard<Integer>> third = Waiting.spawnParked(lock.read());
        first.close();
        third.await().close();
        second.close();
        assertThat(lock.tryWrite()).isPresent();
    }

    @AsyncTest(everyFlavor = true)
    void downgrade_keepsWritersOut_andLetsWaitingReadersIn() {
        RwLock<String> lock = new RwLock<>("a");
        RwLockWriteGuard<String> write = lock.write().await();
        write.set("b");
        JoinHandle<String> reader = Waiting.spawnParked(Async.of(() -> {
            try (RwLockReadGuard<String> read = lock.read().await()) {
                return read.get();
            }
        }));
        RwLockReadGuard<String> read = write.downgrade();
        assertThatThrownBy(write::get).isInstanceOf(IllegalStateException.class);
        assertThat(reader.await()).isEqualTo("b");
        assertThat(lock.tryWrite()).isEmpty();
        read.close();
        assertThat(lock.tryWrite()).isPresent();
    }

    @AsyncTest(everyFlavor = true)
    void anAbortedWriter_givesBackTheReaderSharesItCollected() {
        RwLock<Integer> lock = new RwLock<>(0, 3);
        RwLockReadGuard<Integer> reader = lock.read().await();
        JoinHandle<RwLockWriteGuard<Integer>> writer = Waiting.spawnParked(lock.write());
        JoinHandle<RwLockReadGuard<Integer>> lateReader = Waiting.spawnParked(lock.read());
        writer.abort();
        AsyncAssertions.assertCancelled(writer);
        lateReader.await().close();
        reader.close();
        assertThat(lock.tryWrite()).isPresent();
    }

    @AsyncTest(startPaused = true)
    void timedReadAndWrite_elapseWhileTheOtherSideHoldsTheLock() {
        RwLock<Integer> lock = new RwLock<>(0);
        try (RwLockWriteGuard<Integer> write = lock.write().await()) {
            assertThatThrownBy(() -> lock.read(Duration.ofSeconds(1)).await()).isInstanceOf(Elapsed.class);
        }
        try (RwLockReadGuard<Integer> read = lock.read(Duration.ofSeconds(1)).await()) {
            assertThatThrownBy(() -> lock.write(Duration.ofSeconds(1)).await()).isInstanceOf(Elapsed.class);
        }
        lock.write(Duration.ZERO).await().close();
    }

    @AsyncTest(everyFlavor = true)
    void readersAndWriters_neverOverlap() {
        RwLock<int[]> lock = new RwLock<>(new int[2], 4);
        List<JoinHandle<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            boolean writer = t % 4 == 0;
            tasks.add(Weft.spawn(Async.run(() -> {
                for (int i = 0; i < 50; i++) {
                    if (writer) {
                        try (RwLockWriteGuard<int[]> write = lock.write().await()) {
                            write.get()[0]++;
                            Weft.yieldNow().await();
                            write.get()[1]++;
                        }
                    } else {
                        try (RwLockReadGuard<int[]> read = lock.read().await()) {
                            int before = read.get()[0];
                            Weft.yieldNow().await();
                            assertThat(read.get()[1]).isEqualTo(before);
                            assertThat(read.get()[0]).isEqualTo(before);
                        }
                    }
                }
            })));
        }
        for (JoinHandle<Void> task : tasks) {
            task.await();
        }
        assertThat(lock.tryRead().orElseThrow().get()).containsExactly(200, 200);
    }

    @Test
    void maxReaders_mustBePositive() {
        assertThatThrownBy(() -> new RwLock<>(0, 0)).hasMessage("maxReaders <= 0: 0");
    }

    @Test
    void blockingReadAndWrite_workOnAPlatformThread() throws Exception {
        RwLock<Integer> lock = new RwLock<>(1);
        try (RwLockWriteGuard<Integer> write = lock.blockingWrite()) {
            write.set(2);
        }
        try (RwLockReadGuard<Integer> read = lock.blockingRead()) {
            assertThat(read.get()).isEqualTo(2);
        }
    }
}
