package io.ujumbe.amqp;

import org.apache.qpid.server.SystemLauncher;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs Apache Qpid Broker-J (AMQP 0-9-1) in its own JVM for {@link AmqpBroker}: port and work
 * directory from the arguments, user guest/guest, one virtual host (the default, so vhost "/"
 * reaches it) on a Derby store, so that durable queues and persistent messages survive a restart.
 * A rejected message (requeue=false) is dropped, as RabbitMQ drops it. Prints "qpid ready" once it listens; runs until killed.
 */
public final class QpidBrokerMain {
    private QpidBrokerMain() {
    }

    /** Arguments: work directory, AMQP port. */
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(work);
        // Derby writes its log to the working directory (the module) unless told otherwise.
        System.setProperty("derby.stream.error.file", work.resolve("derby.log").toString());
        Path initial = work.resolve("initial-config.json");
        Files.writeString(initial, "{\n"
                + "  \"name\": \"ujumbe-test\",\n"
                + "  \"modelVersion\": \"9.0\",\n"
                + "  \"authenticationproviders\": [{\"name\": \"plain\", \"type\": \"Plain\", \"secureOnlyMechanisms\": [],\n"
                + "     \"users\": [{\"name\": \"guest\", \"type\": \"managed\", \"password\": \"guest\"}]}],\n"
                + "  \"ports\": [{\"name\": \"AMQP\", \"port\": \"${qpid.amqp_port}\", \"authenticationProvider\": \"plain\",\n"
                + "     \"protocols\": [\"AMQP_0_9_1\"],\n"
                + "     \"virtualhostaliases\": [{\"name\": \"nameAlias\", \"type\": \"nameAlias\"},\n"
                + "                              {\"name\": \"defaultAlias\", \"type\": \"defaultAlias\"}]}],\n"
                + "  \"virtualhostnodes\": [{\"name\": \"default\", \"type\": \"JSON\", \"defaultVirtualHostNode\": \"true\",\n"
                + "     \"virtualHostInitialConfiguration\": \"{\\\"type\\\": \\\"DERBY\\\"}\"}]\n"
                + "}\n", StandardCharsets.UTF_8);
        Map<String, String> context = new HashMap<>();
        context.put("qpid.work_dir", work.toString());
        context.put("qpid.amqp_port", Integer.toString(port));
        // Qpid requeues a basic.reject(requeue=false) unless the queue has a delivery limit (its JMS
        // legacy); with a limit of 1 a rejected message is dead-lettered, and with no alternate
        // binding dropped, as RabbitMQ does. Redeliveries after a lost connection are not counted.
        context.put("queue.maximumDeliveryAttempts", "1");
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "JSON");
        attributes.put("initialConfigurationLocation", initial.toUri().toString());
        attributes.put("storePath", work.resolve("config.json").toString());
        attributes.put("startupLoggedToSystemOut", Boolean.FALSE);
        attributes.put("context", context);
        new SystemLauncher().startup(attributes);
        System.out.println("qpid ready");
        System.out.flush();
        Thread.currentThread().join();
    }
}
