package dev.weft.stream;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.Pollables;
import dev.weft.runtime.internal.poll.Waker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/*
 * Implementation notes.
 *
 * Tokio's StreamMap: streams in an array list (polled by position) plus a key -> position index;
 * removal moves the last stream into the hole (O(1)). Each stream sits in a NextSlot, which keeps the
 * in-flight next() of a stream Weft cannot poll across evaluations and abandons in-place polls at the
 * end of each evaluation (see NextSlot).
 *
 * Fairness: an evaluation polls the streams from `cursor`, the position after the stream that produced
 * the previous value, so every ready stream gets its turn (Tokio draws a random start instead; a
 * rotation is as fair and keeps runs reproducible without a seed). Streams that end are removed after
 * the round that saw them end.
 *
 * Confined to one task at a time (not thread-safe), like the &mut self of Tokio's methods; insert and
 * remove happen between evaluations of next(), never during one.
 */

/**
 * A keyed merge of streams (Tokio's {@code StreamMap}): a stream of {@code key -> value} entries, one
 * for each value any of its streams produces, that lets streams be inserted and removed by key while
 * it is being consumed. A stream that ends is removed. Used for fan-in, such as the channels a pub/sub
 * connection subscribes to.
 *
 * {@snippet :
 * StreamMap<String, Integer> sources = new StreamMap<>();
 * sources.insert("odd", AsyncStream.of(1, 3));
 * sources.insert("even", AsyncStream.of(2));
 * for (Optional<Map.Entry<String, Integer>> next; (next = sources.next().await()).isPresent(); ) {
 *     System.out.println(next.get().getKey() + " " + next.get().getValue());   // odd 1, even 2, odd 3
 * }
 * }
 *
 * <p>{@link #next()} returns empty whenever the map holds no stream; unlike other streams, a
 * {@code StreamMap} can produce values again after that, once a stream is inserted. Fair: each
 * {@code next()} starts polling after the stream that produced the previous value. Keys are compared
 * with {@code equals} and must not be null.
 *
 * <h2>Cancellation</h2>
 * {@code next()} is as cancel-safe as the streams: a cancelled {@code next()} (or one that loses a
 * {@link dev.weft.sync.Select}) abandons its in-place polls of the streams, which lose nothing when
 * they are Weft's cancel-safe operations, and keeps a child task running the {@code next()} of a stream
 * Weft cannot poll until a later call takes its value. Removing a stream aborts such a child task.
 *
 * <p>Not thread-safe: one task at a time uses a {@code StreamMap}.
 *
 * @param <K> the type of the keys
 * @param <V> the type of the streams' values
 */
public final class StreamMap<K, V> implements AsyncStream<Map.Entry<K, V>> {

    private final List<Keyed<K, V>> streams = new ArrayList<>();
    private final Map<K, Integer> positions = new HashMap<>();
    private int cursor;

    /** An empty map. */
    public StreamMap() {
    }

    /**
     * Adds {@code stream} under {@code key}, replacing (and returning) the stream that was there.
     *
     * {@snippet :
     * StreamMap<String, Integer> map = new StreamMap<>();
     * map.insert("a", AsyncStream.of(1));
     * Optional<AsyncStream<Integer>> replaced = map.insert("a", AsyncStream.of(2));   // the first stream
     * }
     *
     * <h4>Cancellation</h4>
     * Does not wait. A replaced stream's pending child task, if any, is aborted.
     *
     * @throws NullPointerException if {@code key} or {@code stream} is null
     */
    @SuppressWarnings("unchecked")
    public Optional<AsyncStream<V>> insert(K key, AsyncStream<? extends V> stream) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(stream, "stream");
        Optional<AsyncStream<V>> replaced = remove(key);
        positions.put(key, streams.size());
        streams.add(new Keyed<>(key, new NextSlot<>((AsyncStream<V>) stream)));
        return replaced;
    }

    /**
     * Removes the stream under {@code key} and returns it, or empty if there was none.
     *
     * {@snippet :
     * StreamMap<String, Integer> map = new StreamMap<>();
     * map.insert("a", AsyncStream.of(1));
     * boolean removed = map.remove("a").isPresent();   // true
     * }
     *
     * <h4>Cancellation</h4>
     * Does not wait. A child task running the stream's pending {@code next()} is aborted, and the
     * value it may have produced is lost.
     */
    public Optional<AsyncStream<V>> remove(Object key) {
        Integer position = positions.remove(key);
        if (position == null) {
            return Optional.empty();
        }
        Keyed<K, V> removed = streams.get(position);
        Keyed<K, V> last = streams.remove(streams.size() - 1);
        if (last != removed) {
            streams.set(position, last);
            positions.put(last.key(), position);
        }
        removed.slot().discard();
        return Optional.of(removed.slot().source());
    }

    /** True when a stream is under {@code key}. */
    public boolean containsKey(Object key) {
        return positions.containsKey(key);
    }

    /** The number of streams. */
    public int size() {
        return streams.size();
    }

    /** True when the map holds no stream. */
    public boolean isEmpty() {
        return streams.isEmpty();
    }

    /** The keys, in no particular order (a copy). */
    public Set<K> keys() {
        return Set.copyOf(positions.keySet());
    }

    /**
     * The next {@code key -> value} entry from whichever stream produces first, or empty when the map
     * holds no stream (see the class notes).
     */
    @Override
    public Async<Optional<Map.Entry<K, V>>> next() {
        return Pollables.async(Step::new);
    }

    /** One evaluation of next(). */
    private final class Step extends StreamStep<Map.Entry<K, V>> {

        @Override
        Optional<Map.Entry<K, V>> advance(Waker waker) {
            List<K> ended = new ArrayList<>(0);
            try {
                int count = streams.size();
                for (int k = 0; k < count; k++) {
                    int position = (cursor + k) % count;
                    Keyed<K, V> keyed = streams.get(position);
                    if (!keyed.slot().poll(waker)) {
                        continue;
                    }
                    Optional<V> value = keyed.slot().take();
                    if (value.isEmpty()) {
                        ended.add(keyed.key());
                    } else {
                        cursor = position + 1;
                        return Optional.of(Map.entry(keyed.key(), value.get()));
                    }
                }
            } finally {
                ended.forEach(StreamMap.this::remove);
            }
            return streams.isEmpty() ? Optional.empty() : null;
        }

        @Override
        void release() {
            for (Keyed<K, V> keyed : streams) {
                keyed.slot().release();
            }
        }
    }

    /** A stream and its key. */
    private record Keyed<K, V>(K key, NextSlot<V> slot) {
    }
}
