package io.ujumbe.gateway;

import io.ujumbe.client.TextEncoding;
import io.ujumbe.http.HttpException;
import io.ujumbe.http.HttpRequest;
import io.ujumbe.http.HttpResponse;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Jasmin's {@code /send} (GET or POST form): {@code username}, {@code password}, {@code to},
 * {@code from}, {@code coding} (0 default alphabet, 3 Latin-1, 8 UCS-2, others as data_coding),
 * {@code content} or {@code hex-content}, {@code priority}, {@code validity-period} (minutes),
 * {@code dlr} (yes/no), {@code dlr-url}, {@code dlr-level} (1 SMSC, 2 terminal, 3 both),
 * {@code dlr-method} (GET/POST). Answers as Jasmin does: {@code 200 Success "<id>"}, or
 * {@code Error "…"} with 400 (arguments), 403 (authentication, permissions, throughput).
 * Delivery reports go to dlr-url with Jasmin's parameters (id, message_status, level, connector,
 * id_smsc, sub, dlvrd, subdate, donedate, err, text).
 */
final class JasminApi {
    private static final String TEXT = "text/plain; charset=utf-8";
    private final Gateway gateway;

    JasminApi(Gateway gateway) {
        this.gateway = gateway;
    }

    CompletionStage<HttpResponse> handle(HttpRequest request) {
        try {
            return send(request).exceptionally(JasminApi::error);
        } catch (HttpException e) {
            return CompletableFuture.completedFuture(error(e));
        }
    }

    private CompletionStage<HttpResponse> send(HttpRequest request) {
        RawForm f = RawForm.of(request);
        for (String mandatory : List.of("username", "password", "to")) {
            if (!f.has(mandatory)) {
                throw bad("Mandatory argument [" + mandatory + "] is not found.", mandatory);
            }
        }
        if (!f.has("content") && !f.has("hex-content")) {
            throw bad("Mandatory argument [content] or [hex-content] is not found.", "content");
        }
        if (f.has("content") && f.has("hex-content")) {
            throw bad("content and hex-content cannot be used both in same request.", "content");
        }
        String username = f.text("username");
        UserConfig user = gateway.snapshot().authenticator().password(username, f.text("password"))
                .orElseThrow(() -> new HttpException(403, "unauthorized", "Authentication failure for username:" + username, null));
        String to;
        try {
            to = MessageRequests.number(f.text("to"), "to");
        } catch (HttpException e) {
            throw bad("Argument [to] has an invalid value: [" + f.text("to") + "].", "to");
        }
        int coding = intParam(f, "coding", 0, 14, 0);
        int priority = intParam(f, "priority", 0, 3, 0);
        int validity = intParam(f, "validity-period", 0, 1_000_000, 0);
        String dlr = f.text("dlr");
        if (dlr != null && !dlr.equals("yes") && !dlr.equals("no")) {
            throw bad("Argument [dlr] has an invalid value: [" + dlr + "].", "dlr");
        }
        boolean wantDlr = "yes".equals(dlr);
        String dlrUrl = f.text("dlr-url");
        int level = intParam(f, "dlr-level", 1, 3, 1);
        String method = f.text("dlr-method") == null ? "POST" : f.text("dlr-method").toUpperCase(java.util.Locale.ROOT);
        if (!method.equals("GET") && !method.equals("POST")) {
            throw bad("Argument [dlr-method] has an invalid value: [" + f.text("dlr-method") + "].", "dlr-method");
        }
        if (wantDlr) {
            if (dlrUrl == null) {
                throw bad("Mandatory argument [dlr-url] is not found.", "dlr-url");
            }
            try {
                GatewayConfig.checkUrl(dlrUrl, "dlr-url");
            } catch (IllegalArgumentException e) {
                throw bad("Argument [dlr-url] has an invalid value: [" + dlrUrl + "].", "dlr-url");
            }
        }
        DlrLevel dlrLevel = !wantDlr ? DlrLevel.NONE : level == 1 ? DlrLevel.SMSC : level == 2 ? DlrLevel.TERMINAL : DlrLevel.ALL;
        String from = f.text("from");
        GatewayMessage.Builder b = GatewayMessage.builder(MessageRequests.newId(), user.name(), to)
                .from(from == null || from.isEmpty() ? null : from).priority(priority)
                .receipt(!wantDlr || dlrLevel.terminal())
                .callbackFormat(CallbackFormat.JASMIN).dlrMethod(method).dlrUrl(wantDlr ? dlrUrl : null)
                .dlrLevel(dlrLevel).tags(user.tags());
        if (f.has("hex-content")) {
            byte[] bytes;
            try {
                bytes = HexFormat.of().parseHex(f.text("hex-content").trim());
            } catch (IllegalArgumentException e) {
                throw bad("Argument [hex-content] has an invalid value.", "hex-content");
            }
            b.payload(bytes, coding);
        } else {
            b.text(f.text("content")).encoding(coding == 8 ? TextEncoding.UCS2 : coding == 3 ? TextEncoding.LATIN1
                    : coding == 1 ? TextEncoding.IA5 : null);
        }
        if (validity > 0) {
            b.validity(Duration.ofMinutes(validity));
        }
        return gateway.admission().admit(user, List.of(b.build()), null).thenApply(answer -> {
            Map<String, Object> m = answer.messages().get(0);
            if (!"queued".equals(m.get("status"))) {
                return HttpResponse.text(412, TEXT, "Error \"Cannot route message (" + m.get("message") + ")\"");
            }
            return HttpResponse.text(200, TEXT, "Success \"" + m.get("id") + "\"");
        });
    }

    private static HttpException bad(String message, String field) {
        return new HttpException(400, "bad_request", message, field);
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
        throw bad("Argument [" + name + "] has an invalid value: [" + v + "].", name);
    }

    private static HttpResponse error(Throwable t) {
        Throwable c = MessageFlow.cause(t);
        if (c instanceof HttpException) {
            HttpException e = (HttpException) c;
            if (e.status() == 429) {
                return HttpResponse.text(403, TEXT, "Error \"User throughput exceeded\"");
            }
            if (e.code().equals("sender_not_allowed") || e.code().equals("sender_required")) {
                return HttpResponse.text(403, TEXT, "Error \"Authorization failed for user [" + e.getMessage() + "]\"");
            }
            return HttpResponse.text(e.status(), TEXT, "Error \"" + e.getMessage() + "\"");
        }
        return HttpResponse.text(500, TEXT, "Error \"Internal error\"");
    }
}
