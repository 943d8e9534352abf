package io.edumatrix.platform.observability;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.edumatrix.platform.data.ModuleDataAccess;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Meters every module's pool and transactions as the module's data access is built. Boot binds Hikari's meters only to
 * {@code DataSource} beans it knows; the per-module pools are built by the platform, so each gets Hikari's Micrometer
 * tracker here (its pool name, the module's, becomes the {@code pool} tag), and its transaction manager a
 * {@link TransactionMeter}.
 */
final class ModuleDataMeters implements BeanPostProcessor {

    private final ObjectProvider<MeterRegistry> registry;

    ModuleDataMeters(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ModuleDataAccess dataAccess) {
            var meters = registry.getObject();
            dataAccess.pool().setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
            dataAccess.replicaPool().ifPresent(pool -> pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters)));
            dataAccess.transactionManager().addListener(new TransactionMeter(dataAccess.module().module(), meters));
        }
        return bean;
    }
}
