package io.ujumbe.session;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.Ticker;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tells the session when the connection has been quiet (nothing read, nothing written) for the
 * keepalive interval, by firing Netty's all-idle {@link IdleStateEvent}s, as Netty's
 * {@code IdleStateHandler(0, 0, interval)} does.
 *
 * <p>Why not that handler: it learns of a write when the write completes, by adding a listener to
 * every write's promise, which with the session's own listener costs a listener list and a second
 * notification per PDU. This one notes a write when it is made; for keepalive the difference (the
 * moments between a write and its completion) does not matter. All methods run on the channel's
 * event loop.
 */
final class IdleTimer extends ChannelDuplexHandler {
    private final long intervalNanos;
    private ChannelHandlerContext ctx;
    private Ticker ticker;
    private ScheduledFuture<?> timer;
    private boolean started;
    private boolean reading;
    private boolean firstEvent = true;
    private long lastReadNanos;
    private long lastWriteNanos;

    IdleTimer(long interval, TimeUnit unit) {
        if (interval <= 0) {
            throw new IllegalArgumentException("idle interval must be positive, was " + interval + " " + unit);
        }
        this.intervalNanos = unit.toNanos(interval);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.ticker = ctx.executor().ticker();
        if (ctx.channel().isActive() && ctx.channel().isRegistered()) {
            start();
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        start();
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stop();
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        reading = true;
        firstEvent = true;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (reading) {
            // Once per burst of reads, not per PDU.
            lastReadNanos = ticker.nanoTime();
            reading = false;
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        lastWriteNanos = ticker.nanoTime();
        firstEvent = true;
        ctx.write(msg, promise);
    }

    private void start() {
        if (started) {
            return;
        }
        started = true;
        long now = ticker.nanoTime();
        lastReadNanos = now;
        lastWriteNanos = now;
        timer = ctx.executor().schedule(this::check, intervalNanos, TimeUnit.NANOSECONDS);
    }

    private void stop() {
        started = true; // a closed or removed handler does not start again
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void check() {
        timer = null;
        if (!ctx.channel().isOpen()) {
            return;
        }
        long now = ticker.nanoTime();
        long last = lastReadNanos - lastWriteNanos > 0 ? lastReadNanos : lastWriteNanos;
        long left = reading ? intervalNanos : intervalNanos - (now - last);
        if (left > 0) {
            timer = ctx.executor().schedule(this::check, left, TimeUnit.NANOSECONDS);
            return;
        }
        timer = ctx.executor().schedule(this::check, intervalNanos, TimeUnit.NANOSECONDS);
        IdleStateEvent event = firstEvent ? IdleStateEvent.FIRST_ALL_IDLE_STATE_EVENT : IdleStateEvent.ALL_IDLE_STATE_EVENT;
        firstEvent = false;
        ctx.fireUserEventTriggered(event);
    }
}
