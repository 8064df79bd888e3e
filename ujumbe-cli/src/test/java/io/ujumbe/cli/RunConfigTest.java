package io.ujumbe.cli;

import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.TokenBucketRateLimiter;
import io.ujumbe.pdu.BindType;
import io.ujumbe.text.MultipartMode;
import io.ujumbe.text.NationalLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading and checking {@code ujumbe run} config files, in process. */
class RunConfigTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void yamlFileSetsEveryClientSettingAndTakesThePasswordFromTheEnvironment() throws Exception {
        Path file = write("c.yaml", String.join("\n",
                "smsc:",
                "  host: smsc.example.com",
                "  port: 2776",
                "  systemId: acme",
                "  password: ${MY_SECRET}",
                "  bind: tx",
                "  binds: 3",
                "  responseTimeout: 500ms",
                "client:",
                "  multipart: sar",
                "  nationalLanguages: [turkish]",
                "  ratePerSecond: 35",
                "logMetadata: {app: billing, region: 7}",
                "outbox: {path: messages.jsonl}",
                "http: {port: 0}",
                "drainTimeout: PT5S",
                ""));
        RunConfig config = RunConfig.load(file, Map.of("MY_SECRET", "s3cret"));
        ClientConfig client = config.clientBuilder().build();
        assertThat(client.host()).isEqualTo("smsc.example.com");
        assertThat(client.port()).isEqualTo(2776);
        assertThat(client.password()).isEqualTo("s3cret");
        assertThat(client.bindType()).isEqualTo(BindType.TRANSMITTER);
        assertThat(client.binds()).isEqualTo(3);
        assertThat(client.session().responseTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(client.multipartMode()).isEqualTo(MultipartMode.SAR);
        assertThat(client.nationalLanguages()).containsExactly(NationalLanguage.TURKISH);
        assertThat(client.logMetadata()).containsEntry("app", "billing").containsEntry("region", "7");
        assertThat(config.outboxPath()).isEqualTo("messages.jsonl");
        assertThat(config.httpPort()).isZero();
        assertThat(config.drainTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void passwordLeftOutComesFromUjumbePassword() throws Exception {
        Path file = write("c.json", "{\"smsc\":{\"host\":\"h\",\"systemId\":\"a\"},\"outbox\":{\"path\":\"-\"}}");
        assertThat(RunConfig.load(file, Map.of(RunConfig.PASSWORD_ENV, "pw")).clientBuilder().build().password())
                .isEqualTo("pw");
    }

    @Test
    void everyProblemIsReportedWithItsKey() throws Exception {
        Path file = write("c.json", "{\"smsc\":{\"port\":0,\"systemId\":\"a\",\"password\":\"${NOPE}\",\"bind\":\"both\"},"
                + "\"client\":{\"multipart\":\"zip\",\"nationalLanguages\":[\"klingon\"]},"
                + "\"outbox\":{\"type\":\"kafka\",\"path\":\"-\"},\"drainTimeout\":\"soon\",\"extra\":true}");
        assertThatThrownBy(() -> RunConfig.load(file, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "smsc.host is required",
                        "smsc.port must be 1..65535, was 0",
                        "smsc.password refers to environment variable NOPE, which is not set",
                        "smsc.bind must be one of trx, tx, rx, was 'both'",
                        "client.multipart must be one of udh, udh16, sar, payload, none, was 'zip'",
                        "client.nationalLanguages must hold only national language names such as turkish, found 'klingon'",
                        "outbox.type must be jsonl or redis, was 'kafka'",
                        "drainTimeout must be a duration like 500ms, 10s, 2m, 3d or PT10S, was 'soon'",
                        "extra is not a known setting (allowed here: smsc, client, logMetadata, redis, outbox, http, drainTimeout)"));
    }

    @Test
    void clientLimitsAreReportedToo() throws Exception {
        Path file = write("c.json", "{\"smsc\":{\"host\":\"h\",\"systemId\":\"a\",\"password\":\"far-too-long\"},"
                + "\"outbox\":{\"path\":\"-\"}}");
        assertThatThrownBy(() -> RunConfig.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("password must be at most 8 characters");
    }

    @Test
    void invalidYamlSaysWhereAndDoesNotEchoTheFile() throws Exception {
        Path file = write("c.yaml", "smsc: [unclosed\n");
        assertThatThrownBy(() -> RunConfig.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("is not valid YAML");
    }

    // ---- the redis section ---------------------------------------------------------------------

    private static final String SMSC = "smsc: {host: h, systemId: a, password: p}\n";

    @Test
    void redisSectionSetsEveryKeyAndHidesThePassword() throws Exception {
        Path file = write("r.yaml", SMSC + String.join("\n",
                "client: {ratePerSecond: 50}",
                "redis:",
                "  uri: redis://app:${REDIS_PASSWORD}@redis.example.com:6380/2",
                "  commandTimeout: 2s",
                "  keyPrefix: \"acme:\"",
                "  outbox: {group: workers, consumer: w1, maxLength: 500, maxAttempts: 3, claimIdle: 30s}",
                "  correlation: {ttl: 2d}",
                "  rateLimit: {capacity: 10, batch: 2}",
                "  sequencer: {enabled: true, blockSize: 50}",
                "  events: {outcomes: \"acme:out\", inbound: \"acme:mo\"}",
                "outbox: {type: redis}",
                ""));
        RunConfig config = RunConfig.load(file, Map.of("REDIS_PASSWORD", "hunter2"));
        RedisSettings r = config.redis();
        assertThat(config.outboxType()).isEqualTo(RunConfig.OutboxType.REDIS);
        assertThat(config.outboxPath()).isNull();
        assertThat(r.uri).isEqualTo("redis://app:hunter2@redis.example.com:6380/2");
        assertThat(r.redactedUri()).isEqualTo("redis://app:***@redis.example.com:6380/2");
        assertThat(r.commandTimeout).isEqualTo(Duration.ofSeconds(2));
        assertThat(r.keyPrefix).isEqualTo("acme:");
        assertThat(r.group).isEqualTo("workers");
        assertThat(r.consumer).isEqualTo("w1");
        assertThat(r.maxLength).isEqualTo(500);
        assertThat(r.maxAttempts).isEqualTo(3);
        assertThat(r.claimIdle).isEqualTo(Duration.ofSeconds(30));
        assertThat(r.correlationTtl).isEqualTo(Duration.ofDays(2));
        assertThat(r.correlationKeyPrefix()).isEqualTo("acme:corr:");
        assertThat(r.rateLimit).isTrue();
        assertThat(r.rateKey()).isEqualTo("acme:rate");
        assertThat(r.rateCapacity).isEqualTo(10);
        assertThat(r.rateBatch).isEqualTo(2);
        assertThat(r.sequencer).isTrue();
        assertThat(r.sequenceKey()).isEqualTo("acme:sequence");
        assertThat(r.sequencerBlockSize).isEqualTo(50);
        assertThat(r.outcomesStream).isEqualTo("acme:out");
        assertThat(r.receiptsStream).isNull();
        assertThat(r.inboundStream).isEqualTo("acme:mo");
        assertThat(config.toString()).contains("redis://app:***@redis.example.com").doesNotContain("hunter2");
        assertThat(r.scrub("cannot connect to redis://app:hunter2@redis.example.com:6380/2 (auth hunter2)"))
                .isEqualTo("cannot connect to redis://app:***@redis.example.com:6380/2 (auth ***)");
        // The shared limiter replaces the client's own token bucket.
        assertThat(config.clientBuilder().build().rateLimiter()).isNotInstanceOf(TokenBucketRateLimiter.class);
    }

    @Test
    void redisDefaultsAndAJsonlFeederIntoRedis() throws Exception {
        Path file = write("r.yaml", SMSC + "redis: {uri: \"redis://localhost\"}\noutbox: {path: m.jsonl}\n");
        RunConfig config = RunConfig.load(file, Map.of());
        RedisSettings r = config.redis();
        assertThat(config.outboxType()).isEqualTo(RunConfig.OutboxType.JSONL);
        assertThat(config.outboxPath()).isEqualTo("m.jsonl");
        assertThat(r.commandTimeout).isEqualTo(Duration.ofSeconds(5));
        assertThat(r.keyPrefix).isEqualTo("ujumbe:");
        assertThat(r.group).isEqualTo("ujumbe");
        assertThat(r.consumer).isNull();
        assertThat(r.maxLength).isEqualTo(100_000);
        assertThat(r.maxAttempts).isEqualTo(10);
        assertThat(r.claimIdle).isEqualTo(Duration.ofSeconds(60));
        assertThat(r.correlationTtl).isEqualTo(Duration.ofDays(3));
        assertThat(r.rateLimit).as("no client.ratePerSecond: nothing to share").isFalse();
        assertThat(r.sequencer).isFalse();
        assertThat(r.publishesEvents()).isFalse();
        assertThat(RunConfig.load(write("n.yaml", SMSC + "outbox: {path: m.jsonl}\n"), Map.of()).redis()).isNull();
    }

    @Test
    void everyRedisProblemIsReportedWithItsKey() throws Exception {
        Path file = write("r.yaml", SMSC + String.join("\n",
                "client: {ratePerSecond: 200000}",
                "redis:",
                "  uri: \"http//:s3cret@\"",
                "  commandTimeout: 2m",
                "  keyPrefix: \"\"",
                "  outbox: {group: \"\", maxAttempts: 0, claimIdle: 100ms, maxLen: 5}",
                "  correlation: {ttl: forever}",
                "  rateLimit: {batch: 0}",
                "  sequencer: {enabled: yes please, blockSize: 1}",
                "  events: {outcomes: \"\", failures: x}",
                "  password: x",
                "outbox: {type: redis, path: m.jsonl}",
                ""));
        assertThatThrownBy(() -> RunConfig.load(file, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).containsExactlyInAnyOrder(
                            "redis.uri is not a valid Redis URI such as redis://host:6379/0, was 'http//:***@'",
                            "redis.commandTimeout must be at most 60s, was 120s",
                            "redis.keyPrefix must not be empty",
                            "redis.outbox.group must not be empty",
                            "redis.outbox.maxAttempts must be 1..1000, was 0",
                            "redis.outbox.claimIdle must be at least 300ms, was 100ms",
                            "redis.outbox.maxLen is not a known setting (allowed here: group, consumer, maxLength, maxAttempts, claimIdle)",
                            "redis.correlation.ttl must be a duration like 500ms, 10s, 2m, 3d or PT10S, was 'forever'",
                            "redis.rateLimit.batch must be 1..10000000, was 0",
                            "redis.rateLimit.enabled shares client.ratePerSecond, which must then be at most 100000, was 200000.0",
                            "redis.sequencer.enabled must be true or false, was \"yes please\"",
                            "redis.sequencer.blockSize must be 2..1000000, was 1",
                            "redis.events.outcomes must not be empty",
                            "redis.events.failures is not a known setting (allowed here: outcomes, receipts, inbound)",
                            "redis.password is not a known setting (allowed here: uri, commandTimeout, keyPrefix, outbox, "
                                    + "correlation, rateLimit, sequencer, events, reassembly)",
                            "outbox.path applies only to outbox.type jsonl (type redis reads the Redis stream)");
                });
    }

    @Test
    void redisOutboxNeedsARedisSectionAndAnExplicitRateLimitNeedsARate() throws Exception {
        Path file = write("r.yaml", SMSC + "outbox: {type: redis}\n");
        assertThatThrownBy(() -> RunConfig.load(file, Map.of())).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).containsExactly("outbox.type redis needs a redis section (at least redis.uri)"));
        Path noRate = write("s.yaml", SMSC + "redis: {uri: \"redis://${NO_SUCH_VAR}@h\", rateLimit: {enabled: true}}\n"
                + "outbox: {type: redis}\n");
        assertThatThrownBy(() -> RunConfig.load(noRate, Map.of())).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "redis.uri refers to environment variable NO_SUCH_VAR, which is not set",
                        "redis.rateLimit.enabled needs client.ratePerSecond (the account's rate) above 0"));
    }

    @Test
    void redactionHidesEveryFormOfPassword() {
        assertThat(RedisSettings.redact("redis://:pw@h:6379/0")).isEqualTo("redis://:***@h:6379/0");
        assertThat(RedisSettings.redact("rediss://pw@h")).isEqualTo("rediss://***@h");
        assertThat(RedisSettings.redact("redis://user:p@s/s@h")).isEqualTo("redis://user:***@h");
        assertThat(RedisSettings.redact("h//:pw@")).isEqualTo("h//:***@");
        assertThat(RedisSettings.redact("redis-sentinel://u:pw@h1,h2/0?sentinelMasterId=m"))
                .isEqualTo("redis-sentinel://u:***@h1,h2/0?sentinelMasterId=m");
        assertThat(RedisSettings.redact("redis://h:6379")).isEqualTo("redis://h:6379");
    }
}
