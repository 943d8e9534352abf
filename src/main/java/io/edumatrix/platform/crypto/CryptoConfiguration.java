package io.edumatrix.platform.crypto;

import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import io.edumatrix.platform.data.ModuleDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.GeneralSecurityException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The master key, every module's keys and vault, and the jobs that keep them current ({@link KeyMaintenance}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MasterKeyProperties.class, CryptoProperties.class})
class CryptoConfiguration {

    static final String MODULE_VAULTS = "moduleVaults";

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Bean
    static VaultRegistrar vaultRegistrar() {
        return new VaultRegistrar();
    }

    @Bean
    MasterKey masterKey(MasterKeyProperties properties) {
        return MasterKey.from(properties);
    }

    /** Asked for by every module's data access when its pool opens (ADR 0026). */
    @Bean
    StoredSettingsKeys settingsKeys(ModuleDatabases modules, MasterKey masterKey) {
        return new StoredSettingsKeys(modules, masterKey);
    }

    @Bean(MODULE_VAULTS)
    ModuleVaults moduleVaults(ModuleDatabases modules, BeanFactory beans, MasterKey masterKey,
            CryptoProperties properties, MeterRegistry meters) {
        return new ModuleVaults(modules, beans, masterKey, properties, meters);
    }
}
