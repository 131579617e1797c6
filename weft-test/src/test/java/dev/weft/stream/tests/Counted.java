package dev.weft.stream.tests;

import dev.weft.stream.AsyncStream;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Test sources that count how far they were pulled. */
final class Counted {

    private Counted() {
    }

    /** 1, 2, 3, ... without end, counting in {@code pulled} how many values were taken. */
    static AsyncStream<Integer> naturals(AtomicInteger pulled) {
        Iterator<Integer> numbers = Stream.iterate(1, n -> n + 1).peek(n -> pulled.incrementAndGet()).iterator();
        return AsyncStream.fromIterable(() -> numbers);
    }
}
