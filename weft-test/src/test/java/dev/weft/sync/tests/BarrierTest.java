package dev.weft.sync.tests;

import dev.weft.Weft;
import dev.weft.sync.Barrier;
import dev.weft.sync.BarrierResult;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncAssertions;
import dev.weft.test.AsyncTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Barrier semantics, on every flavour. */
class BarrierTest {

    @AsyncTest(everyFlavor = true)
    void theBarrier_opensWhenTheLastPartyArrives_andExactlyOneIsTheLeader() {
        Barrier barrier = new Barrier(4);
        List<JoinHandle<BarrierResult>> early = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JoinHandle<BarrierResult> party = Waiting.spawnParked(barrier.arrive());
            early.add(party);
        }
        assertThat(barrier.waiting()).isEqualTo(3);
        BarrierResult last = barrier.arrive().await();
        assertThat(last.isLeader()).isTrue();
        for (JoinHandle<BarrierResult> party : early) {
            assertThat(party.await().isLeader()).isFalse();
        }
    }

    @AsyncTest(everyFlavor = true)
    void theBarrier_isReusable_generationAfterGeneration() {
        Barrier barrier = new Barrier(3);
        for (int generation = 0; generation < 20; generation++) {
            List<JoinHandle<BarrierResult>> parties = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                parties.add(Weft.spawn(barrier.arrive()));
            }
            int leaders = 0;
            for (JoinHandle<BarrierResult> party : parties) {
                leaders += party.await().isLeader() ? 1 : 0;
            }
            assertThat(leaders).as("generation %d", generation).isEqualTo(1);
        }
        assertThat(barrier.waiting()).isZero();
    }

    @AsyncTest(everyFlavor = true)
    void anArrivalCancelledWhileWaiting_isWithdrawn() {
        Barrier barrier = new Barrier(2);
        JoinHandle<BarrierResult> withdrawn = Waiting.spawnParked(barrier.arrive());
        withdrawn.abort();
        AsyncAssertions.assertCancelled(withdrawn);
        assertThat(barrier.waiting()).isZero();
        JoinHandle<BarrierResult> first = Waiting.spawnParked(barrier.arrive());
        assertThat(barrier.arrive().await().isLeader()).isTrue();
        assertThat(first.await().isLeader()).isFalse();
    }

    @AsyncTest(everyFlavor = true)
    void aBarrierOfOne_opensOnEveryArrival() {
        Barrier barrier = new Barrier(1);
        assertThat(barrier.arrive().await().isLeader()).isTrue();
        assertThat(barrier.arrive().await().isLeader()).isTrue();
    }

    @Test
    void parties_mustBePositive() {
        assertThatThrownBy(() -> new Barrier(0)).hasMessage("parties <= 0: 0");
    }
}
