package dev.weft.miniredis.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The error code of an error reply: its first word when that is in upper case. */
class RedisErrorExceptionTest {

    @Test
    void code_isTheFirstWord_whenItIsUpperCase() {
        assertThat(new RedisErrorException("ERR syntax error").code()).isEqualTo("ERR");
        assertThat(new RedisErrorException("WRONGTYPE Operation against a key holding the wrong kind of value").code())
                .isEqualTo("WRONGTYPE");
        assertThat(new RedisErrorException("NOPROTO").code()).isEqualTo("NOPROTO");
        assertThat(new RedisErrorException("CROSS_SLOT2 keys").code()).isEqualTo("CROSS_SLOT2");
    }

    @Test
    void code_isEmpty_whenTheReplyHasNone() {
        assertThat(new RedisErrorException("unknown failure").code()).isEmpty();
        assertThat(new RedisErrorException("Err mixed").code()).isEmpty();
        assertThat(new RedisErrorException("").code()).isEmpty();
        assertThat(new RedisErrorException(" ERR leading space").code()).isEmpty();
    }
}
