package dev.weft.sync;

import java.util.Objects;
import java.util.function.UnaryOperator;

/** The sender of a Watch channel. */
final class WatchSender<T> extends ChannelHandle implements Watch.Sender<T> {

    private final WatchState<T> state;

    WatchSender(WatchState<T> state) {
        super("sender");
        this.state = state;
    }

    @Override
    public boolean send(T value) {
        requireOpen();
        return state.sendIfReceivers(value);
    }

    @Override
    public T sendReplace(T value) {
        requireOpen();
        return state.replace(value);
    }

    @Override
    public void sendModify(UnaryOperator<T> update) {
        Objects.requireNonNull(update, "update");
        requireOpen();
        state.modify(update);
    }

    @Override
    public T borrow() {
        return state.current().value();
    }

    @Override
    public Watch.Receiver<T> subscribe() {
        return state.subscribe();
    }

    @Override
    public int receiverCount() {
        return state.receiverCount();
    }

    @Override
    public void close() {
        closeOnce(() -> state.closeSending());
    }

    @Override
    public String toString() {
        return "Watch.Sender[" + (isMarkedClosed() ? "closed" : "open") + ", " + receiverCount() + " receivers]";
    }
}
