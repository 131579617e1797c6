package dev.weft.runtime.internal.poll;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitListTest {

    private static final class Node extends WaitNode {
        final int id;

        Node(int id) {
            this.id = id;
        }

        @Override
        public String toString() {
            return "Node" + id;
        }
    }

    private static List<Node> drained(WaitList<Node> list) {
        List<Node> nodes = new ArrayList<>();
        list.drain(nodes::add);
        return nodes;
    }

    @Test
    void pollFirst_returnsTheNodesInTheOrderTheyWereAdded() {
        WaitList<Node> list = new WaitList<>();
        Node a = new Node(1);
        Node b = new Node(2);
        Node c = new Node(3);
        list.addLast(a);
        list.addLast(b);
        list.addLast(c);
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.peekFirst()).isSameAs(a);
        assertThat(list.pollFirst()).isSameAs(a);
        assertThat(list.pollFirst()).isSameAs(b);
        assertThat(list.pollFirst()).isSameAs(c);
        assertThat(list.pollFirst()).isNull();
        assertThat(list.isEmpty()).isTrue();
    }

    @Test
    void remove_unlinksTheHeadTheMiddleOrTheTail_inConstantTime() {
        WaitList<Node> list = new WaitList<>();
        Node[] nodes = {new Node(0), new Node(1), new Node(2), new Node(3), new Node(4)};
        for (Node node : nodes) {
            list.addLast(node);
        }
        assertThat(list.remove(nodes[2])).isTrue();
        assertThat(list.remove(nodes[0])).isTrue();
        assertThat(list.remove(nodes[4])).isTrue();
        assertThat(nodes[2].isQueued()).isFalse();
        assertThat(drained(list)).containsExactly(nodes[1], nodes[3]);
    }

    @Test
    void remove_ofANodeThatIsNotQueued_returnsFalse_andChangesNothing() {
        WaitList<Node> list = new WaitList<>();
        Node queued = new Node(1);
        list.addLast(queued);
        Node stranger = new Node(2);
        assertThat(list.remove(stranger)).isFalse();
        assertThat(list.remove(queued)).isTrue();
        assertThat(list.remove(queued)).isFalse();
        assertThat(list.size()).isZero();
    }

    @Test
    void addLast_ofAQueuedNode_isRefused() {
        WaitList<Node> list = new WaitList<>();
        Node node = new Node(1);
        list.addLast(node);
        assertThatThrownBy(() -> list.addLast(node)).isInstanceOf(IllegalStateException.class);
        assertThat(list.size()).isEqualTo(1);
    }

    @Test
    void aRemovedNode_canBeQueuedAgain_atTheBack() {
        WaitList<Node> list = new WaitList<>();
        Node first = new Node(1);
        Node second = new Node(2);
        list.addLast(first);
        list.addLast(second);
        list.remove(first);
        list.addLast(first);
        assertThat(drained(list)).containsExactly(second, first);
    }

    @Test
    void drain_handsEveryNodeOver_oldestFirst_andLeavesThemUnqueued() {
        WaitList<Node> list = new WaitList<>();
        List<Node> added = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Node node = new Node(i);
            added.add(node);
            list.addLast(node);
        }
        assertThat(drained(list)).containsExactlyElementsOf(added);
        assertThat(added).noneMatch(WaitNode::isQueued);
        assertThat(list.isEmpty()).isTrue();
    }

    @Test
    void wake_callsTheLatestWaker() {
        Node node = new Node(1);
        node.wake();
        int[] woken = new int[2];
        node.setWaker(() -> woken[0]++);
        node.setWaker(() -> woken[1]++);
        node.wake();
        assertThat(woken).containsExactly(0, 1);
    }

    @RepeatedTest(20)
    void randomOperations_matchALinkedListModel(RepetitionInfo repetition) {
        long seed = 7_919L * repetition.getCurrentRepetition();
        SplittableRandom random = new SplittableRandom(seed);
        WaitList<Node> list = new WaitList<>();
        LinkedList<Node> model = new LinkedList<>();
        Node[] nodes = new Node[16];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = new Node(i);
        }
        for (int step = 0; step < 2_000; step++) {
            Node node = nodes[random.nextInt(nodes.length)];
            switch (random.nextInt(3)) {
                case 0 -> {
                    if (!node.isQueued()) {
                        list.addLast(node);
                        model.addLast(node);
                    }
                }
                case 1 -> assertThat(list.remove(node)).as("seed %d step %d", seed, step).isEqualTo(model.remove(node));
                default -> assertThat(list.pollFirst()).as("seed %d step %d", seed, step).isSameAs(model.pollFirst());
            }
            assertThat(list.size()).as("seed %d step %d", seed, step).isEqualTo(model.size());
            assertThat(list.peekFirst()).as("seed %d step %d", seed, step).isSameAs(model.peekFirst());
        }
        assertThat(drained(list)).as("seed %d", seed).containsExactlyElementsOf(model);
    }
}
