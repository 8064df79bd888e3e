package io.ujumbe.session;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.Ticker;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tells the session when nothing has been <em>read</em> for the keepalive interval, by firing
 * Netty's all-idle {@link IdleStateEvent}s (the session then sends enquire_link).
 *
 * <p>Only reads count. A peer that is frozen (SIGSTOP, a hung SMSC) still takes our writes into its
 * socket buffer for a while, so counting writes as activity meant that while traffic flowed no
 * enquire_link ever went out and the dead link was never detected. What proves the peer alive is
 * that it answers. All methods run on the channel's event loop.
 */
final class IdleTimer extends ChannelInboundHandlerAdapter {
    private final long intervalNanos;
    private ChannelHandlerContext ctx;
    private Ticker ticker;
    private ScheduledFuture<?> timer;
    private boolean started;
    private boolean reading;
    private boolean firstEvent = true;
    private long lastReadNanos;

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

    private void start() {
        if (started) {
            return;
        }
        started = true;
        long now = ticker.nanoTime();
        lastReadNanos = now;
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
        long left = reading ? intervalNanos : intervalNanos - (now - lastReadNanos);
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
