package dev.weft.sync;

import dev.weft.Async;
import dev.weft.runtime.internal.poll.PollingAsync;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;

import java.time.Duration;
import java.util.Objects;

/** A sender of an Mpsc channel: a counted handle on the shared {@link MpscChannel}. */
final class MpscSender<T> extends ChannelHandle implements Mpsc.Sender<T> {

    private final MpscChannel<T> channel;

    MpscSender(MpscChannel<T> channel) {
        super("sender");
        this.channel = channel;
    }

    @Override
    public Async<Void> send(T item) {
        return sendOperation(Objects.requireNonNull(item, "item"));
    }

    private PollingAsync<Void> sendOperation(T item) {
        return new CapacityOperation<>(this, channel.capacity) {
            @Override
            Void acquired() {
                channel.push(item);
                return null;
            }
        };
    }

    @Override
    public SendResult<T> trySend(T item) {
        Objects.requireNonNull(item, "item");
        requireOpen();
        return switch (channel.capacity.tryAcquire()) {
            case ACQUIRED -> {
                channel.push(item);
                yield SendResult.sent();
            }
            case FULL -> new SendResult.Full<>(item);
            case CLOSED -> new SendResult.Closed<>(item);
        };
    }

    @Override
    public Async<SendResult<T>> send(T item, Duration timeout) {
        Async<Void> timed = Time.timeout(timeout, send(item));
        return Async.of(() -> {
            SendResult<T> now = trySend(item);
            if (!(now instanceof SendResult.Full)) {
                return now;
            }
            try {
                timed.await();
                return SendResult.sent();
            } catch (Elapsed elapsed) {
                return now;
            } catch (ChannelClosedException closedNow) {
                return new SendResult.Closed<>(item);
            }
        });
    }

    @Override
    public Async<Mpsc.Permit<T>> reserve() {
        return new CapacityOperation<>(this, channel.capacity) {
            @Override
            Mpsc.Permit<T> acquired() {
                channel.capacity.hold();
                return new MpscPermit<>(channel);
            }
        };
    }

    @Override
    public void blockingSend(T item) throws InterruptedException {
        sendOperation(Objects.requireNonNull(item, "item")).awaitBlocking();
    }

    @Override
    public Mpsc.Sender<T> newSender() {
        requireOpen();
        channel.senderOpened();
        return new MpscSender<>(channel);
    }

    @Override
    public void close() {
        closeOnce(() -> channel.senderClosed());
    }

    @Override
    public boolean isClosed() {
        return isMarkedClosed() || channel.capacity.isClosed();
    }

    @Override
    public int capacity() {
        return (int) Math.min(channel.capacity.available(), Integer.MAX_VALUE);
    }

    @Override
    public int maxCapacity() {
        return (int) Math.min(channel.capacity.bound(), Integer.MAX_VALUE);
    }

    @Override
    public String toString() {
        return "Mpsc.Sender[" + (isClosed() ? "closed" : "open") + ", capacity " + capacity() + "/" + maxCapacity()
                + "]";
    }
}
