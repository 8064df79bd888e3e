package io.ujumbe.gateway;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The status a timeline leads to, whatever the order its events were stored in. */
class MessageViewTest {
    static MessageRecord record(boolean receipt) {
        return new MessageRecord("m1", "shop", "2547", "ACME", null, null, "none", "JSON", 0, "POST", receipt, Map.of(),
                0L, List.of("sim"));
    }

    static MessageEvent receipt(String id, String stat) {
        return new MessageEvent("receipt", 2, "sim", List.of(id), 0, stat, "000", null);
    }

    static MessageEvent accepted(String... ids) {
        return new MessageEvent("accepted", 1, "sim", List.of(ids), 1, null, null, null);
    }

    @Test
    void aLongMessageIsDeliveredOnlyWhenEveryPartIs_evenWhenReceiptsAreStoredBeforeTheAcceptance() {
        List<MessageEvent> events = new ArrayList<>(List.of(MessageEvent.of("queued", 0, "sim", null),
                receipt("a", "DELIVRD"), receipt("b", "DELIVRD"), accepted("a", "b", "c")));
        assertThat(new MessageView(record(true), events).status()).isEqualTo(MessageStatus.ACCEPTED);
        events.add(receipt("c", "DELIVRD"));
        for (int i = 0; i < 5; i++) {
            Collections.shuffle(events);
            assertThat(new MessageView(record(true), events).status()).isEqualTo(MessageStatus.DELIVERED);
        }
    }

    @Test
    void statusesOfTheIssue() {
        MessageEvent queued = MessageEvent.of("queued", 0, "sim", null);
        assertThat(new MessageView(record(true), List.of(queued)).status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(new MessageView(record(false), List.of(queued, accepted("a"))).status()).isEqualTo(MessageStatus.SENT);
        assertThat(new MessageView(record(true), List.of(queued, accepted("a"), receipt("a", "UNDELIV"))).status())
                .isEqualTo(MessageStatus.FAILED);
        assertThat(new MessageView(record(true), List.of(queued, accepted("a"), receipt("a", "EXPIRED"))).status())
                .isEqualTo(MessageStatus.EXPIRED);
        assertThat(new MessageView(record(true), List.of(queued, accepted("a"), receipt("a", "ENROUTE"))).status())
                .isEqualTo(MessageStatus.ACCEPTED);
        assertThat(new MessageView(record(true), List.of(queued,
                new MessageEvent("failed", 1, "sim", List.of(), 1, "ESME_RINVDSTADR", "11", "bad"))).status())
                .isEqualTo(MessageStatus.FAILED);
    }

    /** query_sm's final_date: webhook attempts are appended after the outcome and must not move it. */
    @Test
    void theFinalTimeIsTheOutcomesNotALaterWebhookAttempts() {
        List<MessageEvent> events = new ArrayList<>(List.of(MessageEvent.of("queued", 10, "sim", null),
                new MessageEvent("accepted", 20, "sim", List.of("a"), 1, null, null, null),
                new MessageEvent("receipt", 30, "sim", List.of("a"), 0, "DELIVRD", "000", null),
                new MessageEvent("callback", 5_000, null, List.of(), 1, "500", null, "POST http://x/dlr: HTTP 500")));
        Collections.shuffle(events);
        MessageView v = new MessageView(record(true), events);
        assertThat(v.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(v.finalAt()).isEqualTo(30);
    }
}
