package io.ujumbe.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.ClientListener;
import io.ujumbe.client.InboundMessage;
import io.ujumbe.client.SmppClient;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.DataCoding;
import io.ujumbe.pdu.DeliverSm;
import io.ujumbe.pdu.EsmClass;
import io.ujumbe.pdu.PduResponse;
import io.ujumbe.session.SmppSession;
import io.ujumbe.session.TestSmsc;
import io.ujumbe.text.InboundPart;
import io.ujumbe.text.ReassembledMessage;
import io.ujumbe.text.ReassemblyResult;
import io.ujumbe.testkit.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Inbound multipart reassembly shared in a real Redis: parts spread over processes, failures, the bound. */
class RedisReassemblyStoreTest {
    private static RedisServer server;
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> admin;
    private static RedisCommands<String, String> redis;

    @BeforeAll
    static void startRedis() {
        server = RedisServer.start();
        client = RedisClients.create(server.uri());
        admin = client.connect();
        redis = admin.sync();
    }

    @AfterAll
    static void stopRedis() {
        admin.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        server.close();
    }

    /** One client process's inbound messages, and whether its listener fails. */
    static final class Inbox implements ClientListener {
        final List<InboundMessage> messages = new CopyOnWriteArrayList<>();
        volatile boolean fail;

        @Override
        public CompletionStage<Void> onInboundMessage(InboundMessage message) {
            if (fail) {
                return CompletableFuture.failedFuture(new IllegalStateException("application down"));
            }
            messages.add(message);
            return CompletableFuture.completedFuture(null);
        }
    }

    private static SmppClient client(TestSmsc smsc, RedisReassemblyStore store, Inbox inbox) throws Exception {
        SmppClient c = SmppClient.create(ClientConfig.builder().host("127.0.0.1").port(smsc.port())
                .systemId("acme").password("secret").enquireLinkInterval(Duration.ZERO)
                .reassemblyStore(store).addListener(inbox).build());
        c.start().get(20, TimeUnit.SECONDS);
        return c;
    }

    @Test
    // The clients are opened for their binds, not referenced.
    @SuppressWarnings("try")
    void partsSpreadOverTheBindsOfTwoProcessesJoinAndAreDeliveredOnce() throws Exception {
        try (TestSmsc smsc = TestSmsc.start();
             RedisReassemblyStore storeA = RedisReassemblyStore.builder(client).keyPrefix("spread:").build();
             RedisReassemblyStore storeB = RedisReassemblyStore.builder(client).keyPrefix("spread:").build()) {
            Inbox a = new Inbox();
            Inbox b = new Inbox();
            try (SmppClient ca = client(smsc, storeA, a); SmppClient cb = client(smsc, storeB, b)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> smsc.boundSessions().size() == 2);
                List<SmppSession> binds = smsc.boundSessions();
                assertThat(answer(binds.get(0), part(77, 3, 1, "one "))).isEqualTo(CommandStatus.ESME_ROK);
                assertThat(answer(binds.get(1), part(77, 3, 2, "two "))).isEqualTo(CommandStatus.ESME_ROK);
                assertThat(answer(binds.get(0), part(77, 3, 3, "three"))).isEqualTo(CommandStatus.ESME_ROK);
                assertThat(a.messages.size() + b.messages.size()).as("delivered once, by one process").isEqualTo(1);
                InboundMessage m = a.messages.isEmpty() ? b.messages.get(0) : a.messages.get(0);
                assertThat(m.text()).isEqualTo("one two three");
                assertThat(m.parts()).isEqualTo(3);
                assertThat(redis.keys("spread:mo:*")).as("nothing left in redis but the empty index").isEmpty();
            }
        }
    }

    @Test
    // The clients are opened for their binds, not referenced.
    @SuppressWarnings("try")
    void aListenerFailingOnTheLastPartLeavesThePartsForTheResentPartOnAnotherProcess() throws Exception {
        try (TestSmsc smsc = TestSmsc.start();
             RedisReassemblyStore storeA = RedisReassemblyStore.builder(client).keyPrefix("fail:").build();
             RedisReassemblyStore storeB = RedisReassemblyStore.builder(client).keyPrefix("fail:").build()) {
            Inbox a = new Inbox();
            Inbox b = new Inbox();
            a.fail = true;
            try (SmppClient ca = client(smsc, storeA, a)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> smsc.boundSessions().size() == 1);
                SmppSession toA = smsc.boundSessions().get(0);
                assertThat(answer(toA, part(9, 2, 1, "Hello, "))).isEqualTo(CommandStatus.ESME_ROK);
                assertThat(answer(toA, part(9, 2, 2, "world"))).isEqualTo(CommandStatus.ESME_RX_T_APPN);
                assertThat(a.messages).isEmpty();
            }
            // The SMSC resends the last part, this time over another process's bind.
            try (SmppClient cb = client(smsc, storeB, b)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> smsc.boundSessions().size() == 1);
                assertThat(answer(smsc.boundSessions().get(0), part(9, 2, 2, "world"))).isEqualTo(CommandStatus.ESME_ROK);
                assertThat(b.messages).hasSize(1);
                assertThat(b.messages.get(0).text()).isEqualTo("Hello, world");
            }
        }
    }

    @Test
    void aCompleteMessageBeingDeliveredIsNotDeliveredTwiceAndTheBoundDropsTheOldest() throws Exception {
        try (RedisReassemblyStore one = RedisReassemblyStore.builder(client).keyPrefix("lease:")
                .maximumIncomplete(2).build();
             RedisReassemblyStore two = RedisReassemblyStore.builder(client).keyPrefix("lease:").build()) {
            assertThat(offer(one, inbound(1, 2, 1, "a")).status()).isEqualTo(ReassemblyResult.Status.INCOMPLETE);
            ReassemblyResult done = offer(one, inbound(1, 2, 2, "b"));
            assertThat(done.status()).isEqualTo(ReassemblyResult.Status.COMPLETE);
            // While the first process delivers, another copy of the last part (to another process) waits.
            assertThat(offer(two, inbound(1, 2, 2, "b")).status()).isEqualTo(ReassemblyResult.Status.IN_DELIVERY);
            ReassembledMessage whole = done.message().orElseThrow();
            one.notDelivered(whole).toCompletableFuture().get(10, TimeUnit.SECONDS);
            ReassemblyResult again = offer(two, inbound(1, 2, 2, "b"));
            assertThat(again.status()).isEqualTo(ReassemblyResult.Status.COMPLETE);
            assertThat(new String(again.message().orElseThrow().payload(), StandardCharsets.US_ASCII)).isEqualTo("ab");
            // The first process's stale turn can no longer drop what the second now delivers.
            one.delivered(whole).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(redis.exists("lease:mo:254711000000:1234:1:2:8")).isEqualTo(1);
            two.delivered(again.message().orElseThrow()).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(redis.exists("lease:mo:254711000000:1234:1:2:8")).isZero();

            // Bound of 2 incomplete messages: the third pushes the oldest out.
            offer(one, inbound(10, 2, 1, "x"));
            offer(one, inbound(11, 2, 1, "y"));
            offer(one, inbound(12, 2, 1, "z"));
            assertThat(redis.exists("lease:mo:254711000000:1234:10:2:8")).isZero();
            assertThat(redis.exists("lease:mo:254711000000:1234:11:2:8", "lease:mo:254711000000:1234:12:2:8"))
                    .isEqualTo(2);
            assertThat(redis.pttl("lease:mo:254711000000:1234:12:2:8")).isPositive();
        }
    }

    private static ReassemblyResult offer(RedisReassemblyStore store, InboundPart part) throws Exception {
        return store.offer(part).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static CommandStatus answer(SmppSession bind, DeliverSm part) throws Exception {
        PduResponse r = bind.send(part).get(20, TimeUnit.SECONDS);
        return r.commandStatus();
    }

    private static InboundPart inbound(int ref, int total, int seq, String text) {
        byte[] data = udhPart(ref, total, seq, text);
        return InboundPart.of("254711000000", "1234", 0, data, true);
    }

    private static DeliverSm part(int ref, int total, int seq, String text) {
        return DeliverSm.builder().sourceAddress(Address.international("254711000000"))
                .destinationAddress(Address.of("1234")).esmClass(EsmClass.DEFAULT.withUdhi(true))
                .dataCoding(DataCoding.SMSC_DEFAULT).shortMessage(udhPart(ref, total, seq, text)).build();
    }

    private static byte[] udhPart(int ref, int total, int seq, String text) {
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[6 + body.length];
        data[0] = 5;
        data[1] = 0;
        data[2] = 3;
        data[3] = (byte) ref;
        data[4] = (byte) total;
        data[5] = (byte) seq;
        System.arraycopy(body, 0, data, 6, body.length);
        return data;
    }
}
