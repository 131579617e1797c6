package dev.weft.test;

import dev.weft.runtime.Flavor;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test whose body runs as a task in a fresh runtime, like {@code #[tokio::test]}: it may await, spawn
 * and sleep directly. The runtime is built before the test and shut down after it; a test that does not
 * finish within {@link #timeoutMillis()} is aborted and fails with a dump of the runtime's live tasks.
 * Test methods may declare parameters of type {@link dev.weft.runtime.AsyncRuntime} (the runtime running
 * the test) and {@link RuntimeFlavor}.
 *
 * {@snippet :
 * @AsyncTest(startPaused = true)
 * void sleepsAnHourInNoTime() {
 *     Time.sleep(Duration.ofHours(1)).await();
 * }
 *
 * @AsyncTest(everyFlavor = true)
 * void runsOnEveryFlavour(RuntimeFlavor flavor) {
 *     assertEquals(7, Weft.spawn(Async.of(() -> 7)).await());
 * }
 * }
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(AsyncTestExtension.class)
public @interface AsyncTest {

    /** The flavour of the runtime; current-thread by default, as in Tokio. Ignored with {@link #everyFlavor()}. */
    Flavor flavor() default Flavor.CURRENT_THREAD;

    /** Workers of a multi-thread runtime; 0 means the runtime's default (one per core). */
    int workerThreads() default 0;

    /** Runs the test once per {@link RuntimeFlavor}: current-thread, multi-thread with 1 and 4 workers. */
    boolean everyFlavor() default false;

    /** Starts the runtime with its clock paused (current-thread flavour only; see {@code TestClock}). */
    boolean startPaused() default false;

    /** How long the test may run, in real milliseconds. */
    long timeoutMillis() default 10_000;
}
