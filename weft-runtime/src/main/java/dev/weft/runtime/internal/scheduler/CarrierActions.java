package dev.weft.runtime.internal.scheduler;

import java.util.Arrays;

/**
 * Actions a task leaves to its carrier thread, run by the carrier when the task unmounts (see
 * TaskScheduler.deferToCarrier). Owned by one carrier: the task adds while mounted on it, the carrier
 * runs them after the task's run returns, on the same platform thread, so no synchronization is needed.
 * An action already pending is not added twice.
 */
final class CarrierActions {

    private Runnable[] actions = new Runnable[2];
    private int size;

    void add(Runnable action) {
        for (int i = 0; i < size; i++) {
            if (actions[i] == action) {
                return;
            }
        }
        if (size == actions.length) {
            actions = Arrays.copyOf(actions, size * 2);
        }
        actions[size++] = action;
    }

    void runAll() {
        for (int i = 0; i < size; i++) {
            Runnable action = actions[i];
            actions[i] = null;
            action.run();
        }
        size = 0;
    }
}
