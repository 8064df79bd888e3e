package io.ujumbe.session;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keepalive's idle detection, on an embedded channel with a frozen clock moved by hand. */
class IdleTimerTest {

    /** Records the idle events that reach the end of the pipeline. */
    private static final class Events extends ChannelInboundHandlerAdapter {
        final List<IdleStateEvent> seen = new ArrayList<>();

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                seen.add((IdleStateEvent) evt);
            }
        }
    }

    private final Events events = new Events();
    private final EmbeddedChannel channel = new EmbeddedChannel();

    private void start() {
        channel.freezeTime();
        channel.pipeline().addLast(new IdleTimer(100, TimeUnit.MILLISECONDS), events);
    }

    private void advance(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }

    @Test
    void aQuietConnectionIsReportedIdleOncePerInterval() {
        start();
        advance(99);
        assertThat(events.seen).isEmpty();
        advance(1);
        assertThat(events.seen).containsExactly(IdleStateEvent.FIRST_ALL_IDLE_STATE_EVENT);
        advance(100);
        assertThat(events.seen).containsExactly(IdleStateEvent.FIRST_ALL_IDLE_STATE_EVENT,
                IdleStateEvent.ALL_IDLE_STATE_EVENT);
    }

    @Test
    void readsKeepTheConnectionBusyButWritesDoNot() {
        start();
        advance(60);
        channel.writeInbound("in");
        advance(60);
        assertThat(events.seen).as("read 60 ms ago").isEmpty();
        // A frozen peer takes writes into its socket buffer: writes prove nothing about it.
        channel.writeOutbound("out");
        advance(40);
        assertThat(events.seen).as("read 100 ms ago, written 40 ms ago")
                .containsExactly(IdleStateEvent.FIRST_ALL_IDLE_STATE_EVENT);
        Object written = channel.readOutbound();
        Object read = channel.readInbound();
        assertThat(written).isEqualTo("out");
        assertThat(read).isEqualTo("in");
    }

    @Test
    void activityAfterAnIdleEventMakesTheNextOneAFirstAgain() {
        start();
        advance(100);
        channel.writeInbound("in");
        advance(100);
        assertThat(events.seen).containsExactly(IdleStateEvent.FIRST_ALL_IDLE_STATE_EVENT,
                IdleStateEvent.FIRST_ALL_IDLE_STATE_EVENT);
    }

    @Test
    void aClosedConnectionIsNotReported() {
        start();
        channel.close();
        advance(500);
        assertThat(events.seen).isEmpty();
    }

    @Test
    void rejectsANonPositiveInterval() {
        assertThatThrownBy(() -> new IdleTimer(0, TimeUnit.MILLISECONDS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idle interval");
    }
}
