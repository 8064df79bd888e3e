package io.ujumbe.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes the {@link Callback} of a delivery report or an inbound SMS in the format its message asked
 * for: the gateway's JSON, Kannel's dlr-url with %-escapes, or Jasmin's parameters.
 */
final class Callbacks {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter KANNEL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Callbacks() {
    }

    /** Whether a report of this kind goes to the message's URL at all. */
    static boolean wanted(MessageRecord r, DeliveryReport report) {
        if (r.dlrUrl() == null) {
            return false;
        }
        if (r.format() == CallbackFormat.KANNEL) {
            return (r.dlrMask() & report.kannelType()) != 0;
        }
        DlrLevel level = r.level();
        if (report.terminal()) {
            // Intermediate receipts (ENROUTE, BUFFRED …) only when everything was asked for.
            return level.terminal() && (level == DlrLevel.ALL || !ReceiptStatuses.isIntermediate(report.stat()));
        }
        return level.smsc();
    }

    static Callback forReport(MessageRecord r, DeliveryReport report) {
        long now = System.currentTimeMillis();
        String id = Ids.uuid();
        switch (r.format()) {
            case KANNEL:
                return new Callback(id, kannelUrl(r, report), "GET", null, "", r.user(), r.id(), now, 0, now);
            case JASMIN:
                String params = jasminParams(r, report);
                if ("GET".equalsIgnoreCase(r.dlrMethod())) {
                    return new Callback(id, appendQuery(r.dlrUrl(), params), "GET", null, "", r.user(), r.id(), now, 0, now);
                }
                return new Callback(id, r.dlrUrl(), "POST", "application/x-www-form-urlencoded", params, r.user(), r.id(),
                        now, 0, now);
            default:
                return new Callback(id, r.dlrUrl(), "POST", "application/json", json(dlrJson(r, report)), r.user(), r.id(),
                        now, 0, now);
        }
    }

    static Map<String, Object> dlrJson(MessageRecord r, DeliveryReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "dlr");
        m.put("id", r.id());
        m.put("status", report.status());
        m.put("level", report.level());
        m.put("to", r.to());
        m.put("from", r.from());
        m.put("smscMessageId", report.smscMessageId());
        m.put("timestamp", Instant.ofEpochMilli(report.at()).toString());
        m.put("clientReference", r.clientReference());
        m.put("errorCode", report.errorCode());
        m.put("stat", report.stat());
        m.put("connector", report.connector());
        m.put("submittedAt", Instant.ofEpochMilli(r.createdAt()).toString());
        if (report.doneDate() != null) {
            m.put("doneDate", report.doneDate());
        }
        if (!r.metadata().isEmpty()) {
            m.put("metadata", r.metadata());
        }
        return m;
    }

    static Callback forInbound(InboundSms sms, MoRouteConfig route) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "mo");
        m.put("id", sms.id());
        m.put("from", sms.from());
        m.put("to", sms.to());
        m.put("text", sms.text());
        m.put("dataCoding", sms.dataCoding());
        m.put("parts", sms.parts());
        m.put("connector", sms.connector());
        m.put("route", route.name());
        m.put("tags", sms.tags());
        m.put("timestamp", Instant.ofEpochMilli(sms.receivedAt()).toString());
        long now = System.currentTimeMillis();
        return new Callback(Ids.uuid(), route.url(), "POST", "application/json", json(m), route.user(),
                null, now, 0, now);
    }

    /** Kannel's dlr-url with its escapes: %d %p %P %t %T %A %i %I %F %n %q %Q %%. */
    static String kannelUrl(MessageRecord r, DeliveryReport report) {
        String url = r.dlrUrl();
        StringBuilder sb = new StringBuilder(url.length() + 64);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c != '%' || i + 1 >= url.length()) {
                sb.append(c);
                continue;
            }
            char e = url.charAt(i + 1);
            String v;
            switch (e) {
                case 'd': v = Integer.toString(report.kannelType()); break;
                case 'p': v = enc(r.to()); break;
                case 'P': v = enc(r.from()); break;
                case 'q': v = enc(plus(r.to())); break;
                case 'Q': v = enc(plus(r.from())); break;
                case 't': v = enc(KANNEL_TIME.format(Instant.ofEpochMilli(report.at()))); break;
                case 'T': v = Long.toString(report.at() / 1000); break;
                case 'A': v = enc(report.receiptText() != null ? report.receiptText()
                        : report.status().equals("accepted") ? "ACK/" : "NACK/" + nz(report.errorCode())); break;
                case 'i': v = enc(report.connector()); break;
                case 'I': v = enc(r.id()); break;
                case 'F': v = enc(report.smscMessageId()); break;
                case 'n': v = enc(r.user()); break;
                case '%': v = "%"; break;
                default: v = null; break;
            }
            if (v == null) {
                // Not an escape Kannel defines (or an ordinary %XX URL escape): keep it as written.
                sb.append(c);
            } else {
                sb.append(v);
                i++;
            }
        }
        return sb.toString();
    }

    /** Jasmin's DLR parameters (id, message_status, level, connector, id_smsc, sub, dlvrd, subdate, donedate, err, text). */
    static String jasminParams(MessageRecord r, DeliveryReport report) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("id", r.id());
        p.put("message_status", report.stat() != null ? report.stat() : report.status());
        p.put("level", report.terminal() ? "2" : "1");
        p.put("connector", report.connector());
        if (report.smscMessageId() != null) {
            p.put("id_smsc", report.smscMessageId());
        }
        if (report.terminal()) {
            p.put("sub", nz(report.submitted()));
            p.put("dlvrd", nz(report.deliveredCount()));
            p.put("subdate", nz(report.submitDate()));
            p.put("donedate", nz(report.doneDate()));
            p.put("err", nz(report.errorCode()));
            p.put("text", nz(report.receiptText()));
        }
        StringBuilder sb = new StringBuilder();
        p.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(k).append('=').append(enc(v));
        });
        return sb.toString();
    }

    static String appendQuery(String url, String query) {
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a callback body: " + e.getOriginalMessage(), e);
        }
    }

    private static String enc(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String plus(String s) {
        return s != null && s.startsWith("00") ? "+" + s.substring(2) : s;
    }
}
