package io.ujumbe.cli;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The Prometheus registry of a long-running command ({@code ujumbe run}, {@code ujumbe smsc}) with
 * the JVM and process metrics bound: memory ({@code jvm_memory_*}, {@code jvm_buffer_*}), garbage
 * collection ({@code jvm_gc_*}), threads ({@code jvm_threads_*}), classes
 * ({@code jvm_classes_*}), CPU ({@code process_cpu_usage}, {@code system_cpu_*}), uptime
 * ({@code process_uptime_seconds}, {@code process_start_time_seconds}) and file descriptors
 * ({@code process_files_*}).
 */
final class ProcessMetrics {
    private ProcessMetrics() {
    }

    @SuppressWarnings("resource") // JvmGcMetrics listens to GC notifications for the life of the process
    static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        return registry;
    }
}
