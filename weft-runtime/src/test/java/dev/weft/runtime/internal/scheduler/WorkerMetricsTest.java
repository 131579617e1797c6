package dev.weft.runtime.internal.scheduler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** The sampling that lets a monitor see how long a worker has been inside one task run. */
@Timeout(10)
class WorkerMetricsTest {

    private final WorkerMetrics metrics = new WorkerMetrics(3);

    @Test
    void nanosInCurrentTask_whenIdle_isZero() {
        assertThat(metrics.nanosInCurrentTask(1_000)).isZero();
        assertThat(metrics.nanosInCurrentTask(5_000)).isZero();
    }

    @Test
    void nanosInCurrentTask_whenTheSameRunLastsAcrossSamples_growsFromTheFirstSample() {
        metrics.beginPoll();
        assertThat(metrics.nanosInCurrentTask(1_000)).isZero();
        assertThat(metrics.nanosInCurrentTask(4_000)).isEqualTo(3_000);
        assertThat(metrics.nanosInCurrentTask(9_000)).isEqualTo(8_000);
    }

    @Test
    void nanosInCurrentTask_afterProgressToANewRun_restartsFromZero() {
        metrics.beginPoll();
        metrics.nanosInCurrentTask(1_000);
        metrics.endPoll();
        metrics.beginPoll();
        assertThat(metrics.nanosInCurrentTask(50_000)).isZero();
        assertThat(metrics.nanosInCurrentTask(60_000)).isEqualTo(10_000);
    }

    @Test
    void nanosInCurrentTask_afterTheRunEnds_isZero() {
        metrics.beginPoll();
        metrics.nanosInCurrentTask(1_000);
        metrics.endPoll();
        assertThat(metrics.nanosInCurrentTask(2_000)).isZero();
    }

    @Test
    void snapshot_reportsTheCounters() {
        metrics.beginPoll();
        metrics.endPoll();
        metrics.recordSteal(5);
        metrics.recordPark();
        metrics.recordLifoPoll();
        metrics.recordOverflow();
        assertThat(metrics.snapshot()).satisfies(stats -> {
            assertThat(stats.worker()).isEqualTo(3);
            assertThat(stats.polls()).isEqualTo(1);
            assertThat(stats.steals()).isEqualTo(1);
            assertThat(stats.stolenTasks()).isEqualTo(5);
            assertThat(stats.parks()).isEqualTo(1);
            assertThat(stats.lifoPolls()).isEqualTo(1);
            assertThat(stats.overflows()).isEqualTo(1);
        });
    }
}
