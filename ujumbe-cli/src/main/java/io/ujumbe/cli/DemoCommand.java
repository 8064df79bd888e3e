package io.ujumbe.cli;

import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.ClientListener;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.ReceiptEvent;
import io.ujumbe.client.SmppClient;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.smsc.SmscAccount;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import io.ujumbe.text.NationalLanguage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * {@code ujumbe demo}: the library end to end in one process — a simulator on a free port, a
 * client bound to it, a mix of messages (short GSM, long GSM in parts, Unicode with emoji, Turkish
 * with the national shift tables), their outcomes and receipts as they arrive, and a summary.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Start a simulator in-process, send a mix of messages to it, print outcomes and receipts.")
final class DemoCommand implements Callable<Integer> {
    private static final String SYSTEM_ID = "demo";
    private static final String PASSWORD = "demo";

    @Option(names = "--receipt-delay", paramLabel = "MILLIS", defaultValue = "300",
            description = "How long the simulator waits before each receipt (default: ${DEFAULT-VALUE} ms).")
    long receiptDelayMillis;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "15",
            description = "How long to wait for every outcome and receipt (default: ${DEFAULT-VALUE} s).")
    int waitSeconds;

    /** The messages the demo sends: a label (its correlation id) and a text. */
    static List<OutboundMessage> messages() {
        String longGsm = "ujumbe splits a long text into parts that the handset joins again. "
                + "This message is longer than 160 GSM characters, so it travels as two or three parts, "
                + "each with a user data header naming the part and the total. Receipts come per part.";
        return List.of(
                OutboundMessage.builder().correlationId("short-gsm").to("254700000001")
                        .text("Your code is 1234").build(),
                OutboundMessage.builder().correlationId("long-gsm").to("254700000002").text(longGsm).build(),
                OutboundMessage.builder().correlationId("unicode-emoji").to("254700000003")
                        .text("Habari! Karibu ujumbe \uD83D\uDC4B\uD83C\uDF89 \u4F60\u597D").build(),
                OutboundMessage.builder().correlationId("turkish").to("905300000004")
                        .text("G\u00FCnayd\u0131n! \u015Eifreniz: 4821. \u0130yi g\u00FCnler, \u00E7ok te\u015Fekk\u00FCrler.")
                        .build());
    }

    @Override
    public Integer call() throws Exception {
        ConsoleOutput out = new ConsoleOutput(System.out);
        Tally tally = new Tally();
        List<OutboundMessage> messages = messages();
        try (SmscSimulator simulator = SmscSimulator.start(SmscConfig.builder()
                .port(0)
                .account(SmscAccount.allowingAll(SYSTEM_ID, PASSWORD))
                .receiptDelay(Duration.ofMillis(receiptDelayMillis))
                .build())) {
            out.line("simulator listening on 127.0.0.1:" + simulator.port() + " (system_id " + SYSTEM_ID + ")");
            SmppClient client = SmppClient.create(ClientConfig.builder()
                    .host("127.0.0.1").port(simulator.port()).systemId(SYSTEM_ID).password(PASSWORD)
                    .maxBindRejections(1)
                    .nationalLanguages(Set.of(NationalLanguage.TURKISH))
                    .defaultRegisteredDelivery(RegisteredDelivery.RECEIPT)
                    .addListener(new ClientListener() {
                        @Override
                        public void onOutcome(MessageOutcome outcome) {
                            tally.outcome(outcome, true);
                            out.line(ConsoleOutput.format(outcome));
                        }

                        @Override
                        public CompletionStage<Void> onReceipt(ReceiptEvent event) {
                            tally.receipt(event);
                            out.line(ConsoleOutput.format(event));
                            return ClientListener.super.onReceipt(event);
                        }
                    })
                    .build());
            boolean allReceipts;
            try {
                client.start().get(waitSeconds, TimeUnit.SECONDS);
                out.line("bound; sending " + messages.size() + " messages");
                for (OutboundMessage m : messages) {
                    tally.sent();
                    client.send(m).whenComplete((o, e) -> {
                        if (e != null) {
                            tally.notTaken();
                            out.line("failed    " + m.correlationId() + "  not taken: " + e.getMessage());
                        }
                    });
                }
                tally.awaitOutcomes(messages.size());
                allReceipts = tally.awaitReceipts(Duration.ofSeconds(waitSeconds));
            } finally {
                client.stop(Duration.ofSeconds(5)).join();
            }
            out.line("summary: " + tally.summary());
            if (!allReceipts) {
                out.line("missing receipts: " + (tally.expectedReceipts() - tally.receipts()) + " of "
                        + tally.expectedReceipts() + " did not arrive within " + waitSeconds + " s");
            }
            return tally.failed() == 0 && allReceipts ? Main.OK : Main.FAILED;
        }
    }
}
