package dev.weft.sync.tests;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.sync.CancellationToken;
import dev.weft.task.CancelledException;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncAssertions;
import dev.weft.test.AsyncTest;
import dev.weft.time.Time;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CancellationToken semantics, on every flavour. */
class CancellationTokenTest {

    @AsyncTest(everyFlavor = true)
    void cancel_wakesEveryTaskAwaitingCancelled() {
        CancellationToken token = new CancellationToken();
        List<JoinHandle<Void>> waiters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JoinHandle<Void> waiter = Waiting.spawnParked(token.cancelled());
            waiters.add(waiter);
        }
        assertThat(token.isCancelled()).isFalse();
        token.cancel();
        assertThat(token.isCancelled()).isTrue();
        for (JoinHandle<Void> waiter : waiters) {
            waiter.await();
        }
        token.cancelled().await();
    }

    @AsyncTest(everyFlavor = true)
    void cancellingAParent_cancelsItsDescendants_butNotTheReverse() {
        CancellationToken root = new CancellationToken();
        CancellationToken child = root.child();
        CancellationToken grandchild = child.child();
        CancellationToken sibling = root.child();
        assertThat(grandchild.parent()).contains(child);

        JoinHandle<Void> waiter = Waiting.spawnParked(grandchild.cancelled());
        sibling.cancel();
        assertThat(root.isCancelled()).isFalse();
        assertThat(child.isCancelled()).isFalse();

        root.cancel();
        waiter.await();
        assertThat(child.isCancelled()).isTrue();
        assertThat(grandchild.isCancelled()).isTrue();
    }

    @Test
    void theChildOfACancelledToken_startsCancelled() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThat(token.child().isCancelled()).isTrue();
    }

    @Test
    void aDroppedChild_isNotKeptAliveByItsParent() {
        CancellationToken root = new CancellationToken();
        WeakReference<CancellationToken> dropped = new WeakReference<>(root.child());
        for (int attempt = 0; attempt < 50 && dropped.get() != null; attempt++) {
            System.gc();
            root.child();
        }
        assertThat(dropped.get()).isNull();
        root.cancel();
    }

    @Test
    void aChildReachableOnlyThroughItsOwnChild_isStillCancelledByTheRoot() {
        CancellationToken root = new CancellationToken();
        CancellationToken grandchild = root.child().child();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        root.cancel();
        assertThat(grandchild.isCancelled()).isTrue();
    }

    @AsyncTest(startPaused = true)
    void runUntilCancelled_cancelsTheOperation_whichHasUnwoundWhenItReturnsEmpty() {
        CancellationToken token = new CancellationToken();
        AtomicBoolean unwound = new AtomicBoolean();
        Weft.spawn(Async.run(() -> {
            Time.sleep(Duration.ofSeconds(1)).await();
            token.cancel();
        }));
        Optional<String> result = token.runUntilCancelled(Async.of(() -> {
            try {
                Time.sleep(Duration.ofHours(1)).await();
                return "finished";
            } finally {
                unwound.set(true);
            }
        })).await();
        assertThat(result).isEmpty();
        assertThat(unwound).isTrue();
    }

    @AsyncTest(everyFlavor = true)
    void runUntilCancelled_returnsTheValueOfAnOperationThatFinishesFirst() {
        CancellationToken token = new CancellationToken();
        assertThat(token.runUntilCancelled(Async.of(() -> 42)).await()).contains(42);
        token.cancel();
        assertThat(token.runUntilCancelled(Async.of(() -> 42)).await()).isEmpty();
    }

    @AsyncTest(everyFlavor = true)
    void runUntilCancelled_inAnAbortedTask_throwsCancelled() {
        CancellationToken token = new CancellationToken();
        JoinHandle<Optional<Void>> task = Waiting.spawnParked(token.runUntilCancelled(new CancellationToken().cancelled()));
        task.abort();
        AsyncAssertions.assertCancelled(task);
        assertThat(token.isCancelled()).isFalse();
    }

    @AsyncTest(everyFlavor = true)
    void anAbortedWaiter_leavesTheTokenUsable() {
        CancellationToken token = new CancellationToken();
        JoinHandle<Void> waiter = Waiting.spawnParked(token.cancelled());
        waiter.abort();
        assertThatThrownBy(waiter::await).isInstanceOf(CancelledException.class);
        JoinHandle<Void> next = Waiting.spawnParked(token.cancelled());
        token.cancel();
        next.await();
    }

    @Test
    void dropGuard_cancelsOnClose_unlessDisarmed() {
        CancellationToken token = new CancellationToken();
        try (CancellationToken.DropGuard guard = token.dropGuard()) {
            assertThat(token.isCancelled()).isFalse();
        }
        assertThat(token.isCancelled()).isTrue();

        CancellationToken kept = new CancellationToken();
        try (CancellationToken.DropGuard guard = kept.dropGuard()) {
            assertThat(guard.disarm()).isSameAs(kept);
            assertThatThrownBy(guard::disarm).isInstanceOf(IllegalStateException.class);
        }
        assertThat(kept.isCancelled()).isFalse();
    }

    @Test
    void aLongChainOfChildren_isCancelledWithoutDeepRecursion() {
        CancellationToken root = new CancellationToken();
        CancellationToken leaf = root;
        List<CancellationToken> chain = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            leaf = leaf.child();
            chain.add(leaf);
        }
        root.cancel();
        assertThat(chain).allMatch(CancellationToken::isCancelled);
    }
}
