package io.ujumbe.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A server-sent event stream on one connection; events a slow client cannot take are dropped. */
final class ChannelEventStream implements EventStream {
    private final Channel channel;
    private final List<Runnable> onClose = new ArrayList<>();
    private boolean closed;

    ChannelEventStream(Channel channel) {
        this.channel = channel;
    }

    @Override
    public boolean send(String event, String data) {
        if (!channel.isActive() || !channel.isWritable()) {
            return false;
        }
        StringBuilder sb = new StringBuilder(data == null ? 16 : data.length() + 32);
        if (event != null) {
            sb.append("event: ").append(event.replace('\n', ' ')).append('\n');
        }
        for (String line : (data == null ? "" : data).split("\n", -1)) {
            sb.append("data: ").append(line).append('\n');
        }
        sb.append('\n');
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(sb.toString().getBytes(StandardCharsets.UTF_8))));
        return true;
    }

    void comment(String text) {
        if (channel.isActive()) {
            channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer((": " + text + "\n\n")
                    .getBytes(StandardCharsets.UTF_8))));
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public void onClose(Runnable action) {
        boolean now;
        synchronized (this) {
            now = closed;
            if (!now) {
                onClose.add(action);
            }
        }
        if (now) {
            action.run();
        }
    }

    @Override
    public void close() {
        if (channel.isActive()) {
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(f -> channel.close());
        }
    }

    void closed() {
        List<Runnable> actions;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            actions = new ArrayList<>(onClose);
            onClose.clear();
        }
        for (Runnable r : actions) {
            try {
                r.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(HttpServer.class).debug("event stream close action failed", e);
            }
        }
    }
}
