/**
 * Operating-system signals as {@link dev.weft.Async} operations ({@link dev.weft.signal.Signals#ctrlC()},
 * {@link dev.weft.signal.Signals#terminate()}), Tokio's {@code tokio::signal}: a server awaits them to
 * shut down gracefully.
 */
package dev.weft.signal;
