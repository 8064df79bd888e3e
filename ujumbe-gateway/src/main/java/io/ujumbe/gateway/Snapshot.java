package io.ujumbe.gateway;

import java.util.List;

/**
 * The parts of a configuration that requests read, built once per configuration and swapped whole
 * when the admin API changes it, so that a request sees one consistent version.
 */
record Snapshot(GatewayConfig config, Authenticator authenticator, MessageRouter router,
                List<Interceptor<GatewayMessage>> mtInterceptors, List<Interceptor<InboundSms>> moInterceptors) {

    static Snapshot of(GatewayConfig config, List<Interceptor<GatewayMessage>> extraMt, List<Interceptor<InboundSms>> extraMo) {
        List<Interceptor<GatewayMessage>> mt = new java.util.ArrayList<>(extraMt);
        mt.addAll(RuleInterceptors.mt(config.rules()));
        List<Interceptor<InboundSms>> mo = new java.util.ArrayList<>(extraMo);
        mo.addAll(RuleInterceptors.mo(config.rules()));
        return new Snapshot(config, new Authenticator(config.users()), new MessageRouter(config.routes()),
                List.copyOf(mt), List.copyOf(mo));
    }
}
