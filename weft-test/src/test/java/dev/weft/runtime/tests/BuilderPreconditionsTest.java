package dev.weft.runtime.tests;

import dev.weft.runtime.AsyncRuntime;
import dev.weft.runtime.AsyncRuntimeBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invalid settings are refused at once, with a message that states the rule and the value. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BuilderPreconditionsTest {

    private final AsyncRuntimeBuilder builder = AsyncRuntime.builder();

    @Test
    void workerThreads_outsideOneTo32767_isRefused() {
        assertThatThrownBy(() -> builder.workerThreads(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workerThreads")
                .hasMessageEndingWith(": 0");
        assertThatThrownBy(() -> builder.workerThreads(32_768))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith(": 32768");
    }

    @Test
    void maxBlockingThreads_belowOne_isRefused() {
        assertThatThrownBy(() -> builder.maxBlockingThreads(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxBlockingThreads < 1: 0");
    }

    @Test
    void budget_belowOne_isRefused() {
        assertThatThrownBy(() -> builder.budget(-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("budget < 1: -3");
    }

    @Test
    void blockingKeepAlive_thatIsNotPositive_isRefused() {
        assertThatThrownBy(() -> builder.blockingKeepAlive(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
    }

    @Test
    void negativeShutdownTimeouts_areRefused() {
        Duration negative = Duration.ofSeconds(-1);
        assertThatThrownBy(() -> builder.shutdownTimeout(negative))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
        try (AsyncRuntime runtime = builder.build()) {
            assertThatThrownBy(() -> runtime.shutdown(negative))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
        }
    }

    @Test
    void nullSettings_areRefused() {
        assertThatThrownBy(() -> builder.flavor(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.threadNamePrefix(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.onThreadStart(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.unhandledFailureHandler(null)).isInstanceOf(NullPointerException.class);
    }
}
