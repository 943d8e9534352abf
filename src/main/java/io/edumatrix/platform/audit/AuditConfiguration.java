package io.edumatrix.platform.audit;

import io.edumatrix.platform.data.DatabaseSetup;
import io.edumatrix.platform.data.ModuleDatabases;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit trail's beans: its partitions maintained at start-up, after the migrations, and its reader. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

    @Bean
    AuditPartitionsAtStartup auditPartitionsAtStartup(ModuleDatabases modules, AuditProperties settings,
            DatabaseSetup setup) {
        return new AuditPartitionsAtStartup(new AuditMaintenance(modules, settings), setup,
                modules.settings().admin().configured());
    }

    @Bean
    AuditReader auditReader(ModuleDatabases modules, BeanFactory beans) {
        return new AuditReader(modules, beans);
    }
}
