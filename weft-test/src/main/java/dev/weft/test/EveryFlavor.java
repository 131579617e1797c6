package dev.weft.test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test once per {@link RuntimeFlavor}; the test method takes the flavour as its parameter.
 *
 * {@snippet :
 * @EveryFlavor
 * @Timeout(10)
 * void spawnedTaskReturnsItsValue(RuntimeFlavor flavor) {
 *     int value = flavor.run(() -> Weft.spawn(Async.of(() -> 7)).await());
 *     assertEquals(7, value);
 * }
 * }
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@EnumSource(RuntimeFlavor.class)
public @interface EveryFlavor {
}
