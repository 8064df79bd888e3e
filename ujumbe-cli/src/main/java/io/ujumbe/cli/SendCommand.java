package io.ujumbe.cli;

import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.ClientListener;
import io.ujumbe.client.MessageOutcome;
import io.ujumbe.client.OutboundMessage;
import io.ujumbe.client.ReceiptEvent;
import io.ujumbe.client.SmppClient;
import io.ujumbe.client.TextEncoding;
import io.ujumbe.pdu.Address;
import io.ujumbe.pdu.BindType;
import io.ujumbe.pdu.CommandStatus;
import io.ujumbe.pdu.RegisteredDelivery;
import io.ujumbe.text.MultipartMode;
import io.ujumbe.text.NationalLanguage;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ujumbe send}: binds, sends one message (or {@code --count} copies), prints each outcome
 * and receipt as it comes, and exits 1 if any message failed or the bind was refused.
 */
@Command(name = "send", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Send SMS through an SMSC and print each outcome (and receipt) as it happens.")
final class SendCommand implements Callable<Integer> {
    /** At most this many messages are queued in the client at once, so a large --count needs no large outbox. */
    private static final int MAX_QUEUED = 1_000;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "SMSC host (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "2775", description = "SMSC port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--system-id", required = true, description = "The account's system_id.")
    String systemId;

    @Option(names = "--password", description = "The account's password (default: env UJUMBE_PASSWORD).")
    String password;

    @Option(names = "--system-type", defaultValue = "", description = "system_type sent in the bind.")
    String systemType;

    @Option(names = "--bind", defaultValue = "trx", description = "trx (transceiver) or tx (transmitter; receipts then "
            + "need a separate receiver) (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--from", description = "Source address: digits for a number, else an alphanumeric sender id.")
    String from;

    @Option(names = "--to", required = true, description = "Destination number (E.164, '+' optional).")
    String to;

    @ArgGroup(exclusive = true, multiplicity = "1")
    TextSource text;

    @Option(names = "--coding", defaultValue = "auto", description = "auto, gsm, ucs2, latin1 or ia5 (default: ${DEFAULT-VALUE}).")
    String coding;

    @Option(names = "--multipart", defaultValue = "udh",
            description = "How long texts are sent: udh, udh16, sar, payload or none (default: ${DEFAULT-VALUE}).")
    String multipart;

    @Option(names = "--national-language", paramLabel = "LANG", split = ",",
            description = "GSM national shift tables auto coding may use, e.g. turkish,spanish.")
    List<String> nationalLanguages = new ArrayList<>();

    @Option(names = "--receipt", description = "Ask for delivery receipts and print them.")
    boolean receipt;

    @Option(names = "--count", defaultValue = "1", description = "Send the message this many times (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--rate", defaultValue = "0", description = "Submits per second; 0 = as fast as the window allows.")
    double rate;

    @Option(names = "--window", defaultValue = "10", description = "Requests in flight per bind (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--wait-receipts", paramLabel = "SECONDS", defaultValue = "30",
            description = "With --receipt: how long to wait for the receipts after the last outcome (default: ${DEFAULT-VALUE}).")
    int waitReceipts;

    @Option(names = "--bind-timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "Give up if not bound within this time (default: ${DEFAULT-VALUE}).")
    int bindTimeout;

    /** The message text: given inline or read from a file. */
    static final class TextSource {
        @Option(names = "--text", required = true, description = "The message text.")
        String text;

        @Option(names = "--text-file", required = true, paramLabel = "FILE", description = "Read the text from a UTF-8 file.")
        Path file;
    }

    @Override
    public Integer call() throws Exception {
        String pw = password != null ? password : System.getenv(RunConfig.PASSWORD_ENV);
        if (pw == null) {
            throw new IllegalArgumentException("--password is required (or set " + RunConfig.PASSWORD_ENV + ")");
        }
        BindType bindType = Choices.pick("--bind", bind, Choices.BIND);
        if (bindType == BindType.RECEIVER) {
            throw new IllegalArgumentException("--bind must be trx or tx to send, was rx");
        }
        TextEncoding encoding = Choices.pick("--coding", coding, Choices.CODING);
        MultipartMode mode = Choices.pick("--multipart", multipart, Choices.MULTIPART);
        EnumSet<NationalLanguage> languages = EnumSet.noneOf(NationalLanguage.class);
        for (String l : nationalLanguages) {
            NationalLanguage lang = Choices.language(l);
            if (lang == null) {
                throw new IllegalArgumentException("--national-language must name a GSM national language such as "
                        + "turkish, was '" + l + "'");
            }
            languages.add(lang);
        }
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, was " + count);
        }
        if (!(rate >= 0)) {
            throw new IllegalArgumentException("--rate must be 0 (unlimited) or more, was " + rate);
        }
        if (waitReceipts < 0 || bindTimeout < 1) {
            throw new IllegalArgumentException("--wait-receipts must be >= 0 and --bind-timeout >= 1");
        }
        String body = readText();

        ConsoleOutput out = new ConsoleOutput(System.out);
        Tally tally = new Tally();
        AtomicReference<CommandStatus> rejection = new AtomicReference<>();
        ClientConfig.Builder cb = ClientConfig.builder()
                .host(host).port(port).systemId(systemId).password(pw).systemType(systemType)
                .bindType(bindType).windowSize(window).maxBindRejections(1)
                .multipartMode(mode).nationalLanguages(languages)
                .defaultRegisteredDelivery(receipt ? RegisteredDelivery.RECEIPT : RegisteredDelivery.NONE)
                .addListener(new ClientListener() {
                    @Override
                    public void onOutcome(MessageOutcome outcome) {
                        tally.outcome(outcome, receipt);
                        out.line(ConsoleOutput.format(outcome));
                    }

                    @Override
                    public CompletionStage<Void> onReceipt(ReceiptEvent event) {
                        tally.receipt(event);
                        if (receipt) {
                            out.line(ConsoleOutput.format(event));
                        }
                        return ClientListener.super.onReceipt(event);
                    }

                    @Override
                    public void onBindRejected(CommandStatus status, int consecutiveRejections) {
                        rejection.set(status);
                    }
                });
        if (rate > 0) {
            cb.ratePerSecond(rate);
        }
        if (from != null) {
            cb.defaultSource(from.chars().allMatch(Character::isDigit) ? Address.international(from) : Address.alphanumeric(from));
        }
        ClientConfig config = cb.build();

        SmppClient client = SmppClient.create(config);
        String bindError = null;
        try {
            bindError = bind(client, rejection);
            if (bindError != null) {
                return Main.FAILED;
            }
            boolean showProgress = count > 1 && System.console() != null;
            ScheduledExecutorService ticker = showProgress ? progressTicker(out, tally) : null;
            sendAll(client, body, encoding, tally);
            tally.awaitOutcomes(count);
            if (ticker != null) {
                ticker.shutdownNow();
                out.endProgress();
            }
            if (receipt && tally.expectedReceipts() > 0 && !tally.awaitReceipts(Duration.ofSeconds(waitReceipts))) {
                ErrorLines.print("send", (tally.expectedReceipts() - tally.receipts()) + " of "
                        + tally.expectedReceipts() + " receipts did not arrive within " + waitReceipts + " s", null);
            }
        } finally {
            client.stop(Duration.ofSeconds(5)).join();
            if (bindError != null) {
                // After the client's own shutdown events: the answer is the last line of stderr.
                ErrorLines.print("send", bindError, Main.FAILED);
            }
        }
        out.line("summary: " + tally.summary());
        return tally.failed() > 0 ? Main.FAILED : Main.OK;
    }

    private String readText() throws IOException {
        if (text.file == null) {
            return text.text;
        }
        String s = Files.readString(text.file, StandardCharsets.UTF_8);
        // An editor's final newline is not meant to be part of the SMS.
        return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** Binds; null when bound, else exactly why it could not, for the user. */
    private String bind(SmppClient client, AtomicReference<CommandStatus> rejection) throws InterruptedException {
        try {
            client.start().get(bindTimeout, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            CommandStatus status = rejection.get();
            return "bind rejected by " + host + ":" + port + " for system_id " + systemId + ": "
                    + (status != null ? status.name() + " (" + status.description() + ")" : String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
            CommandStatus status = rejection.get();
            return "could not bind to " + host + ":" + port + " within " + bindTimeout + " s"
                    + (status != null ? " (last rejection: " + status.name() + ")" : " (is the SMSC running?)");
        }
    }

    private void sendAll(SmppClient client, String body, TextEncoding encoding, Tally tally) throws InterruptedException {
        Semaphore queued = new Semaphore(Math.min(count, MAX_QUEUED));
        for (int i = 1; i <= count; i++) {
            queued.acquire();
            OutboundMessage message = OutboundMessage.builder()
                    .correlationId(count == 1 ? "msg-1" : "msg-" + i)
                    .to(to).text(body).encoding(encoding).build();
            tally.sent();
            client.send(message).whenComplete((outcome, error) -> {
                queued.release();
                if (error != null) {
                    // Not taken at all, so no outcome reaches the listener: count and show it here.
                    tally.notTaken();
                    ErrorLines.print("send", message.correlationId() + " not sent: " + error.getMessage(), null);
                }
            });
        }
    }

    private ScheduledExecutorService progressTicker(ConsoleOutput out, Tally tally) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ujumbe-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> {
            int done = tally.done();
            double seconds = Math.max(0.001, tally.elapsed().toMillis() / 1000.0);
            double perSecond = done / seconds;
            String eta = perSecond > 0 ? String.format(Locale.ROOT, "%.0f s", (count - done) / perSecond) : "?";
            out.progress(String.format(Locale.ROOT, "%d/%d done (%.0f%%), %.0f msg/s, %d failed, ETA %s",
                    done, count, 100.0 * done / count, perSecond, tally.failed(), eta));
        }, 250, 250, TimeUnit.MILLISECONDS);
        return ticker;
    }
}
