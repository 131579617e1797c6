package dev.weft.runtime.internal.scheduler;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Idle}'s counters of searching and parked workers, for a scheduler of four workers. */
class IdleTest {

    private final Idle idle = new Idle(4);

    @Test
    void newTracker_hasNoSearcher_andNobodyToWake() {
        assertThat(idle.searchingCount()).isZero();
        assertThat(idle.workerToNotify()).isEqualTo(-1);
    }

    @Test
    void atMostHalfOfTheWorkers_searchAtOnce() {
        assertThat(idle.transitionWorkerToSearching()).isTrue();
        assertThat(idle.transitionWorkerToSearching()).isTrue();

        assertThat(idle.transitionWorkerToSearching()).isFalse();
        assertThat(idle.searchingCount()).isEqualTo(2);
    }

    @Test
    void transitionFromSearching_reportsWhetherTheCallerWasTheLastSearcher() {
        idle.transitionWorkerToSearching();
        idle.transitionWorkerToSearching();

        assertThat(idle.transitionWorkerFromSearching()).isFalse();
        assertThat(idle.transitionWorkerFromSearching()).isTrue();
        assertThat(idle.searchingCount()).isZero();
    }

    @Test
    void transitionToParked_reportsTheLastSearcher_andListsTheWorkerAsParked() {
        idle.transitionWorkerToSearching();

        assertThat(idle.transitionWorkerToParked(2, false)).isFalse();
        assertThat(idle.transitionWorkerToParked(3, true)).isTrue();

        assertThat(idle.isParked(2)).isTrue();
        assertThat(idle.isParked(3)).isTrue();
        assertThat(idle.isParked(0)).isFalse();
        assertThat(idle.searchingCount()).isZero();
    }

    @Test
    void workerToNotify_wakesOneParkedWorker_andCountsItAsSearching() {
        idle.transitionWorkerToParked(1, false);
        idle.transitionWorkerToParked(2, false);

        int woken = idle.workerToNotify();

        assertThat(woken).isIn(1, 2);
        assertThat(idle.isParked(woken)).isFalse();
        assertThat(idle.searchingCount()).isEqualTo(1);
    }

    @Test
    void workerToNotify_wakesNobody_whileAWorkerIsSearching() {
        idle.transitionWorkerToParked(1, false);
        idle.transitionWorkerToSearching();

        assertThat(idle.workerToNotify()).isEqualTo(-1);
        assertThat(idle.isParked(1)).isTrue();
    }

    @Test
    void unparkWorkerById_removesAWorkerThatWokeByItself_countingItUnparkedNotSearching() {
        idle.transitionWorkerToParked(1, false);

        assertThat(idle.unparkWorkerById(1)).isTrue();

        assertThat(idle.isParked(1)).isFalse();
        assertThat(idle.unparkWorkerById(1)).isFalse();
        assertThat(idle.searchingCount()).isZero();
        assertThat(idle.workerToNotify()).as("every worker is unparked again").isEqualTo(-1);
    }

    @Test
    void constructor_rejectsMoreWorkersThanTheCountersHold() {
        assertThatThrownBy(() -> new Idle(65_535))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65535");
    }
}
