package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unknown commands and their exact Redis 7.0.15 messages, case, and the pub/sub commands' parsing. */
class CommandParsingTest {

    private final Connection redis = new Connection();

    @Test
    void unknownCommand_quotesTheNameAndTheFirstArguments_asRedisDoes() {
        assertThat(redis.send("foo")).isEqualTo("-ERR unknown command 'foo', with args beginning with: \r\n");
        assertThat(redis.send("foo", "a", "b")).isEqualTo("-ERR unknown command 'foo', with args beginning with: 'a' 'b' \r\n");
        assertThat(redis.send("FOO", "a\r\nb")).isEqualTo("-ERR unknown command 'FOO', with args beginning with: 'a  b' \r\n");
        assertThat(redis.send("", "x")).isEqualTo("-ERR unknown command '', with args beginning with: 'x' \r\n");
        assertThat(redis.send("x".repeat(200), "a")).isEqualTo("-ERR unknown command '" + "x".repeat(128)
                + "', with args beginning with: 'a' \r\n");
        assertThat(redis.send("foo", "a".repeat(130), "b")).isEqualTo(
                "-ERR unknown command 'foo', with args beginning with: '" + "a".repeat(128) + "' \r\n");
        assertThat(redis.send("foo", "a".repeat(100), "b".repeat(100), "c")).isEqualTo(
                "-ERR unknown command 'foo', with args beginning with: '" + "a".repeat(100) + "' '" + "b".repeat(25) + "' \r\n");
        assertThat(redis.send("foo", "a".repeat(125), "b")).isEqualTo(
                "-ERR unknown command 'foo', with args beginning with: '" + "a".repeat(125) + "' \r\n");
        assertThat(redis.send("foo", "a".repeat(124), "b")).isEqualTo(
                "-ERR unknown command 'foo', with args beginning with: '" + "a".repeat(124) + "' 'b' \r\n");
    }

    @Test
    void unknownCommand_stopsQuotingAtANulByte_asCsPrintfDoes() {
        byte[] name = {'f', 0, 'o'};
        assertThat(redis.sendBytes(name, "a\0b".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("-ERR unknown command 'f', with args beginning with: 'a' \r\n");
    }

    @Test
    void commandNames_ignoreCase() {
        assertThat(redis.send("pInG")).isEqualTo("+PONG\r\n");
        assertThat(redis.send("cOnFiG", "gEt", "SAVE")).isEqualTo("*2\r\n$4\r\nSAVE\r\n$0\r\n\r\n");
    }

    @Test
    void emptyRequests_areNotCommands() {
        assertThatThrownBy(() -> Commands.parse(Frame.EMPTY_ARRAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Commands.parse(Frame.array(Frame.integer(1)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pubSubCommands_areParsedForTheConnection() {
        assertThat(redis.parse("SUBSCRIBE", "a", "b")).isInstanceOfSatisfying(Subscribe.class, subscribe -> {
            assertThat(subscribe.patterns()).isFalse();
            assertThat(subscribe.channels()).extracting(String::new).containsExactly("a", "b");
        });
        assertThat(redis.parse("PSUBSCRIBE", "n*")).isInstanceOfSatisfying(Subscribe.class, subscribe -> assertThat(subscribe.patterns()).isTrue());
        assertThat(redis.parse("UNSUBSCRIBE")).isInstanceOfSatisfying(Unsubscribe.class, unsubscribe -> {
            assertThat(unsubscribe.channels()).isEmpty();
            assertThat(unsubscribe.patterns()).isFalse();
        });
        assertThat(redis.parse("PUNSUBSCRIBE", "n*")).isInstanceOfSatisfying(Unsubscribe.class, unsubscribe -> assertThat(unsubscribe.patterns()).isTrue());
        assertThat(redis.parse("PUBLISH", "news", "hi")).isInstanceOfSatisfying(Publish.class,
                publish -> assertThat(List.of(new String(publish.channel()), new String(publish.message()))).containsExactly("news", "hi"));
        for (String[] wrong : new String[][] {{"PUBLISH", "news"}, {"SUBSCRIBE"}, {"PSUBSCRIBE"}}) {
            assertThatThrownBy(() -> redis.parse(wrong)).isInstanceOf(CommandException.class)
                    .hasMessage("ERR wrong number of arguments for '" + wrong[0].toLowerCase() + "' command");
        }
    }
}
