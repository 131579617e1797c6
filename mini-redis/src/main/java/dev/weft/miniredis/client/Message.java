package dev.weft.miniredis.client;

import dev.weft.miniredis.frame.Printable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message published on a channel a {@link Subscriber} is subscribed to. The content is binary-safe:
 * the exact bytes the publisher sent.
 *
 * {@snippet :
 * Optional<Message> next = subscriber.nextMessage().await();
 * next.ifPresent(message -> System.out.println(message.channel() + ": " + message.contentUtf8()));
 * }
 *
 * @param channel the channel it was published on
 * @param content the message's bytes; the array belongs to the message and is not copied
 */
public record Message(String channel, byte[] content) {

    /** @throws NullPointerException if an argument is null */
    public Message {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(content, "content");
    }

    /** The content decoded as UTF-8 (malformed sequences become U+FFFD). */
    public String contentUtf8() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** Equal when the channels are equal and the contents hold the same bytes. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Message message && channel.equals(message.channel)
                && Arrays.equals(content, message.content);
    }

    @Override
    public int hashCode() {
        return 31 * channel.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Message[channel=" + channel + ", content=" + Printable.of(content) + "]";
    }
}
