package dev.weft.miniredis.server;

import dev.weft.miniredis.cmd.ClientSession;
import dev.weft.miniredis.cmd.Command;
import dev.weft.miniredis.cmd.CommandContext;
import dev.weft.miniredis.cmd.CommandException;
import dev.weft.miniredis.cmd.Commands;
import dev.weft.miniredis.cmd.ImmediateCommand;
import dev.weft.miniredis.cmd.Ping;
import dev.weft.miniredis.cmd.Publish;
import dev.weft.miniredis.cmd.Quit;
import dev.weft.miniredis.cmd.Subscribe;
import dev.weft.miniredis.cmd.Unsubscribe;
import dev.weft.miniredis.frame.Frame;
import dev.weft.miniredis.frame.ProtocolException;

import java.util.Set;

/*
 * Implementation notes.
 *
 * What one connection's requests do: parse, execute, reply. Replies go to the connection's output
 * encoder until the connection first subscribes; from then on, to its Outbox (which takes over the
 * replies already encoded), so that replies and pushed messages share one order. The outbox is given
 * back once it is drained with no subscription left (Redis leaves subscribed mode at a count of 0).
 *
 * Subscribed mode (a count above 0) follows Redis 7's processCommand with RESP2: the command's existence
 * and arity are checked first (Commands.name), then anything but (P)SUBSCRIBE, (P)UNSUBSCRIBE, PING and
 * QUIT is refused by name, and PING answers ["pong", message]. Owned by the connection's task.
 */
final class Session {

    private static final Set<String> ALLOWED_WHILE_SUBSCRIBED =
            Set.of("subscribe", "unsubscribe", "psubscribe", "punsubscribe", "ping", "quit");
    private static final Frame.Bulk PONG = Frame.bulk("pong");
    private static final Frame.Bulk EMPTY = Frame.bulk(new byte[0]);

    private final RedisService service;
    private final CommandContext context;
    private final Connection connection;
    private Subscriber subscriber;
    private long commands;

    Session(RedisService service, ClientSession client, Connection connection) {
        this.service = service;
        this.context = new CommandContext(service.db(), service.info(), client);
        this.connection = connection;
    }

    /**
     * Handles one request (an empty one is skipped, as Redis does). False when the connection must close
     * once the replies are written (QUIT).
     */
    boolean handle(Frame.Array request) {
        if (request.elements().isEmpty()) {
            return true;
        }
        commands++;
        Command command;
        try {
            if (subscribed()) {
                String name = Commands.name(request);
                if (!ALLOWED_WHILE_SUBSCRIBED.contains(name)) {
                    reply(Frame.error("ERR Can't execute '" + name + "': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE"
                            + " / PING / QUIT / RESET are allowed in this context"));
                    return true;
                }
            }
            command = Commands.parse(request);
        } catch (CommandException invalid) {
            reply(invalid.reply());
            return true;
        }
        switch (command) {
            case Quit quit -> {
                reply(quit.execute(context));
                return false;
            }
            case Ping ping when subscribed() -> reply(Frame.array(PONG, ping.message() == null ? EMPTY : Frame.bulk(ping.message())));
            case ImmediateCommand immediate -> reply(immediate.execute(context));
            case Publish publish -> reply(Frame.integer(service.hub().publish(publish.channel(), publish.message())));
            case Subscribe subscribe -> service.hub().subscribe(subscriber(), subscribe.channels(), subscribe.patterns());
            case Unsubscribe unsubscribe -> service.hub().unsubscribe(subscriber(), unsubscribe.channels(), unsubscribe.patterns());
        }
        return true;
    }

    /** Replies to a malformed request with Redis's {@code -ERR Protocol error: ...}. */
    void protocolError(ProtocolException malformed) {
        reply(Frame.error("ERR " + malformed.getMessage()));
    }

    /** Adds the requests handled since the last call to the server's count. */
    void countCommands() {
        if (commands > 0) {
            service.info().stats().commandsProcessed(commands);
            commands = 0;
        }
    }

    /** True while subscribed to at least one channel or pattern. */
    boolean subscribed() {
        return subscriber != null && subscriber.count() > 0;
    }

    /** The outbox; only while {@link #subscribed()}. */
    Outbox outbox() {
        return subscriber.outbox;
    }

    /** True when the subscriber fell behind by more than the output limit: the connection must close. */
    boolean overflowed() {
        return subscriber != null && subscriber.outbox.overflowed();
    }

    /** Moves what the outbox holds into the connection's output; gives the outbox up once unsubscribed. */
    void drainOutbox() {
        if (subscriber != null) {
            connection.exchangeOutput(subscriber.outbox);
            if (subscriber.count() == 0) {
                subscriber = null;
            }
        }
    }

    /** Drops the subscriptions of a closing connection. */
    void close() {
        if (subscriber != null) {
            service.hub().removeAll(subscriber);
            subscriber = null;
        }
    }

    private Subscriber subscriber() {
        if (subscriber == null) {
            subscriber = new Subscriber(new Outbox(connection.takeOutput(), service.config().pubSubOutputLimit(), connection::abort));
        }
        return subscriber;
    }

    private void reply(Frame frame) {
        if (subscriber != null) {
            subscriber.outbox.reply(frame);
        } else {
            connection.output().encode(frame);
        }
    }
}
