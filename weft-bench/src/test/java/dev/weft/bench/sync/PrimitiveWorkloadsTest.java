package dev.weft.bench.sync;

import dev.weft.bench.peer.FreshPeers;
import dev.weft.bench.peer.PeerKind;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every workload of {@code bin/bench sync}'s primitives table, run once on every column (Weft's two
 * flavours, the JDK with fair and with non-fair primitives): each completes and counts what it should.
 * The workloads check on their own that the primitive excluded what it must (no more holders than
 * permits, no reader beside a writer) and that every permit came back, and fail if not.
 */
@Timeout(60)
class PrimitiveWorkloadsTest {

    static List<Named<PrimitiveWorkload>> workloads() {
        return SyncComparison.workloads().stream().map(workload -> Named.of(workload.name(), workload)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    void workload_countsExpectedOperations_onEveryColumn(PrimitiveWorkload workload) {
        FreshPeers.use(List.of(PeerKind.values()), peers -> {
            List<Seat> seats = Seat.on(peers);
            assertThat(seats).extracting(Seat::contestant).containsExactlyElementsOf(Seat.columns());
            for (Seat seat : seats) {
                assertThat(workload.run(seat).count()).as(workload.name() + " on " + seat.contestant().label())
                        .isEqualTo(workload.expectedCount());
            }
            return null;
        });
    }

    @Test
    void workloads_haveDistinctNames_andPositiveCounts() {
        List<PrimitiveWorkload> workloads = SyncComparison.workloads();
        assertThat(workloads).extracting(PrimitiveWorkload::name).doesNotHaveDuplicates()
                .contains("semaphore_uncontended", "semaphore_contended", "rwlock_read_uncontended",
                        "rwlock_read_contended", "rwlock_read_write_contended", "notify_one_500",
                        "notify_waiters_10");
        assertThat(workloads).allSatisfy(workload -> assertThat(workload.expectedCount()).isPositive());
    }
}
