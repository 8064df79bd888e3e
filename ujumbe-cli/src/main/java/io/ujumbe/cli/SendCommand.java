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
import io.ujumbe.session.BindState;
import io.ujumbe.text.MultipartMode;
import io.ujumbe.text.NationalLanguage;
import io.ujumbe.session.TlsConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
    private static final String SIGNAL = "stopped by a signal (SIGTERM or SIGINT)";

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

    @Mixin
    RateOptions rates = new RateOptions();

    @Option(names = "--window", paramLabel = "N",
            description = "Requests in flight per bind (default: the library's window, 100).")
    Integer window;

    @Option(names = "--wait-receipts", paramLabel = "SECONDS", defaultValue = "30",
            description = "With --receipt: how long to wait for the receipts after the last outcome (default: ${DEFAULT-VALUE}).")
    int waitReceipts;

    @Option(names = {"--give-up", "--bind-timeout"}, paramLabel = "DURATION", defaultValue = "30s",
            description = "Give up after this long without a bind, at the start or after the SMSC went away: "
                    + "every unsent message fails, exit 1 (default: ${DEFAULT-VALUE}; a plain number is seconds).")
    String giveUp;

    @Option(names = "--tls", description = "SMPP over TLS, trusting the JDK's certificate authorities (or --trust-certificates).")
    boolean tls;

    @Option(names = "--trust-certificates", paramLabel = "FILE",
            description = "With TLS: trust the certificates in this PEM file instead of the JDK's (implies --tls).")
    Path trustCertificates;

    @Option(names = "--progress", description = "Show the progress line even when stdout is not a terminal.")
    boolean progress;

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
        if (window != null && (window < 1 || window > 10_000)) {
            throw new IllegalArgumentException("--window must be between 1 and 10000, was " + window);
        }
        if (waitReceipts < 0) {
            throw new IllegalArgumentException("--wait-receipts must be 0 or more, was " + waitReceipts);
        }
        Duration giveUpAfter = RateOptions.duration("--give-up", giveUp);
        if (giveUpAfter.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("--give-up must be at least 100ms, was '" + giveUp + "'");
        }
        String body = readText();
        SendInput.checkDestination(to);
        SendInput.checkText(body, text.file != null ? "--text-file" : "--text", encoding, coding, languages, mode);

        ConsoleOutput out = new ConsoleOutput(System.out);
        Tally tally = new Tally();
        AtomicReference<CommandStatus> rejection = new AtomicReference<>();
        AtomicReference<Throwable> lastBindFailure = new AtomicReference<>();
        ClientConfig.Builder cb = ClientConfig.builder()
                .host(host).port(port).systemId(systemId).password(pw).systemType(systemType)
                .bindType(bindType).maxBindRejections(1)
                .multipartMode(mode).nationalLanguages(languages)
                .defaultRegisteredDelivery(receipt ? RegisteredDelivery.RECEIPT : RegisteredDelivery.NONE);
        if (window != null) {
            cb.windowSize(window);
        }
        rates.apply(cb);
        if (tls || trustCertificates != null) {
            if (trustCertificates != null && !Files.isReadable(trustCertificates)) {
                throw new IllegalArgumentException("--trust-certificates must be a readable PEM file, was '"
                        + trustCertificates + "'");
            }
            cb.tls(trustCertificates != null ? TlsConfig.clientTrusting(trustCertificates) : TlsConfig.client());
        }
        if (from != null) {
            cb.defaultSource(from.chars().allMatch(Character::isDigit) ? Address.international(from) : Address.alphanumeric(from));
        }
        try (SendGuard guard = new SendGuard(giveUpAfter)) {
            cb.addListener(new ClientListener() {
                @Override
                public void onOutcome(MessageOutcome outcome) {
                    tally.outcome(outcome, receipt);
                    out.line(ConsoleOutput.format(outcome, guard.reason()));
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
                public void onBindStateChanged(String sessionId, BindState from, BindState to) {
                    guard.bindStateChanged(sessionId, to);
                }

                @Override
                public void onBindRejected(CommandStatus status, int consecutiveRejections) {
                    rejection.set(status);
                }

                @Override
                public void onBindFailed(Throwable error) {
                    lastBindFailure.set(error);
                    String undecodable = SendInput.undecodableBindAnswer(error, bindType);
                    if (undecodable != null) {
                        // Another try gets the same bytes: say so now rather than after --give-up.
                        guard.abort(undecodable);
                    }
                }
            });
            ClientConfig config = cb.build();
            ShutdownHook hook = ShutdownHook.install("ujumbe-send-stop", () -> {
                guard.abort(SIGNAL + " before it was sent");
                guard.awaitFinished(Duration.ofSeconds(20));
                return Main.FAILED;
            });
            try {
                return run(config, body, encoding, out, tally, guard, rejection, lastBindFailure);
            } finally {
                // After a signal the shutdown hook ends the process (exit 1) once this is set;
                // otherwise the process ends as the command says.
                if (guard.reason() == null || !guard.reason().startsWith(SIGNAL)) {
                    hook.disarm();
                }
                guard.finished();
            }
        }
    }

    private int run(ClientConfig config, String body, TextEncoding encoding, ConsoleOutput out, Tally tally,
                    SendGuard guard, AtomicReference<CommandStatus> rejection,
                    AtomicReference<Throwable> lastBindFailure) throws Exception {
        SmppClient client = SmppClient.create(config);
        int handedOver = 0;
        boolean bound = false;
        ScheduledExecutorService ticker = null;
        try {
            bound = bind(client, guard, rejection, lastBindFailure);
            if (bound) {
                boolean showProgress = count > 1 && (progress || System.console() != null);
                ticker = showProgress ? progressTicker(out, tally) : null;
                handedOver = sendAll(client, body, encoding, tally, guard);
                boolean allIn = tally.awaitOutcomes(count, guard.aborted());
                if (ticker != null) {
                    ticker.shutdownNow();
                    out.endProgress();
                }
                if (allIn && receipt && tally.expectedReceipts() > 0
                        && !tally.awaitReceipts(Duration.ofSeconds(waitReceipts), guard.aborted())
                        && guard.reason() == null) {
                    ErrorLines.print("send", (tally.expectedReceipts() - tally.receipts()) + " of "
                            + tally.expectedReceipts() + " receipts did not arrive within " + waitReceipts + " s", null);
                }
            }
        } finally {
            if (ticker != null) {
                ticker.shutdownNow();
                out.endProgress();
            }
            // Fails (with their failed lines) what the client holds but did not send.
            client.stop(Duration.ofSeconds(bound && guard.reason() == null ? 5 : 1))
                    .get(30, TimeUnit.SECONDS);
        }
        String reason = guard.reason();
        if (bindError != null) {
            // After the client's own shutdown events: the answer is the last line of stderr.
            ErrorLines.print("send", bindError, Main.FAILED);
        } else if (reason != null && bound) {
            ErrorLines.print("send", reason, Main.FAILED);
        }
        // Messages never handed to the client fail here, each with its line, so that every one is accounted for.
        String unsentReason = reason != null ? reason : "not sent: the bind failed";
        for (int i = handedOver + 1; i <= count; i++) {
            tally.sent();
            tally.notTaken();
            out.line("failed    " + correlationId(i) + "  status=-  reason=" + unsentReason + "  attempts=0");
        }
        out.line("summary: " + tally.summary());
        boolean receiptFailed = receipt && tally.failedReceipts() > 0;
        return !bound || reason != null || tally.failed() > 0 || receiptFailed ? Main.FAILED : Main.OK;
    }

    private String correlationId(int i) {
        return count == 1 ? "msg-1" : "msg-" + i;
    }

    private String readText() throws IOException {
        if (text.file == null) {
            return text.text;
        }
        String s = Files.readString(text.file, StandardCharsets.UTF_8);
        // An editor's final newline is not meant to be part of the SMS.
        return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** Why the bind failed, for the user: printed after the client stopped, as the last line. */
    private String bindError;

    /** Binds, keeping exactly why when it cannot; false when the run must end. */
    private boolean bind(SmppClient client, SendGuard guard, AtomicReference<CommandStatus> rejection,
                         AtomicReference<Throwable> lastBindFailure) throws InterruptedException {
        CompletableFuture<Void> started = client.start();
        try {
            CompletableFuture.anyOf(started, guard.aborted()).get();
        } catch (ExecutionException e) {
            CommandStatus status = rejection.get();
            bindError = "bind rejected by " + host + ":" + port + " for system_id " + systemId + ": "
                    + (status != null ? status.name() + " (" + status.description() + ")"
                    : String.valueOf(e.getCause().getMessage()));
            guard.abort("not sent: the bind was rejected");
            return false;
        }
        if (started.isDone() && !started.isCompletedExceptionally()) {
            return true;
        }
        String reason = guard.reason();
        CommandStatus status = rejection.get();
        Throwable failure = lastBindFailure.get();
        String why;
        if (reason != null && reason.startsWith("the SMSC's ")) {
            why = "could not bind to " + host + ":" + port + ": " + reason;
        } else if (reason != null && reason.startsWith("gave up")) {
            why = "could not bind to " + host + ":" + port + " within " + ConfigNode.format(RateOptions.duration("--give-up", giveUp))
                    + (status != null ? " (last rejection: " + status.name() + ")"
                    : failure != null ? " (last error: " + SendInput.describe(failure) + ")" : " (is the SMSC running?)");
        } else {
            why = "stopped before the bind to " + host + ":" + port + " succeeded";
        }
        bindError = why;
        return false;
    }

    /** Hands the messages to the client, at most {@link #MAX_QUEUED} at a time; returns how many it handed over. */
    private int sendAll(SmppClient client, String body, TextEncoding encoding, Tally tally, SendGuard guard)
            throws InterruptedException {
        Semaphore queued = new Semaphore(Math.min(count, MAX_QUEUED));
        for (int i = 1; i <= count; i++) {
            while (!queued.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (guard.reason() != null) {
                    return i - 1;
                }
            }
            if (guard.reason() != null) {
                return i - 1;
            }
            OutboundMessage message = OutboundMessage.builder()
                    .correlationId(correlationId(i))
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
        return count;
    }

    private ScheduledExecutorService progressTicker(ConsoleOutput out, Tally tally) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ujumbe-progress");
            t.setDaemon(true);
            return t;
        });
        ProgressLine line = new ProgressLine(count, System.nanoTime());
        ticker.scheduleAtFixedRate(() -> out.progress(line.render(tally.done(), tally.failed(), System.nanoTime())),
                250, 250, TimeUnit.MILLISECONDS);
        return ticker;
    }
}
