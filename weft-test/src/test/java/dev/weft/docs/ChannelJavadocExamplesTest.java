package dev.weft.docs;

import dev.weft.Async;
import dev.weft.Weft;
import dev.weft.runtime.AsyncRuntime;
import dev.weft.sync.Broadcast;
import dev.weft.sync.ChannelClosedException;
import dev.weft.sync.ChannelException;
import dev.weft.sync.Lagged;
import dev.weft.sync.Mpsc;
import dev.weft.sync.Oneshot;
import dev.weft.sync.ReceiveResult;
import dev.weft.sync.SendResult;
import dev.weft.sync.Watch;
import dev.weft.task.JoinHandle;
import dev.weft.test.AsyncTest;
import dev.weft.time.Elapsed;
import dev.weft.time.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of the channels' javadoc ({@code dev.weft.sync}: {@link Mpsc}, {@link Oneshot},
 * {@link Broadcast}, {@link Watch}, their results and exceptions), run as they are written there. Keep
 * each in step with the {@code {@snippet}} it mirrors; the fields and helpers stand for the names the
 * snippets take from their context.
 */
@Timeout(30)
class ChannelJavadocExamplesTest {

    private final List<String> printed = new ArrayList<>();
    private final List<Job> overflow = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final List<Event> stored = new ArrayList<>();
    private final List<Event> handled = new ArrayList<>();
    private final List<Quote> shown = new ArrayList<>();
    private final List<Quote> audited = new ArrayList<>();
    private final List<String> applied = new ArrayList<>();
    private int dropped;
    private int abandoned;
    private int unheard;
    private boolean resynchronized;

    record Job(int id) {
    }

    record Event(String name) {
    }

    record Quote(String symbol, long price) {
    }

    @Test
    void mpsc_exampleReceivesFromEveryWorker_untilTheyAllClose() {
        AsyncRuntime.run(() -> {
            Mpsc.Channel<String> channel = Mpsc.bounded(16);
            Mpsc.Receiver<String> receiver = channel.receiver();
            try (Mpsc.Sender<String> sender = channel.sender()) {
                for (int i = 0; i < 3; i++) {
                    Mpsc.Sender<String> worker = sender.newSender();
                    int id = i;
                    Weft.spawn(Async.run(() -> {
                        try (worker) {
                            worker.send("hello from worker " + id).await();
                        }
                    }));
                }
            }
            Optional<String> message;
            while ((message = receiver.receive().await()).isPresent()) {   // empty once every sender closed
                println(message.get());
            }
        });
        assertThat(printed).containsExactlyInAnyOrder("hello from worker 0", "hello from worker 1",
                "hello from worker 2");
    }

    @AsyncTest
    void mpscChannel_exampleHandsTheReceiverToAWorker() {
        Mpsc.Channel<Job> jobs = Mpsc.bounded(64);
        Weft.spawn(worker(jobs.receiver()));
        Mpsc.Sender<Job> submit = jobs.sender();

        submit.send(new Job(1)).await();
        submit.close();
        assertThat(jobs.sender().isClosed()).isTrue();
    }

    @AsyncTest
    void mpscSender_exampleShedsLoadWhenFull() {
        Mpsc.Sender<Event> events = Mpsc.<Event>bounded(1).sender();
        for (Event event : List.of(new Event("a"), new Event("b"))) {
            // A producer that sheds load rather than wait when the consumer falls behind.
            if (events.trySend(event) instanceof SendResult.Full<Event>) {
                dropped++;
            }
        }
        assertThat(dropped).isEqualTo(1);
    }

    @AsyncTest
    void mpscReceiver_exampleStoresInBatches() {
        Mpsc.Channel<Event> channel = Mpsc.unbounded();
        for (int i = 0; i < 100; i++) {
            channel.sender().trySend(new Event("e" + i));
        }
        channel.sender().close();
        Mpsc.Receiver<Event> events = channel.receiver();

        // Store what arrived in batches of up to 64, until every sender has closed.
        List<Event> batch = new ArrayList<>();
        while (events.receiveMany(batch, 64).await() > 0) {
            store(batch);
            batch.clear();
        }

        assertThat(stored).hasSize(100);
    }

    @AsyncTest
    void mpscReceiverStream_exampleCollectsTheNames() {
        Mpsc.Channel<Event> channel = Mpsc.unbounded();
        channel.sender().trySend(new Event("a"));
        channel.sender().trySend(new Event("b"));
        channel.sender().close();
        Mpsc.Receiver<Event> events = channel.receiver();

        List<String> names = events.stream().map(Event::name).toList().await();   // until it closes

        assertThat(names).containsExactly("a", "b");
    }

    @AsyncTest
    void mpscPermit_exampleSendsIntoTheReservedRoom() {
        Mpsc.Channel<Job> channel = Mpsc.bounded(1);
        Mpsc.Sender<Job> sender = channel.sender();

        try (Mpsc.Permit<Job> permit = sender.reserve().await()) {
            permit.send(buildRequest());   // never waits: the room is already ours
        }

        assertThat(channel.receiver().tryReceive().value()).isEqualTo(new Job(7));
    }

    @AsyncTest
    void sendResult_exampleHandlesEachOutcome() {
        Mpsc.Channel<Job> channel = Mpsc.bounded(1);
        Mpsc.Sender<Job> sender = channel.sender();
        for (int i = 0; i < 2; i++) {
            Job job = new Job(i);
            switch (sender.trySend(job)) {
                case SendResult.Sent<Job> sent -> { }
                case SendResult.Full<Job> full -> overflow.add(full.item());
                case SendResult.Closed<Job> closed -> log("worker gone, dropped " + closed.item());
            }
        }
        assertThat(overflow).containsExactly(new Job(1));
        assertThat(log).isEmpty();
    }

    @AsyncTest
    void receiveResult_exampleHandlesEachOutcome() {
        Mpsc.Channel<String> channel = Mpsc.bounded(1);
        Mpsc.Receiver<String> receiver = channel.receiver();
        channel.sender().trySend("x");
        channel.sender().close();
        for (int i = 0; i < 2; i++) {
            switch (receiver.tryReceive()) {
                case ReceiveResult.Received<String> received -> handle(received.value());
                case ReceiveResult.Empty<String> empty -> doSomethingElse();
                case ReceiveResult.Disconnected<String> done -> finish();
            }
        }
        assertThat(log).containsExactly("handled x", "finished");
    }

    @AsyncTest
    void channelClosedException_exampleKeepsTheJob() {
        Mpsc.Channel<Job> channel = Mpsc.bounded(1);
        Mpsc.Sender<Job> jobs = channel.sender();
        List<Job> fallback = new ArrayList<>();
        channel.receiver().close();
        Job job = new Job(3);

        try {
            jobs.send(job).await();
        } catch (ChannelClosedException workerGone) {
            fallback.add(job);              // the send did not happen: the job is still ours
        }

        assertThat(fallback).containsExactly(job);
    }

    @AsyncTest
    void channelException_exampleResynchronizesAfterLag() {
        Broadcast.Channel<Event> channel = Broadcast.create(1);
        Broadcast.Receiver<Event> events = channel.receiver();
        channel.sender().send(new Event("lost"));
        channel.sender().send(new Event("kept"));

        try {
            Optional<Event> event = events.receive().await();
            event.ifPresent(this::handle);
        } catch (ChannelException lostOrClosed) {    // Lagged from a Broadcast receiver, or a closed channel
            resynchronize();
        }

        assertThat(resynchronized).isTrue();
        assertThat(handled).isEmpty();
    }

    @AsyncTest
    void lagged_exampleCountsTheMissedQuotes() {
        Broadcast.Channel<Quote> channel = Broadcast.create(2);
        Broadcast.Receiver<Quote> quotes = channel.receiver();
        for (int i = 0; i < 5; i++) {
            channel.sender().send(new Quote("WEFT", i));
        }
        channel.sender().close();

        long missed = 0;
        while (true) {
            try {
                Optional<Quote> quote = quotes.receive().await();
                if (quote.isEmpty()) {
                    break;                          // every sender closed
                }
                show(quote.get());
            } catch (Lagged lagged) {
                missed += lagged.skipped();         // and go on with the oldest quote still kept
            }
        }

        assertThat(missed).isEqualTo(3);
        assertThat(shown).extracting(Quote::price).containsExactly(3L, 4L);
    }

    @Test
    void oneshot_exampleRepliesToARequest() {
        record Get(String key, Oneshot.Sender<String> reply) { }

        AsyncRuntime.run(() -> {
            Mpsc.Channel<Get> requests = Mpsc.bounded(32);
            Weft.spawn(Async.run(() -> {                  // the server
                Optional<Get> request;
                while ((request = requests.receiver().receive().await()).isPresent()) {
                    request.get().reply().send("value of " + request.get().key());
                }
            }));
            Oneshot.Channel<String> reply = Oneshot.create();
            requests.sender().send(new Get("answer", reply.sender())).await();
            println(reply.receiver().receive().await());
            requests.sender().close();
        });
        assertThat(printed).containsExactly("value of answer");
    }

    @AsyncTest
    void oneshotChannel_exampleReceivesTheAnswer() {
        Oneshot.Channel<Integer> answer = Oneshot.create();
        Weft.spawn(Async.run(() -> answer.sender().send(6 * 7)));
        int value = answer.receiver().receive().await();

        assertThat(value).isEqualTo(42);
    }

    @AsyncTest
    void oneshotSender_exampleCountsAbandonedReplies() {
        Oneshot.Channel<Integer> channel = Oneshot.create();
        Oneshot.Sender<Integer> reply = channel.sender();
        channel.receiver().close();

        try (reply) {                           // closes without a value if compute() throws
            if (!reply.send(compute())) {
                abandoned++;                    // the requester closed its receiver
            }
        }

        assertThat(abandoned).isEqualTo(1);
    }

    @AsyncTest(startPaused = true)
    void oneshotReceiver_exampleWaitsWithADeadline() {
        Oneshot.Channel<String> dropped = Oneshot.create();
        dropped.sender().close();
        Oneshot.Channel<String> slow = Oneshot.create();

        assertThat(awaitReply(dropped.receiver())).isEqualTo("no answer");
        assertThat(awaitReply(slow.receiver())).isEqualTo("too slow");
        slow.sender().send("late");
        assertThat(awaitReply(slow.receiver())).isEqualTo("late");
    }

    private static String awaitReply(Oneshot.Receiver<String> reply) {
        try {
            return Time.timeout(Duration.ofSeconds(5), reply.receive()).await();
        } catch (ChannelClosedException noReply) {   // the server dropped the request
            return "no answer";
        } catch (Elapsed tooSlow) {                  // a later receive would still get the value
            return "too slow";
        }
    }

    @Test
    void broadcast_exampleDeliversToEveryReceiver() {
        AsyncRuntime.run(() -> {
            Broadcast.Channel<String> channel = Broadcast.create(16);
            Broadcast.Receiver<String> first = channel.receiver();
            Broadcast.Receiver<String> second = channel.sender().subscribe();
            channel.sender().send("hello");
            channel.sender().close();                                  // the end of the stream
            println(String.valueOf(first.receive().await()));          // Optional[hello]
            println(String.valueOf(second.receive().await()));         // Optional[hello]
            println(String.valueOf(second.receive().await()));         // Optional.empty
        });
        assertThat(printed).containsExactly("Optional[hello]", "Optional[hello]", "Optional.empty");
    }

    @AsyncTest
    void broadcastChannel_exampleSubscribesTwoReceivers() {
        Broadcast.Channel<Quote> quotes = Broadcast.create(1_024);
        Broadcast.Receiver<Quote> ticker = quotes.receiver();
        Broadcast.Receiver<Quote> recorder = quotes.sender().subscribe();

        assertThat(quotes.sender().send(new Quote("WEFT", 1))).isEqualTo(2);
        assertThat(ticker.tryReceive()).isEqualTo(recorder.tryReceive());
    }

    @AsyncTest
    void broadcastSender_exampleCountsUnheardQuotes() {
        Broadcast.Channel<Quote> channel = Broadcast.create(4);
        Broadcast.Sender<Quote> quotes = channel.sender();
        channel.receiver().close();
        Quote quote = new Quote("WEFT", 2);

        int listeners = quotes.send(quote);
        if (listeners == 0) {
            unheard++;                                  // nobody subscribed: the quote was dropped
        }

        assertThat(unheard).isEqualTo(1);
    }

    @AsyncTest
    void broadcastReceiver_exampleAuditsFromTheNextQuoteOn() {
        Broadcast.Channel<Quote> channel = Broadcast.create(8);
        Broadcast.Receiver<Quote> ticker = channel.receiver();
        channel.sender().send(new Quote("OLD", 0));

        Broadcast.Receiver<Quote> forAuditor = ticker.resubscribe();   // from the next quote on
        JoinHandle<Void> auditor = Weft.spawn(Async.run(() -> {
            try (forAuditor) {
                Optional<Quote> quote;
                while ((quote = forAuditor.receive().await()).isPresent()) {
                    audit(quote.get());
                }
            }
        }));

        channel.sender().send(new Quote("NEW", 1));
        channel.sender().close();
        auditor.await();
        assertThat(audited).containsExactly(new Quote("NEW", 1));
    }

    @AsyncTest
    void broadcastReceiverStream_exampleTakesThreeQuotes() {
        Broadcast.Channel<Quote> channel = Broadcast.create(8);
        Broadcast.Receiver<Quote> ticker = channel.receiver();
        for (int i = 0; i < 5; i++) {
            channel.sender().send(new Quote("WEFT", i));
        }

        List<Quote> quotesOfTheDay = ticker.stream().take(3).toList().await();

        assertThat(quotesOfTheDay).extracting(Quote::price).containsExactly(0L, 1L, 2L);
    }

    @AsyncTest
    void watchReceiverChanges_exampleAppliesEveryValueUntilTheSenderCloses() {
        Watch.Channel<String> channel = Watch.create("first");
        Watch.Receiver<String> config = channel.receiver();
        JoinHandle<Void> applying = Weft.spawn(config.changes().forEach(this::apply));
        Weft.yieldNow().await();
        channel.sender().send("second");
        Weft.yieldNow().await();
        channel.sender().close();

        applying.await();

        assertThat(applied).startsWith("first").endsWith("second");
    }

    @Test
    void watch_exampleWaitsForTheThirdVersion() {
        AsyncRuntime.run(() -> {
            Watch.Channel<String> config = Watch.create("v1");
            Watch.Receiver<String> receiver = config.receiver();
            JoinHandle<String> reader = Weft.spawn(Async.of(() -> receiver.waitFor(v -> v.equals("v3")).await()));
            config.sender().send("v2");
            config.sender().send("v3");
            println(reader.await());            // v3
            println(receiver.borrow());         // v3
            config.sender().close();
        });
        assertThat(printed).containsExactly("v3", "v3");
    }

    @AsyncTest
    void watchChannel_exampleSubscribesAWorker() {
        Watch.Channel<Boolean> shutdown = Watch.create(false);
        Watch.Receiver<Boolean> forWorker = shutdown.sender().subscribe();

        shutdown.sender().send(true);
        assertThat(forWorker.waitFor(Boolean::booleanValue).await()).isTrue();
    }

    @AsyncTest
    void watchSender_exampleCountsConnections() {
        Watch.Channel<Integer> channel = Watch.create(0);
        Watch.Sender<Integer> connections = channel.sender();

        connections.sendModify(count -> count + 1);

        assertThat(channel.receiver().borrow()).isEqualTo(1);
    }

    @AsyncTest
    void watchReceiver_exampleAppliesEveryChange() {
        Watch.Channel<String> channel = Watch.create("initial");
        Watch.Receiver<String> config = channel.receiver();
        channel.sender().send("changed");
        channel.sender().close();

        // Apply every configuration change until the sender closes.
        try {
            while (true) {
                config.changed().await();
                apply(config.borrow());
            }
        } catch (ChannelClosedException senderGone) {
            apply(config.borrow());                       // the last value stays readable
        }

        assertThat(applied).containsExactly("changed", "changed");
    }

    private void println(String line) {
        synchronized (printed) {
            printed.add(line);
        }
    }

    private static Async<Void> worker(Mpsc.Receiver<Job> jobs) {
        return Async.run(() -> {
            while (jobs.receive().await().isPresent()) {
                Weft.yieldNow().await();
            }
        });
    }

    private static Job buildRequest() {
        return new Job(7);
    }

    private static int compute() {
        return 42;
    }

    private void log(String line) {
        log.add(line);
    }

    private void handle(String value) {
        log.add("handled " + value);
    }

    private void handle(Event event) {
        handled.add(event);
    }

    private void doSomethingElse() {
        log.add("did something else");
    }

    private void finish() {
        log.add("finished");
    }

    private void store(List<Event> batch) {
        stored.addAll(batch);
    }

    private void resynchronize() {
        resynchronized = true;
    }

    private void show(Quote quote) {
        shown.add(quote);
    }

    private void audit(Quote quote) {
        audited.add(quote);
    }

    private void apply(String value) {
        applied.add(value);
    }
}
