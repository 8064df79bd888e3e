package example;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.ujumbe.client.ClientConfig;
import io.ujumbe.client.SmppClient;
import io.ujumbe.redis.RedisClients;
import io.ujumbe.redis.RedisOutbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The smallest application on ujumbe-client and ujumbe-redis: a Lettuce connection (PING) and an
 * SMPP client with the Redis outbox, started and stopped. With Netty 4.1 on the classpath it dies
 * with NoClassDefFoundError (io/netty/util/concurrent/ThreadAwareExecutor).
 */
public final class ClientWithRedis {
    private ClientWithRedis() {
    }

    public static void main(String[] args) throws Exception {
        RedisClient redis = RedisClients.create(args[0]);
        try (StatefulRedisConnection<String, String> c = redis.connect();
             RedisOutbox outbox = RedisOutbox.builder(redis).keyPrefix("nobom:").build()) {
            System.out.println("redis " + c.sync().ping());
            SmppClient client = SmppClient.create(ClientConfig.builder().host("127.0.0.1").port(Integer.parseInt(args[1]))
                    .systemId("acme").password("secret").outbox(outbox).build());
            client.start();
            client.stop(Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
            System.out.println("client started and stopped");
        } finally {
            redis.shutdown();
        }
    }
}
