package io.ujumbe.redis;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.OutboxEntry;
import io.ujumbe.testkit.RedisServer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis restarted without persistence loses the outbox. The outbox must notice (not carry on as if
 * the queue were merely empty), say what was lost in an ERROR, count it, make the consumer group
 * again so that new messages flow, and put back the entries it still held when they need a retry.
 */
class RedisDataLossTest {

    private static OutboundMessage msg(String id) {
        return OutboundMessage.builder().correlationId(id).to("254700000001").text("hello " + id).build();
    }

    @Test
    void aRestartWithoutDataIsDetectedLoggedCountedAndRecoveredFrom() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger logger = context.getLogger(RedisOutbox.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        logger.addAppender(appender);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (RedisServer server = RedisServer.start()) {
            RedisClient client = RedisClients.create(server.uri());
            try (RedisOutbox outbox = RedisOutbox.builder(client).keyPrefix("loss:").consumer("a")
                    .retryCheckInterval(Duration.ofMillis(20)).notifyBlock(Duration.ofMillis(200))
                    .meterRegistry(registry).build()) {
                for (int i = 0; i < 10; i++) {
                    outbox.offer(msg("m" + i)).toCompletableFuture().get(10, TimeUnit.SECONDS);
                }
                List<OutboxEntry> held = outbox.poll(3).toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertThat(held).hasSize(3);

                server.restart(); // no persistence: every key is gone

                await().atMost(Duration.ofSeconds(20)).until(() ->
                        registry.find("ujumbe.redis.outbox.lost").counter() != null
                                && registry.find("ujumbe.redis.outbox.lost").counter().count() == 1);
                List<ILoggingEvent> errors = new ArrayList<>();
                for (ILoggingEvent e : appender.list) {
                    if (e.getLevel() == Level.ERROR) {
                        errors.add(e);
                    }
                }
                assertThat(errors).hasSize(1);
                assertThat(errors.get(0).getFormattedMessage()).contains("redis lost the outbox").contains("appendonly");
                assertThat(errors.get(0).getKeyValuePairs()).anyMatch(kv -> kv.key.equals("heldByThisProcess")
                        && String.valueOf(kv.value).equals("3"));

                // The group is back: new messages flow.
                outbox.offer(msg("after")).toCompletableFuture().get(10, TimeUnit.SECONDS);
                List<OutboxEntry> next = new ArrayList<>();
                await().atMost(Duration.ofSeconds(10)).until(() -> {
                    next.addAll(outbox.poll(10).toCompletableFuture().get(10, TimeUnit.SECONDS));
                    return !next.isEmpty();
                });
                assertThat(next).extracting(e -> e.message().correlationId()).containsExactly("after");

                // A held entry that needs a retry is put back, not dropped as "taken over elsewhere".
                outbox.nack(held.get(0), Duration.ZERO).toCompletableFuture().get(10, TimeUnit.SECONDS);
                List<OutboxEntry> again = new ArrayList<>();
                await().atMost(Duration.ofSeconds(10)).until(() -> {
                    again.addAll(outbox.poll(10).toCompletableFuture().get(10, TimeUnit.SECONDS));
                    return !again.isEmpty();
                });
                assertThat(again).extracting(e -> e.message().correlationId()).containsExactly("m0");
                assertThat(again.get(0).attempt()).isEqualTo(2);
                assertThat(registry.find("ujumbe.redis.outbox.lost").counter().count()).as("counted once").isEqualTo(1);
            } finally {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            }
        } finally {
            logger.detachAppender(appender);
        }
    }
}
