package dev.weft.test;

import dev.weft.runtime.AsyncRuntime;
import dev.weft.task.TaskInfo;

/** Formats a runtime's live tasks for failure messages. */
final class TaskDump {

    private TaskDump() {
    }

    static String of(AsyncRuntime runtime) {
        StringBuilder dump = new StringBuilder();
        for (TaskInfo task : runtime.tasks()) {
            dump.append(System.lineSeparator()).append("  ").append(task);
        }
        return dump.length() == 0 ? " none" : dump.toString();
    }
}
