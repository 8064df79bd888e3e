package io.ujumbe.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.ujumbe.client.OutboxEntry;
import io.ujumbe.pdu.Address;
import io.ujumbe.testkit.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A naz producer XADDs its queue item, unchanged, to the Redis outbox of a real redis-server; the client gets the message. */
class NazRedisOutboxTest {
    private RedisServer server;
    private RedisClient client;

    @BeforeEach
    void start() {
        server = RedisServer.start();
        client = RedisClients.create(server.uri());
    }

    @AfterEach
    void stop() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        server.close();
    }

    @Test
    void aNazQueueItemInTheStreamIsHandedOutAsAMessage() throws Exception {
        try (RedisOutbox outbox = RedisOutbox.builder(client).keyPrefix("naz:").consumer("c").build();
             StatefulRedisConnection<String, String> producer = client.connect()) {
            producer.sync().xadd(outbox.streamKey(), "message", "{\"version\":\"1\",\"smpp_event\":\"submit_sm\","
                    + "\"short_message\":\"Hello World-1\",\"correlation_id\":\"myid12345\","
                    + "\"source_addr\":\"254722111111\",\"destination_addr\":\"254722999999\"}");
            List<OutboxEntry> polled = outbox.poll(10).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(polled).singleElement().satisfies(e -> {
                assertThat(e.message().correlationId()).isEqualTo("myid12345");
                assertThat(e.message().text()).isEqualTo("Hello World-1");
                assertThat(e.message().destination()).isEqualTo(Address.international("254722999999"));
            });
            assertThat(producer.sync().xlen(outbox.deadLetterKey())).isZero();
        }
    }
}
