package io.ujumbe.gateway;

import io.ujumbe.client.TextEncoding;
import io.ujumbe.http.HttpException;
import io.ujumbe.http.HttpRequest;
import io.ujumbe.http.HttpResponse;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Kannel's {@code /cgi-bin/sendsms} (GET or POST form), so that a Kannel client switches by changing
 * the URL: {@code username}/{@code user}, {@code password}/{@code pass}, {@code to} (several separated
 * by spaces), {@code text}, {@code from}, {@code coding} (0 GSM, 1 8-bit, 2 UCS-2), {@code charset},
 * {@code dlr-mask}, {@code dlr-url} (with Kannel's %-escapes, fetched with GET), {@code validity} and
 * {@code deferred} (minutes), {@code priority}. Answers as Kannel does: {@code 202 0: Accepted for
 * delivery}, {@code 403 Authorization failed for sendsms}, {@code 400 …} for a missing or wrong
 * parameter; the gateway's ids are in {@code X-Ujumbe-Message-Id}.
 */
final class KannelApi {
    private static final String TEXT = "text/plain; charset=utf-8";
    private final Gateway gateway;

    KannelApi(Gateway gateway) {
        this.gateway = gateway;
    }

    CompletionStage<HttpResponse> handle(HttpRequest request) {
        try {
            return send(request).exceptionally(KannelApi::error);
        } catch (HttpException e) {
            return CompletableFuture.completedFuture(error(e));
        }
    }

    private CompletionStage<HttpResponse> send(HttpRequest request) {
        RawForm f = RawForm.of(request);
        Snapshot s = gateway.snapshot();
        UserConfig user = s.authenticator().password(f.first("username", "user"), f.first("password", "pass"))
                .orElseThrow(() -> new HttpException(403, "unauthorized", "Authorization failed for sendsms", null));
        String toText = f.text("to");
        if (toText == null || toText.isBlank()) {
            throw new HttpException(400, "bad_request", "Missing receiver number, rejected", "to");
        }
        int coding = intParam(f, "coding", 0, 2, 0);
        Charset charset = charset(f.text("charset"));
        String text;
        byte[] binary = null;
        if (!f.has("text")) {
            throw new HttpException(400, "bad_request", "Missing text, rejected", "text");
        }
        if (coding == 1) {
            binary = f.bytes("text");
            text = null;
        } else {
            text = f.text("text", charset);
        }
        int mask = intParam(f, "dlr-mask", 0, 31, 0);
        String dlrUrl = f.text("dlr-url");
        if (mask != 0 && dlrUrl == null) {
            dlrUrl = user.dlrUrl().orElse(null);
        }
        if (dlrUrl != null) {
            try {
                // Kannel's escapes (%d, %p …) are not URI escapes: check the URL as it will be once expanded.
                GatewayConfig.checkUrl(dlrUrl.replaceAll("%[a-zA-Z%]", "0"), "dlr-url");
            } catch (IllegalArgumentException e) {
                throw new HttpException(400, "bad_request", "Invalid dlr-url, rejected", "dlr-url");
            }
        }
        int validity = intParam(f, "validity", 0, 1_000_000, 0);
        int deferred = intParam(f, "deferred", 0, 1_000_000, 0);
        int priority = intParam(f, "priority", 0, 3, 0);
        String from = f.text("from");
        List<GatewayMessage> messages = new ArrayList<>();
        for (String one : toText.trim().split("[\\s]+")) {
            String to;
            try {
                to = MessageRequests.number(one, "to");
            } catch (HttpException e) {
                throw new HttpException(400, "bad_request", "Invalid receiver number, rejected", "to");
            }
            GatewayMessage.Builder b = GatewayMessage.builder(MessageRequests.newId(), user.name(), to)
                    .from(from == null || from.isEmpty() ? null : from).priority(priority)
                    .receipt((mask & 0x07) != 0)
                    .callbackFormat(CallbackFormat.KANNEL).dlrMask(dlrUrl == null ? 0 : mask).dlrUrl(dlrUrl)
                    .dlrLevel(dlrUrl == null || mask == 0 ? DlrLevel.NONE : DlrLevel.ALL).tags(user.tags());
            if (binary != null) {
                b.payload(binary, 0x04);
            } else {
                b.text(text).encoding(coding == 2 ? TextEncoding.UCS2 : null);
            }
            if (validity > 0) {
                b.validity(Duration.ofMinutes(validity));
            }
            if (deferred > 0) {
                b.scheduleAt(Instant.now().plus(Duration.ofMinutes(deferred)));
            }
            messages.add(b.build());
        }
        if (messages.size() > s.config().maxBatch()) {
            throw new HttpException(400, "bad_request", "Too many receivers, rejected", "to");
        }
        return gateway.admission().admit(user, messages, null).thenApply(answer -> {
            List<String> ids = new ArrayList<>();
            String failure = null;
            for (Map<String, Object> m : answer.messages()) {
                ids.add(String.valueOf(m.get("id")));
                if (!"queued".equals(m.get("status"))) {
                    failure = String.valueOf(m.get("message"));
                }
            }
            HttpResponse resp = failure != null && answer.messages().size() == 1
                    ? HttpResponse.text(403, TEXT, "Not routable. Do not try again. (" + failure + ")")
                    : HttpResponse.text(202, TEXT, "0: Accepted for delivery");
            return resp.withHeader("X-Ujumbe-Message-Id", String.join(",", ids));
        });
    }

    private static int intParam(RawForm f, String name, int min, int max, int dflt) {
        String v = f.text(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new HttpException(400, "bad_request", "Invalid " + name + " value, rejected", name);
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new HttpException(400, "bad_request", "Invalid charset, rejected", "charset");
        }
    }

    private static HttpResponse error(Throwable t) {
        Throwable c = MessageFlow.cause(t);
        if (c instanceof HttpException) {
            HttpException e = (HttpException) c;
            String text = e.status() == 429 ? "Too many requests, throttled" : e.getMessage();
            return HttpResponse.text(e.status(), TEXT, text);
        }
        return HttpResponse.text(500, TEXT, "Internal error, try again");
    }
}
