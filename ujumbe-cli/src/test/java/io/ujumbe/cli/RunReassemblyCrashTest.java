package io.ujumbe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DataCoding;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.EsmClass;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.testkit.RedisServer;
import io.ujumbe.session.SmppSession;
import io.ujumbe.smsc.SmscAccount;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ujumbe run} with a {@code redis} section killed with SIGKILL between the parts of a long
 * MO: the parts it had acknowledged wait in Redis, and the restarted process delivers the whole
 * message once when the SMSC sends the last part to it.
 */
class RunReassemblyCrashTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGES = 20;

    @TempDir
    Path dir;

    @Test
    void aProcessKilledBetweenThePartsOfALongMoLosesNoPartAndTheRestartedOneDeliversItOnce() throws Exception {
        try (RedisServer redisServer = RedisServer.start();
             SmscSimulator smsc = SmscSimulator.start(SmscConfig.builder().port(0)
                     .account(SmscAccount.allowingAll("acme", "secret")).build())) {
            RedisClient redisClient = RedisClient.create(RedisURI.create("redis://127.0.0.1:" + redisServer.port()));
            try (StatefulRedisConnection<String, String> connection = redisClient.connect()) {
                RedisCommands<String, String> redis = connection.sync();
                Path config = dir.resolve("crash.yaml");
                Files.writeString(config, String.join("\n",
                        "smsc: {host: 127.0.0.1, port: " + smsc.port() + ", systemId: acme, password: secret, enquireLinkInterval: 1s}",
                        "redis:",
                        "  uri: \"redis://127.0.0.1:" + redisServer.port() + "/0\"",
                        "  keyPrefix: \"crash:\"",
                        "  events: {inbound: \"crash:inbound\"}",
                        "outbox: {type: redis}",
                        ""));

                long started = System.nanoTime();
                CliProcess first = CliProcess.start(dir, "--log-format", "json", "run", "--config", config.toString());
                try {
                    SmppSession bind = awaitBound(smsc, null, first);
                    for (int m = 0; m < MESSAGES; m++) {
                        assertThat(deliver(bind, part(m, 1, "Parts acknowledged "))).isEqualTo(CommandStatus.ESME_ROK);
                        assertThat(deliver(bind, part(m, 2, "before the crash, "))).isEqualTo(CommandStatus.ESME_ROK);
                    }
                    assertThat(redis.hlen("crash:mo:254711000000:1234:200:3:8")).as("parts kept in redis").isEqualTo(2);
                } finally {
                    first.kill();
                }
                long killedAt = System.nanoTime();
                await().atMost(WAIT).until(() -> smsc.sessions().stream().noneMatch(s -> s.state().isBound()));

                CliProcess second = CliProcess.start(dir, "--log-format", "json", "run", "--config", config.toString());
                try {
                    SmppSession bind = awaitBound(smsc, null, second);
                    for (int m = 0; m < MESSAGES; m++) {
                        assertThat(deliver(bind, part(m, 3, "the last after it. #" + m))).isEqualTo(CommandStatus.ESME_ROK);
                    }
                    long deliveredAt = System.nanoTime();
                    awaitOrShow(() -> redis.xlen("crash:inbound") >= MESSAGES, second);
                    List<StreamMessage<String, String>> events = redis.xrange("crash:inbound", Range.create("-", "+"));
                    Set<String> texts = new HashSet<>();
                    for (StreamMessage<String, String> e : events) {
                        texts.add(JSON.readTree(e.getBody().get("event")).path("text").asText());
                    }
                    assertThat(events).as("one event per message").hasSize(MESSAGES);
                    assertThat(texts).hasSize(MESSAGES)
                            .contains("Parts acknowledged before the crash, the last after it. #0");
                    // The SMSC resending a last part (as after a lost response) must not deliver it again.
                    assertThat(deliver(bind, part(0, 3, "the last after it. #0"))).isEqualTo(CommandStatus.ESME_ROK);
                    assertThat(redis.xlen("crash:inbound")).as("delivered once").isEqualTo(MESSAGES);
                    assertThat(redis.keys("crash:mo:*")).as("only the resent part waits").hasSize(2);
                    System.out.printf("reassembly crash test: %d three-part MOs, killed (SIGKILL) after parts 1-2 of each"
                                    + " (%d ms after the first start); %d of %d delivered whole, each once, by the"
                                    + " restarted process %d ms after the kill%n", MESSAGES,
                            TimeUnit.NANOSECONDS.toMillis(killedAt - started), texts.size(), MESSAGES,
                            TimeUnit.NANOSECONDS.toMillis(deliveredAt - killedAt));
                    second.terminate();
                    assertThat(second.waitFor(WAIT)).as(second.stderr()).isZero();
                } finally {
                    second.close();
                }
            } finally {
                redisClient.shutdown();
            }
        }
    }

    private static SmppSession awaitBound(SmscSimulator smsc, SmppSession not, CliProcess p) {
        SmppSession[] found = new SmppSession[1];
        awaitOrShow(() -> {
            for (SmppSession s : smsc.sessions()) {
                if (s != not && s.state().isBound() && s.state().canReceive()) {
                    found[0] = s;
                    return true;
                }
            }
            return false;
        }, p);
        return found[0];
    }

    private static CommandStatus deliver(SmppSession bind, DeliverSm part) throws Exception {
        PduResponse r = bind.send(part).get(30, TimeUnit.SECONDS);
        return r.commandStatus();
    }

    private static DeliverSm part(int message, int seq, String text) {
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[6 + body.length];
        data[0] = 5;
        data[1] = 0;
        data[2] = 3;
        data[3] = (byte) (200 + message);
        data[4] = 3;
        data[5] = (byte) seq;
        System.arraycopy(body, 0, data, 6, body.length);
        return DeliverSm.builder().sourceAddress(Address.international("254711000000"))
                .destinationAddress(Address.of("1234")).esmClass(EsmClass.DEFAULT.withUdhi(true))
                .dataCoding(DataCoding.SMSC_DEFAULT).shortMessage(data).build();
    }

    private static void awaitOrShow(Callable<Boolean> condition, CliProcess p) {
        try {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n---- stderr:\n" + p.stderr(), e);
        }
    }
}
