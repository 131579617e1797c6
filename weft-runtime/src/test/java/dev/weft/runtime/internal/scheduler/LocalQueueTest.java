package dev.weft.runtime.internal.scheduler;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The owner's side of {@link LocalQueue} and single-threaded steals. */
class LocalQueueTest {

    private final LocalQueue queue = new LocalQueue();
    private final InjectQueue inject = new InjectQueue();

    private void push(int fromInclusive, int toExclusive) {
        for (int id = fromInclusive; id < toExclusive; id++) {
            queue.pushBack(new NumberedTask(id), inject);
        }
    }

    private static List<Integer> drain(LocalQueue source) {
        List<Integer> ids = new ArrayList<>();
        for (Runnable task; (task = source.pop()) != null; ) {
            ids.add(NumberedTask.idOf(task));
        }
        return ids;
    }

    private List<Integer> drainInject() {
        List<Integer> ids = new ArrayList<>();
        for (Runnable task; (task = inject.poll()) != null; ) {
            ids.add(NumberedTask.idOf(task));
        }
        return ids;
    }

    private static List<Integer> range(int fromInclusive, int toExclusive) {
        return IntStream.range(fromInclusive, toExclusive).boxed().toList();
    }

    @Test
    void pop_onAnEmptyQueue_returnsNull() {
        assertThat(queue.pop()).isNull();
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void pop_returnsTasksInTheOrderTheyWerePushed() {
        push(0, 10);

        assertThat(queue.length()).isEqualTo(10);
        assertThat(drain(queue)).isEqualTo(range(0, 10));
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void ringBuffer_keepsFifoOrder_acrossManyLapsOfItsSlots() {
        List<Integer> popped = new ArrayList<>();
        for (int lap = 0; lap < 10; lap++) {
            push(lap * 200, lap * 200 + 200);
            popped.addAll(drain(queue));
        }

        assertThat(popped).isEqualTo(range(0, 2_000));
        assertThat(inject.isEmpty()).isTrue();
    }

    @Test
    void pushBack_onAFullQueue_movesTheOldestHalfAndTheNewTaskToTheInjectQueue() {
        push(0, LocalQueue.CAPACITY);
        assertThat(queue.remainingCapacity()).isZero();
        assertThat(inject.isEmpty()).isTrue();

        push(LocalQueue.CAPACITY, LocalQueue.CAPACITY + 1);

        int half = LocalQueue.CAPACITY / 2;
        List<Integer> overflow = new ArrayList<>(range(0, half));
        overflow.add(LocalQueue.CAPACITY);
        assertThat(drainInject()).isEqualTo(overflow);
        assertThat(drain(queue)).isEqualTo(range(half, LocalQueue.CAPACITY));
    }

    @Test
    void stealInto_movesTheOldestHalf_andReturnsOneOfThemToRunNow() {
        LocalQueue thief = new LocalQueue();
        push(0, 10);

        Runnable first = queue.stealInto(thief);

        assertThat(first).isEqualTo(new NumberedTask(4));
        assertThat(drain(thief)).isEqualTo(range(0, 4));
        assertThat(drain(queue)).isEqualTo(range(5, 10));
    }

    @Test
    void stealInto_fromAQueueWithOneTask_takesIt() {
        LocalQueue thief = new LocalQueue();
        push(0, 1);

        assertThat(queue.stealInto(thief)).isEqualTo(new NumberedTask(0));
        assertThat(queue.isEmpty()).isTrue();
        assertThat(thief.isEmpty()).isTrue();
    }

    @Test
    void stealInto_fromAnEmptyQueue_returnsNull() {
        assertThat(queue.stealInto(new LocalQueue())).isNull();
    }

    @Test
    void stealInto_aDestinationMoreThanHalfFull_stealsNothing() {
        LocalQueue thief = new LocalQueue();
        for (int id = 0; id < LocalQueue.CAPACITY / 2 + 1; id++) {
            thief.pushBack(new NumberedTask(-1), inject);
        }
        push(0, 10);

        assertThat(queue.stealInto(thief)).isNull();
        assertThat(queue.length()).isEqualTo(10);
    }
}
