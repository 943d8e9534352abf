package io.edumatrix.platform.events;

import io.edumatrix.platform.data.EduMatrixProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events between processes (ADR 0036), wired only in a process that has modules elsewhere
 * ({@code edumatrix.remote.<module>.url}): a single process needs no broker. This process's events go out through the
 * {@link EventExternalizer}; the events of its remote modules come in through {@link BrokeredEvents}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(BrokerConfiguration.SplitDeployment.class)
class BrokerConfiguration {

    static final String PARKED_SUFFIX = "-parked";

    /** Any module configured as remote. */
    static final class SplitDeployment implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !remoteModules(Binder.get(context.getEnvironment())).isEmpty();
        }
    }

    /** The modules named under {@code edumatrix.remote} with a URL, sorted. */
    static List<String> remoteModules(Binder binder) {
        return binder.bind("edumatrix.remote", Bindable.mapOf(String.class, Remote.class)).orElse(Map.of())
                .entrySet().stream().filter(e -> e.getValue().url() != null).map(Map.Entry::getKey).sorted().toList();
    }

    /** Only whether a module is remote matters here; the platform's remote package binds the rest. */
    record Remote(String url) {}

    @Bean
    EventRecords eventRecords(JsonMapper json) {
        return new EventRecords(json);
    }

    @Bean
    EventExternalizer eventExternalizer(ModuleDelivery delivery, KafkaTemplate<String, String> kafka,
            EventRecords records,
            @Value("${edumatrix.events.kafka.acknowledgement-timeout:15s}") Duration acknowledgementTimeout,
            Environment environment) {
        return new EventExternalizer(delivery, kafka, records, acknowledgementTimeout,
                ListenedElsewhere.byModules(remoteModules(Binder.get(environment))));
    }

    @Bean
    ExternalizationRetry externalizationRetry(FailedEventPublications failed) {
        return new ExternalizationRetry(failed);
    }

    @Bean
    BrokeredEvents brokeredEvents(EduMatrixProperties properties, Environment environment, EventRecords records,
            ModuleDelivery delivery, ListableBeanFactory beans, MeterRegistry meters) {
        var topics = remoteModules(Binder.get(environment)).stream().map(EventRecords::topic).toList();
        var groupId = "edumatrix-" + String.join("-", properties.modules());
        var listeners = new java.util.concurrent.atomic.AtomicReference<BrokeredListeners>();
        return new BrokeredEvents(topics, groupId, records, delivery,
                () -> listeners.updateAndGet(known -> known != null ? known
                        : new BrokeredListeners(beans, delivery.brokeredTargets())), meters);
    }

    /**
     * A record is tried {@code edumatrix.events.kafka.attempts} times with backoff; then it is parked on its topic's
     * {@code -parked} topic (same partition number) and the partition goes on. A record no build here can read is
     * parked at once.
     */
    @Bean
    DefaultErrorHandler brokeredEventErrors(KafkaTemplate<String, String> kafka, MeterRegistry meters,
            @Value("${edumatrix.events.kafka.attempts:4}") int attempts) {
        var parked = Counter.builder("edumatrix.events.parked")
                .description("Records from other processes that no attempt could deliver, parked on <topic>-parked")
                .register(meters);
        var recoverer = new DeadLetterPublishingRecoverer(kafka, (record, failure) -> {
            parked.increment();
            return new TopicPartition(record.topic() + PARKED_SUFFIX, -1);
        });
        var backOff = new ExponentialBackOff(200, 2);
        backOff.setMaxAttempts(attempts - 1);
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(EventRecords.UnreadableEventException.class);
        return handler;
    }
}
