/**
 * Weft's runtime: lazy {@link dev.weft.Async} operations, the {@link dev.weft.runtime.AsyncRuntime}
 * that owns its scheduler, and tasks ({@link dev.weft.task.JoinHandle}, {@link dev.weft.task.JoinSet},
 * {@link dev.weft.task.TaskScope}).
 *
 * <p>Weft runs every task as a virtual thread scheduled by its own work-stealing scheduler. That needs
 * {@code java.base/java.lang} opened to this module ({@code --add-opens java.base/java.lang=dev.weft.runtime},
 * or {@code =ALL-UNNAMED} on the class path); without it Weft falls back to the JDK's default scheduler and
 * says so once.
 */
module dev.weft.runtime {

    exports dev.weft;
    exports dev.weft.runtime;
    exports dev.weft.task;
    exports dev.weft.time;
    exports dev.weft.io;
    exports dev.weft.stream;
    exports dev.weft.codec;
    exports dev.weft.net;
    exports dev.weft.sync;
}
