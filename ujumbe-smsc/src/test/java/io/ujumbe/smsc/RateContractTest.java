package io.ujumbe.smsc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ujumbe.client.ExponentialRetryPolicy;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.PduHook;
import io.ujumbe.client.PercentageThrottleHandler;
import io.ujumbe.client.SmppClient;
import io.ujumbe.client.TokenBucketRateLimiter;
import io.ujumbe.pdu.Pdu;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.pdu.SubmitSm;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.ujumbe.smsc.SmscTestSupport.client;
import static io.ujumbe.smsc.SmscTestSupport.smsc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client keeps an account's contracted rate against the simulator enforcing it
 * ({@code faults.maxRatePerSession}), and a throttled spell costs seconds, not the throttle
 * handler's sampling window.
 */
class RateContractTest {

    /**
     * Receive times on the simulator may bunch by a few milliseconds of scheduling jitter (the
     * client spaces its sends exactly); a full bucket at the start put about twice the rate into
     * the first second.
     */
    private static final int JITTER_ALLOWANCE = 2;

    @Test
    void a105MessagesAt35PerSecondGoInAboutThreeSecondsWithoutAThrottle() throws Exception {
        SmscConfig config = smsc().faults(FaultConfig.builder().maxRatePerSession(35).build()).build();
        EsmeListener l = new EsmeListener();
        PercentageThrottleHandler throttle = PercentageThrottleHandler.withDefaults();
        try (SmscSimulator smsc = SmscSimulator.start(config);
             SmppClient client = SmppClient.create(client(smsc, l).ratePerSecond(35).throttleHandler(throttle)
                     .defaultRegisteredDelivery(RegisteredDelivery.NONE).build())) {
            client.start().get(20, TimeUnit.SECONDS);
            long start = System.nanoTime();
            List<MessageOutcome> outcomes = sendAll(client, 105, Duration.ofSeconds(60));
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(outcomes).allMatch(MessageOutcome::isAccepted);
            assertThat(smsc.stats().fault(Counters.THROTTLED)).as("ESME_RTHROTTLED answers").isZero();
            assertThat(throttle.pauses()).isZero();
            assertThat(mostInAnySecond(smsc.record().submits())).isLessThanOrEqualTo(35 + JITTER_ALLOWANCE);
            // 104 gaps of 1/35 s is 2.97 s; it took 361 s before (a burst, then two 180 s pauses).
            assertThat(seconds).as("seconds for 105 at 35/s").isGreaterThan(2.9).isLessThan(12);
        }
    }

    @Test
    void aBurstAllowedByConfigurationStillNeverExceedsTheRateInAnySecond() throws Exception {
        SmscConfig config = smsc().faults(FaultConfig.builder().maxRatePerSession(50).build()).build();
        EsmeListener l = new EsmeListener();
        // When the client writes each submit_sm: a burst's receive times at the SMSC spread with its reading.
        List<Instant> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (SmscSimulator smsc = SmscSimulator.start(config);
             SmppClient client = SmppClient.create(client(smsc, l).ratePerSecond(50, 50).windowSize(100)
                     .addHook(new PduHook() {
                         @Override
                         public void beforeSend(String sessionId, Pdu pdu) {
                             if (pdu instanceof SubmitSm) {
                                 sent.add(Instant.now());
                             }
                         }
                     })
                     .defaultRegisteredDelivery(RegisteredDelivery.NONE).build())) {
            client.start().get(20, TimeUnit.SECONDS);
            assertThat(sendAll(client, 150, Duration.ofSeconds(60))).allMatch(MessageOutcome::isAccepted);

            assertThat(smsc.stats().fault(Counters.THROTTLED)).isZero();
            // The limiter grants at most 50 per second exactly (see TokenBucketRateLimiterTest); the
            // writes of a burst of 50 spread over a few milliseconds. A bucket that starts full and
            // refills in the same second would put about 100 here.
            assertThat(mostInAnySecondOf(sent)).isLessThanOrEqualTo(50 + JITTER_ALLOWANCE);
        }
    }

    @Test
    void aThrottledSpellPausesBrieflyWithAWarningAndSendingResumesWithinSeconds() throws Exception {
        // No client rate against an SMSC allowing 100/s: the SMSC throttles as soon as its bucket is empty.
        SmscConfig config = smsc().faults(FaultConfig.builder().maxRatePerSession(100).build()).build();
        EsmeListener l = new EsmeListener();
        // naz's thresholds with its 180 s sampling window: naz (and ujumbe before) paused for all of it.
        PercentageThrottleHandler throttle = PercentageThrottleHandler.withDefaults();
        ListAppender<ILoggingEvent> logs = capture(PercentageThrottleHandler.class);
        try (SmscSimulator smsc = SmscSimulator.start(config);
             SmppClient client = SmppClient.create(client(smsc, l).throttleHandler(throttle).windowSize(50)
                     .retryPolicy(ExponentialRetryPolicy.builder().initialBackoff(Duration.ofMillis(20))
                             .maxBackoff(Duration.ofMillis(200)).maxAttempts(1000).build())
                     .defaultRegisteredDelivery(RegisteredDelivery.NONE).build())) {
            client.start().get(20, TimeUnit.SECONDS);
            List<MessageOutcome> outcomes = sendAll(client, 400, Duration.ofSeconds(60));

            assertThat(outcomes).allMatch(MessageOutcome::isAccepted);
            assertThat(smsc.stats().fault(Counters.THROTTLED)).isPositive();
            assertThat(throttle.pauses()).as("pauses").isPositive();
            assertThat(smsc.record().submits()).hasSize(400);
            List<String> warnings = messages(logs, Level.WARN);
            assertThat(warnings).anySatisfy(w -> assertThat(w)
                    .containsPattern("SMSC throttling: \\d+ of the last \\d+ responses \\(\\d+\\.\\d %, above 1 %\\) "
                            + "were throttles; sending paused for 1000 ms, then one probe"));
            assertThat(messages(logs, Level.INFO)).anySatisfy(i -> assertThat(i).contains("sending resumes"));
        } finally {
            release(logs, PercentageThrottleHandler.class);
        }
    }

    @Test
    void congestionStateInResponsesSlowsTheRateInProportion() throws Exception {
        SmscConfig config = smsc().faults(FaultConfig.builder().congestionState(60).build()).build();
        EsmeListener l = new EsmeListener();
        TokenBucketRateLimiter limiter = TokenBucketRateLimiter.builder().permitsPerSecond(100).build();
        try (SmscSimulator smsc = SmscSimulator.start(config);
             SmppClient client = SmppClient.create(client(smsc, l).rateLimiter(limiter)
                     .defaultRegisteredDelivery(RegisteredDelivery.NONE).build())) {
            client.start().get(20, TimeUnit.SECONDS);
            assertThat(sendAll(client, 100, Duration.ofSeconds(60))).allMatch(MessageOutcome::isAccepted);

            assertThat(limiter.effectivePermitsPerSecond()).isCloseTo(40.0, org.assertj.core.api.Assertions.within(1e-9));
            // At 100/s the first second would hold 100; at 60 % congestion the rate is 40/s.
            assertThat(mostInAnySecond(smsc.record().submits())).isLessThanOrEqualTo(40 + JITTER_ALLOWANCE);
        }
    }

    @Test
    void pauseOnThrottleKeepsTheOrderTheThrottledMessageGoesFirst() throws Exception {
        // Window 1: one message at a time, so order at the SMSC is exactly the order of acceptance.
        SmscConfig config = smsc().faults(FaultConfig.builder().maxRatePerSession(20).build()).build();
        EsmeListener l = new EsmeListener();
        try (SmscSimulator smsc = SmscSimulator.start(config);
             SmppClient client = SmppClient.create(client(smsc, l).windowSize(1)
                     .pauseOnThrottle(Duration.ofMillis(200))
                     .throttleHandler(PercentageThrottleHandler.builder().sampleSize(1_000_000).build())
                     .defaultRegisteredDelivery(RegisteredDelivery.NONE).build())) {
            client.start().get(20, TimeUnit.SECONDS);
            List<MessageOutcome> outcomes = sendAll(client, 80, Duration.ofSeconds(60));

            assertThat(outcomes).allMatch(MessageOutcome::isAccepted);
            assertThat(smsc.stats().fault(Counters.THROTTLED)).as("throttles").isPositive();
            List<String> texts = new ArrayList<>();
            for (ReceivedSubmit s : smsc.record().submits()) {
                texts.add(s.text());
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                expected.add("message " + i);
            }
            assertThat(texts).as("accepted in the order given, each once").isEqualTo(expected);
        }
    }

    @Test
    void withoutPauseOnThrottleLaterMessagesOvertakeTheThrottledOne() throws Exception {
        // The contrast that shows the option matters: retried through the outbox, order is lost.
        SmscConfig config = smsc().faults(FaultConfig.builder().maxRatePerSession(20).build()).build();
        EsmeListener l = new EsmeListener();
        try (SmscSimulator smsc = SmscSimulator.start(config);
             SmppClient client = SmppClient.create(client(smsc, l).windowSize(1)
                     .throttleHandler(PercentageThrottleHandler.builder().sampleSize(1_000_000).build())
                     .retryPolicy(ExponentialRetryPolicy.builder().initialBackoff(Duration.ofMillis(100))
                             .maxBackoff(Duration.ofMillis(200)).maxAttempts(1000).build())
                     .defaultRegisteredDelivery(RegisteredDelivery.NONE).build())) {
            client.start().get(20, TimeUnit.SECONDS);
            assertThat(sendAll(client, 80, Duration.ofSeconds(60))).allMatch(MessageOutcome::isAccepted);
            List<String> texts = smsc.record().submits().stream().map(ReceivedSubmit::text).toList();
            assertThat(texts).hasSize(80).isNotEqualTo(texts.stream().sorted(
                    java.util.Comparator.comparingInt(t -> Integer.parseInt(t.substring("message ".length())))).toList());
        }
    }

    /** The most submits the simulator accepted within any one second [t, t + 1 s). */
    static int mostInAnySecond(List<ReceivedSubmit> submits) {
        return mostInAnySecondOf(submits.stream().map(ReceivedSubmit::receivedAt).toList());
    }

    static int mostInAnySecondOf(List<Instant> instants) {
        List<Instant> times = instants.stream().sorted().toList();
        int worst = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (Duration.between(times.get(j), times.get(i)).compareTo(Duration.ofSeconds(1)) >= 0) {
                j++;
            }
            worst = Math.max(worst, i - j + 1);
        }
        return worst;
    }

    private static List<MessageOutcome> sendAll(SmppClient client, int n, Duration timeout) throws Exception {
        List<CompletableFuture<MessageOutcome>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(client.send(OutboundMessage.text(String.format("2547%08d", i), "message " + i)));
        }
        List<MessageOutcome> out = new ArrayList<>();
        for (CompletableFuture<MessageOutcome> f : futures) {
            out.add(f.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        }
        return out;
    }

    private static ListAppender<ILoggingEvent> capture(Class<?> source) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger logger = context.getLogger(source);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender, Class<?> source) {
        Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(source);
        logger.detachAppender(appender);
        appender.stop();
    }

    private static List<String> messages(ListAppender<ILoggingEvent> appender, Level level) {
        synchronized (appender) {
            return appender.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
        }
    }
}
