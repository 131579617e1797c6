package dev.weft.miniredis.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** How the CLI prints values: quoted text, escaped when it is not plain UTF-8 text. */
class ValueFormatTest {

    private static String quoted(String text) {
        return ValueFormat.quoted(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void utf8Text_isPrintedAsItIs_inQuotes() {
        assertThat(quoted("hello world")).isEqualTo("\"hello world\"");
        assertThat(quoted("grüße ✓")).isEqualTo("\"grüße ✓\"");
        assertThat(quoted("")).isEqualTo("\"\"");
    }

    @Test
    void controlCharactersQuotesAndBackslashes_areEscapedAsRedisCliDoes() {
        assertThat(quoted("one\ntwo")).isEqualTo("\"one\\ntwo\"");
        assertThat(quoted("tab\there")).isEqualTo("\"tab\\there\"");
        assertThat(quoted("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(quoted("C:\\dir")).isEqualTo("\"C:\\\\dir\"");
        assertThat(quoted("bell\u0007\u007f")).isEqualTo("\"bell\\a\\x7f\"");
    }

    @Test
    void bytesThatAreNotUtf8_areEscapedByteByByte() {
        assertThat(ValueFormat.quoted(new byte[] {'a', (byte) 0xff, (byte) 0xc3})).isEqualTo("\"a\\xff\\xc3\"");
    }
}
