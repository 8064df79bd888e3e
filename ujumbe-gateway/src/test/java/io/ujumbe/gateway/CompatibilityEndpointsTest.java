package io.ujumbe.gateway;

import io.ujumbe.http.HttpRequest;
import io.ujumbe.smsc.SmscConfig;
import io.ujumbe.smsc.SmscSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kannel's /cgi-bin/sendsms and Jasmin's /send, driven with their own parameters, with their callbacks. */
class CompatibilityEndpointsTest {
    static SmscSimulator smsc;
    static WebhookReceiver receiver;
    static Gateway gateway;
    static String base;

    @BeforeAll
    static void start() {
        smsc = SmscSimulator.start(SmscConfig.builder().port(0).receiptDelay(Duration.ofMillis(50)).build());
        receiver = new WebhookReceiver();
        gateway = Gateway.builder(GatewayConfig.builder().httpPort(0)
                .addConnector(ConnectorConfig.builder("sim").port(smsc.port()).systemId("acme").password("secret").build())
                .addRoute(RouteConfig.toConnector("default", "sim"))
                .addUser(UserConfig.builder("kan").password("kan-pw").build())
                .build()).start();
        base = "http://127.0.0.1:" + gateway.port();
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.connectors().get("sim").boundSessions() > 0);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        receiver.close();
        smsc.close();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void kannelSendsms_acceptedForDelivery_andDlrUrlWithEscapes() {
        String dlrUrl = receiver.url("/kannel") + "?type=%d&to=%p&from=%P&id=%I&smsc=%i&fid=%F&reply=%A&time=%t";
        var r = Http.get(base + "/cgi-bin/sendsms?username=kan&password=kan-pw&to=254700000101&from=ACME"
                + "&text=" + enc("Habari yako") + "&dlr-mask=31&dlr-url=" + enc(dlrUrl));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).isEqualTo("0: Accepted for delivery");
        String id = r.headers().firstValue("X-Ujumbe-Message-Id").orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.on("/kannel").size() >= 2);
        List<HttpRequest> calls = receiver.on("/kannel");
        assertThat(calls).allMatch(c -> c.method().equals("GET"));
        // Callbacks may arrive in any order: pick them by their dlr type.
        HttpRequest smscLevel = calls.stream().filter(c -> c.query("type").orElse("").equals("8")).findFirst().orElseThrow();
        HttpRequest terminal = calls.stream().filter(c -> c.query("type").orElse("").equals("1")).findFirst().orElseThrow();
        assertThat(smscLevel.query("type")).contains("8");
        assertThat(terminal.query("type")).contains("1");
        assertThat(terminal.query("to")).contains("254700000101");
        assertThat(terminal.query("from")).contains("ACME");
        assertThat(terminal.query("id")).contains(id);
        assertThat(terminal.query("smsc")).contains("sim");
        assertThat(terminal.query("fid").orElse("")).isNotEmpty();
        assertThat(terminal.query("reply").orElse("")).contains("stat:DELIVRD");
        assertThat(terminal.query("time").orElse("")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        // The text reached the SMSC as sent.
        assertThat(smsc.record().submits()).anyMatch(m -> m.destination().equals("254700000101")
                && m.text().equals("Habari yako") && m.source().equals("ACME"));
    }

    @Test
    void kannelSendsms_postForm_charset_andErrors() {
        // Latin-1 bytes (é = 0xE9) named by charset.
        var r = Http.post(base + "/cgi-bin/sendsms", "user=kan&pass=kan-pw&to=254700000102&text=caf%E9&charset=ISO-8859-1",
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).isEqualTo("0: Accepted for delivery");
        String id = r.headers().firstValue("X-Ujumbe-Message-Id").orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> gateway.statusStore().find(id).toCompletableFuture().join()
                .map(v -> v.status() == MessageStatus.SENT).orElse(false));
        assertThat(smsc.record().submits()).anyMatch(m -> m.destination().equals("254700000102")
                && m.text().equals("café"));

        // UCS-2 as Kannel clients send it: coding=2, the text's UTF-16BE bytes %-escaped, charset named.
        StringBuilder utf16 = new StringBuilder();
        for (byte x : "Привет".getBytes(StandardCharsets.UTF_16BE)) {
            utf16.append('%').append(String.format("%02X", x & 0xFF));
        }
        var ucs2 = Http.get(base + "/cgi-bin/sendsms?username=kan&password=kan-pw&to=254700000103&coding=2&charset=UTF-16BE&text="
                + utf16);
        assertThat(ucs2.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> smsc.record().submits().stream()
                .anyMatch(m -> m.destination().equals("254700000103")));
        assertThat(smsc.record().submits()).anyMatch(m -> m.destination().equals("254700000103")
                && m.dataCoding() == 8 && m.text().equals("Привет"));

        var auth = Http.get(base + "/cgi-bin/sendsms?username=kan&password=wrong&to=2547&text=x");
        assertThat(auth.statusCode()).isEqualTo(403);
        assertThat(auth.body()).isEqualTo("Authorization failed for sendsms");
        var noTo = Http.get(base + "/cgi-bin/sendsms?username=kan&password=kan-pw&text=x");
        assertThat(noTo.statusCode()).isEqualTo(400);
        assertThat(noTo.body()).contains("Missing receiver number");
        var badMask = Http.get(base + "/cgi-bin/sendsms?username=kan&password=kan-pw&to=2547&text=x&dlr-mask=99");
        assertThat(badMask.statusCode()).isEqualTo(400);
    }

    @Test
    void jasminSend_success_andDlrAtBothLevels_get() {
        var r = Http.get(base + "/send?username=kan&password=kan-pw&to=254700000201&from=ACME&content=" + enc("hello jasmin")
                + "&dlr=yes&dlr-url=" + enc(receiver.url("/jasmin-get")) + "&dlr-level=3&dlr-method=GET");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).matches("Success \"[0-9a-f-]{36}\"");
        String id = r.body().substring(9, r.body().length() - 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.on("/jasmin-get").size() >= 2);
        HttpRequest l1 = receiver.on("/jasmin-get").stream().filter(c -> c.query("level").orElse("").equals("1")).findFirst().orElseThrow();
        HttpRequest l2 = receiver.on("/jasmin-get").stream().filter(c -> c.query("level").orElse("").equals("2")).findFirst().orElseThrow();
        assertThat(l1.method()).isEqualTo("GET");
        assertThat(l1.query("id")).contains(id);
        assertThat(l1.query("level")).contains("1");
        assertThat(l1.query("message_status")).contains("ESME_ROK");
        assertThat(l1.query("connector")).contains("sim");
        assertThat(l2.query("level")).contains("2");
        assertThat(l2.query("message_status")).contains("DELIVRD");
        assertThat(l2.query("id_smsc").orElse("")).isNotEmpty();
        assertThat(l2.query("donedate").orElse("")).isNotEmpty();
    }

    @Test
    void jasminSend_post_terminalOnly_hexContent_andErrors() {
        var r = Http.post(base + "/send", "username=kan&password=kan-pw&to=254700000202&hex-content=48656c6c6f&coding=0"
                + "&dlr=yes&dlr-url=" + enc(receiver.url("/jasmin-post")) + "&dlr-level=2&dlr-method=POST",
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("Success \"");
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.on("/jasmin-post").size() >= 1);
        HttpRequest dlr = receiver.on("/jasmin-post").get(0);
        assertThat(dlr.method()).isEqualTo("POST");
        assertThat(dlr.formParameters()).containsEntry("level", "2").containsEntry("message_status", "DELIVRD");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> receiver.on("/jasmin-post").size() == 1);

        var missing = Http.get(base + "/send?username=kan&password=kan-pw&content=x");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo("Error \"Mandatory argument [to] is not found.\"");
        var auth = Http.get(base + "/send?username=kan&password=nope&to=2547&content=x");
        assertThat(auth.statusCode()).isEqualTo(403);
        assertThat(auth.body()).isEqualTo("Error \"Authentication failure for username:kan\"");
        var level = Http.get(base + "/send?username=kan&password=kan-pw&to=2547&content=x&dlr=yes&dlr-url=http://x/&dlr-level=7");
        assertThat(level.statusCode()).isEqualTo(400);
        assertThat(level.body()).contains("[dlr-level]");
    }
}
