package io.ujumbe.gateway;

import java.util.List;
import java.util.Objects;

/**
 * Called for every message on its way through the gateway, in OkHttp's shape: it gets the chain,
 * reads {@link Chain#message()}, may change it (sender, text, destination, tags for routing) and
 * pass it on with {@link Chain#proceed}, or stop it with {@link InterceptResult#reject}. MT messages
 * ({@link GatewayMessage}) meet their interceptors before routing; inbound SMS ({@link InboundSms})
 * before they are posted. Runs on an I/O thread: quick, never blocking.
 *
 * <pre>{@code
 * Interceptor<GatewayMessage> noNight = chain -> isNight()
 *         ? InterceptResult.reject("quiet_hours", "no marketing at night")
 *         : chain.proceed(chain.message());
 * }</pre>
 *
 * @param <T> the message type
 */
@FunctionalInterface
public interface Interceptor<T> {

    /**
     * Handles one message.
     *
     * @param chain the message and the rest of the chain
     * @return what became of it
     */
    InterceptResult<T> intercept(Chain<T> chain);

    /**
     * The message and the interceptors after this one.
     *
     * @param <T> the message type
     */
    interface Chain<T> {
        /** @return the message as it is now */
        T message();

        /**
         * Passes a (possibly changed) message to the next interceptor.
         *
         * @param message the message
         * @return what the rest of the chain made of it
         */
        InterceptResult<T> proceed(T message);
    }

    /**
     * Runs a message through interceptors, in order; built once from the configuration.
     *
     * @param interceptors the interceptors
     * @param message the message
     * @param <T> the message type
     * @return the message as the last one passed it on, or the rejection
     */
    static <T> InterceptResult<T> run(List<Interceptor<T>> interceptors, T message) {
        return new RealChain<>(interceptors, 0, Objects.requireNonNull(message, "message")).proceed(message);
    }

    /** The chain {@link #run} builds. */
    final class RealChain<T> implements Chain<T> {
        private final List<Interceptor<T>> interceptors;
        private final int index;
        private final T message;

        private RealChain(List<Interceptor<T>> interceptors, int index, T message) {
            this.interceptors = interceptors;
            this.index = index;
            this.message = message;
        }

        @Override
        public T message() {
            return message;
        }

        @Override
        public InterceptResult<T> proceed(T next) {
            Objects.requireNonNull(next, "message");
            if (index >= interceptors.size()) {
                return InterceptResult.proceed(next);
            }
            return interceptors.get(index).intercept(new RealChain<>(interceptors, index + 1, next));
        }
    }
}
