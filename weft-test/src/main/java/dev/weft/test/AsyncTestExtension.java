package dev.weft.test;

import dev.weft.Async;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.runtime.AsyncRuntimeBuilder;
import dev.weft.runtime.Flavor;
import dev.weft.task.JoinHandle;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/*
 * Implementation notes.
 *
 * @AsyncTest is a test template: one invocation per runtime configuration (one, or every RuntimeFlavor).
 * Each invocation carries two extensions of its own: a ParameterResolver that builds the runtime (lazily,
 * on first need, so parameters can receive it) and an InvocationInterceptor that runs the test method as
 * a task of that runtime. The interceptor waits for the task from the JUnit thread with a real-time
 * limit; on expiry it aborts the task, shuts the runtime down briefly and fails with a task dump. The
 * runtime lives in the invocation's ExtensionContext.Store, which closes it when the invocation ends.
 */

/** Runs {@link AsyncTest} methods as tasks. See the implementation notes. */
public final class AsyncTestExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(method -> method.isAnnotationPresent(AsyncTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        AsyncTest settings = context.getRequiredTestMethod().getAnnotation(AsyncTest.class);
        if (settings.everyFlavor()) {
            return Stream.of(RuntimeFlavor.values()).map(flavor -> new Invocation(flavor.name(), flavor.builder(),
                    flavor, settings));
        }
        AsyncRuntimeBuilder builder = AsyncRuntime.builder().flavor(settings.flavor());
        if (settings.flavor() == Flavor.MULTI_THREAD && settings.workerThreads() > 0) {
            builder.workerThreads(settings.workerThreads());
        }
        RuntimeFlavor flavor = settings.flavor() == Flavor.CURRENT_THREAD ? RuntimeFlavor.CURRENT_THREAD
                : settings.workerThreads() == 1 ? RuntimeFlavor.MULTI_THREAD_1 : RuntimeFlavor.MULTI_THREAD_4;
        return Stream.of(new Invocation(settings.flavor().name(), builder, flavor, settings));
    }

    /** One run of an {@link AsyncTest} method on one runtime configuration. */
    private static final class Invocation implements TestTemplateInvocationContext, ParameterResolver,
            InvocationInterceptor {

        private final String name;
        private final AsyncRuntimeBuilder builder;
        private final RuntimeFlavor flavor;
        private final AsyncTest settings;

        Invocation(String name, AsyncRuntimeBuilder builder, RuntimeFlavor flavor, AsyncTest settings) {
            this.name = name;
            this.builder = builder.startPaused(settings.startPaused());
            this.flavor = flavor;
            this.settings = settings;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + name + (settings.startPaused() ? ", paused clock" : "") + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(this);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == AsyncRuntime.class || type == RuntimeFlavor.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RuntimeFlavor.class ? flavor : runtime(context);
        }

        @Override
        public void interceptTestTemplateMethod(InvocationInterceptor.Invocation<Void> invocation,
                                                ReflectiveInvocationContext<Method> invocationContext,
                                                ExtensionContext context) throws Throwable {
            AsyncRuntime runtime = runtime(context);
            JoinHandle<Void> test = runtime.spawn(Async.run(() -> {
                try {
                    invocation.proceed();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new TestBodyFailure(e);
                }
            }));
            Thread driver = Thread.ofPlatform().daemon().name("weft-async-test").start(() -> awaitQuietly(runtime, test));
            try {
                test.toCompletableFuture().get(settings.timeoutMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException failure) {
                Throwable cause = failure.getCause();
                throw cause instanceof TestBodyFailure wrapped ? wrapped.getCause() : cause;
            } catch (TimeoutException timedOut) {
                String dump = TaskDump.of(runtime);
                test.abort();
                runtime.shutdown(Duration.ofSeconds(1));
                throw new AssertionError("@AsyncTest timed out after " + settings.timeoutMillis() + " ms; live tasks:"
                        + dump, timedOut);
            } finally {
                driver.interrupt();
            }
        }

        /** Drives a current-thread runtime until the test task ends (a multi-thread one needs no driver). */
        private static void awaitQuietly(AsyncRuntime runtime, JoinHandle<Void> test) {
            try {
                runtime.blockOn(test);
            } catch (RuntimeException | Error ignored) {
                // The outcome is read through the future by the JUnit thread.
            }
        }

        private AsyncRuntime runtime(ExtensionContext context) {
            ExtensionContext.Store store = context.getStore(ExtensionContext.Namespace.create(AsyncTestExtension.class,
                    context.getUniqueId()));
            return store.getOrComputeIfAbsent(OwnedRuntime.class, key -> new OwnedRuntime(builder.build()),
                    OwnedRuntime.class).runtime();
        }
    }

    /** Closes the runtime when JUnit closes the store of the invocation. */
    private record OwnedRuntime(AsyncRuntime runtime) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            runtime.close();
        }
    }

    /** Carries a checked exception thrown by a test body out of the task, to be rethrown as it was. */
    private static final class TestBodyFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TestBodyFailure(Throwable cause) {
            super(cause);
        }
    }
}
