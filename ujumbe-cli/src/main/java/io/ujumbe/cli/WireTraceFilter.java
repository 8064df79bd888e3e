package io.ujumbe.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops TRACE events of the Redis and network libraries, whatever level a logger is set to:
 * Lettuce's protocol loggers ({@code io.lettuce.core.protocol.CommandEncoder} and others) print
 * every command's bytes at TRACE, so {@code --log-level TRACE} printed the Redis password of the
 * AUTH/HELLO handshake in clear. A turbo filter runs before any level check, so no logger setting
 * in the configuration can turn those events back on; DEBUG from these libraries still shows
 * (commands by type, connection events, never their arguments). ujumbe's own TRACE is unaffected.
 */
public final class WireTraceFilter extends TurboFilter {

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != null && level.levelInt < Level.DEBUG_INT && isWireLibrary(logger.getName())) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    private static boolean isWireLibrary(String name) {
        return name.startsWith("io.lettuce.") || name.startsWith("io.netty.") || name.startsWith("reactor.");
    }
}
