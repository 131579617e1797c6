package dev.weft.miniredis.server;

import dev.weft.miniredis.frame.ProtocolLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The configuration's defaults (Redis's) and its preconditions. */
class ServerConfigTest {

    @Test
    void defaults_areRedisOnes() {
        ServerConfig config = ServerConfig.defaults();
        assertThat(config.bind()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(6379);
        assertThat(config.maxConnections()).isEqualTo(10_000);
        assertThat(config.limits()).isEqualTo(ProtocolLimits.DEFAULT);
        assertThat(config.limits().maxBulkLength()).isEqualTo(512L * 1024 * 1024);
        assertThat(config.pubSubOutputLimit()).isEqualTo(32L * 1024 * 1024);
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.workerThreads()).isZero();
    }

    @Test
    void invalidSettings_areRefusedWithTheRuleAndTheValue() {
        assertThatThrownBy(() -> ServerConfig.builder().port(65_536).build()).hasMessage("port not in 0..65535: 65536");
        assertThatThrownBy(() -> ServerConfig.builder().port(-1).build()).hasMessage("port not in 0..65535: -1");
        assertThatThrownBy(() -> ServerConfig.builder().maxConnections(0).build()).hasMessage("maxConnections <= 0: 0");
        assertThatThrownBy(() -> ServerConfig.builder().pubSubOutputLimit(0).build()).hasMessage("pubSubOutputLimit <= 0: 0");
        assertThatThrownBy(() -> ServerConfig.builder().shutdownTimeout(Duration.ofSeconds(-1)).build())
                .hasMessage("shutdownTimeout < 0: PT-1S");
        assertThatThrownBy(() -> ServerConfig.builder().workerThreads(-2).build()).hasMessage("workerThreads < 0: -2");
        assertThatThrownBy(() -> ServerConfig.builder().bind(null).build()).isInstanceOf(NullPointerException.class);
    }
}
