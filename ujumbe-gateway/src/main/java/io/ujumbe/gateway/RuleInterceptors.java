package io.ujumbe.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The interceptors that {@link RuleConfig}s describe, built once per configuration. */
public final class RuleInterceptors {
    private RuleInterceptors() {
    }

    /**
     * The MT interceptors of the rules (rewriteSender, blockDestination), in order.
     *
     * @param rules the rules
     * @return the interceptors
     */
    public static List<Interceptor<GatewayMessage>> mt(List<RuleConfig> rules) {
        List<Interceptor<GatewayMessage>> out = new ArrayList<>();
        for (RuleConfig r : rules) {
            if (r.type().equals("rewriteSender")) {
                out.add(chain -> {
                    GatewayMessage m = chain.message();
                    String from = m.from() == null ? "" : m.from();
                    boolean senderMatches = r.match().endsWith("*")
                            ? from.startsWith(r.match().substring(0, r.match().length() - 1)) : from.equals(r.match());
                    if (senderMatches && (r.to() == null || m.to().startsWith(r.to()))) {
                        return chain.proceed(m.toBuilder().from(r.value()).build());
                    }
                    return chain.proceed(m);
                });
            } else if (r.type().equals("blockDestination")) {
                out.add(chain -> chain.message().to().startsWith(r.match())
                        ? InterceptResult.reject("blocked", "the destination is blocked")
                        : chain.proceed(chain.message()));
            }
        }
        return out;
    }

    /**
     * The MO interceptors of the rules (moKeyword), in order.
     *
     * @param rules the rules
     * @return the interceptors
     */
    public static List<Interceptor<InboundSms>> mo(List<RuleConfig> rules) {
        List<Interceptor<InboundSms>> out = new ArrayList<>();
        for (RuleConfig r : rules) {
            if (r.type().equals("moKeyword")) {
                String keyword = r.match().toLowerCase(Locale.ROOT);
                out.add(chain -> {
                    InboundSms m = chain.message();
                    String first = m.text().trim().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
                    return chain.proceed(first.equals(keyword) ? m.withTag(r.value()) : m);
                });
            }
        }
        return out;
    }
}
