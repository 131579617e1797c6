package dev.weft.bench.echo;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.HdrHistogram.Histogram;

import java.util.SplittableRandom;

/*
 * Implementation notes.
 *
 * One handler per connection; every field is confined to the connection's event loop, including the
 * histogram, which the session gives to every connection of that loop. The session reads the
 * histograms only after every channel has closed (the close futures order those reads after the last
 * record).
 *
 * The connection's bytes: `pattern` holds 2 x messageBytes random bytes (seeded by the connection's
 * index), and round trip k sends the window starting at k mod messageBytes, so consecutive messages
 * differ and an echo of a stale or another connection's message does not match. The window is a
 * retained slice of the direct pattern buffer: no copy on the way out.
 */

/**
 * One connection of the load generator: sends a message, waits until the whole message has come back,
 * records the round trip's latency when the session is measuring, and sends the next one (a closed
 * loop), until the session stops or the connection has done its quota of round trips.
 */
final class EchoClientHandler extends ChannelInboundHandlerAdapter {

    private final EchoSession session;
    private final int index;
    private final int messageBytes;
    private final Histogram latencies;
    private ByteBuf pattern;
    private long roundTrips;
    private int offset;
    private int received;
    private long sentAt;

    EchoClientHandler(EchoSession session, int index, int messageBytes, Histogram latencies) {
        this.session = session;
        this.index = index;
        this.messageBytes = messageBytes;
        this.latencies = latencies;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        byte[] bytes = new byte[2 * messageBytes];
        new SplittableRandom(index).nextBytes(bytes);
        pattern = context.alloc().directBuffer(bytes.length).writeBytes(bytes);
        send(context);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        ByteBuf echoed = (ByteBuf) message;
        int count = echoed.readableBytes();
        try {
            if (received + count > messageBytes) {
                throw new IllegalStateException("connection " + index + " received " + (received + count)
                        + " bytes for a message of " + messageBytes);
            }
            if (session.verifies()
                    && !ByteBufUtil.equals(echoed, echoed.readerIndex(), pattern, offset + received, count)) {
                throw new IllegalStateException("connection " + index + ", round trip " + roundTrips
                        + ": the echo differs from the message at bytes " + received + "-" + (received + count));
            }
        } finally {
            echoed.release();
        }
        received += count;
        if (received == messageBytes) {
            completeRoundTrip(context);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (pattern != null) {
            pattern.release();
        }
        if (session.phase() != EchoSession.Phase.STOP && roundTrips < session.roundTripsPerConnection()) {
            session.fail(new IllegalStateException("the server closed connection " + index + " after "
                    + roundTrips + " round trips"));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        session.fail(cause);
        context.close();
    }

    private void completeRoundTrip(ChannelHandlerContext context) {
        long latency = System.nanoTime() - sentAt;
        roundTrips++;
        EchoSession.Phase phase = session.phase();
        if (phase == EchoSession.Phase.MEASURE) {
            latencies.recordValue(Math.min(latency, latencies.getHighestTrackableValue()));
        }
        if (phase == EchoSession.Phase.STOP || roundTrips == session.roundTripsPerConnection()) {
            context.close();
        } else {
            send(context);
        }
    }

    private void send(ChannelHandlerContext context) {
        received = 0;
        offset = (int) (roundTrips % messageBytes);
        sentAt = System.nanoTime();
        context.writeAndFlush(pattern.retainedSlice(offset, messageBytes), context.voidPromise());
    }
}
