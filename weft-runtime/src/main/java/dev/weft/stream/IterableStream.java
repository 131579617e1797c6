package dev.weft.stream;

import dev.weft.Async;

import java.util.Iterator;
import java.util.Optional;

/** The elements of an iterator as a stream whose {@code next()} never waits. Owned by its consumer. */
final class IterableStream<T> implements AsyncStream<T> {

    private final Iterator<? extends T> elements;
    private final Async<Optional<T>> next;

    IterableStream(Iterator<? extends T> elements) {
        this.elements = elements;
        this.next = new Immediate<>(this::advance);
    }

    @Override
    public Async<Optional<T>> next() {
        return next;
    }

    private Optional<T> advance() {
        return elements.hasNext() ? Optional.of(elements.next()) : Optional.empty();
    }
}
