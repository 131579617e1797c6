package dev.weft.examples;

import dev.weft.Async;
import dev.weft.runtime.AsyncRuntime;

/** The seed's first program: creating an operation runs nothing; awaiting it does. Prints hello, then world. */
public final class Hello {

    private Hello() {
    }

    static Async<Void> sayWorld() {
        return Async.run(() -> System.out.println("world"));
    }

    public static void main(String[] args) {
        AsyncRuntime.run(() -> {
            Async<Void> op = sayWorld();   // nothing printed yet
            System.out.println("hello");
            op.await();                    // now "world"
        });
    }
}
