package io.edumatrix.platform.crypto;

import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.domain.DomainException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every module's keys and vault, built at start-up through the module's own connection and transaction manager. A
 * module without keysets gets them now; a master key that does not open existing ones stops start-up.
 */
final class ModuleVaults {

    static final String GAUGE = "edumatrix.crypto.person.keys.under.older.keys";

    private final Map<String, ModuleKeys> keys = new LinkedHashMap<>();
    private final Map<String, ModuleVault> vaults = new LinkedHashMap<>();

    ModuleVaults(ModuleDatabases modules, BeanFactory beans, MasterKey masterKey, CryptoProperties properties,
            MeterRegistry meters) {
        for (var module : modules.all()) {
            var name = module.module();
            var jdbc = beans.getBean(ModuleBeans.jdbcOperations(name), NamedParameterJdbcTemplate.class);
            var transactions = new TransactionTemplate(
                    beans.getBean(ModuleBeans.transactionManager(name), PlatformTransactionManager.class));
            var moduleKeys = new ModuleKeys(name, new StoredKeysets(module.schema(), jdbc, masterKey),
                    new PersonKeyTable(jdbc), transactions, properties.keysetRefreshInterval());
            moduleKeys.status();
            keys.put(name, moduleKeys);
            vaults.put(name, new ModuleVault(moduleKeys, new PersonKeyCache(properties.personKeyCache())));
            Gauge.builder(GAUGE, moduleKeys, ModuleKeys::lastCountUnderOlderKeys)
                    .description("Person keys still wrapped under an older key of the module's keyset")
                    .tag("module", name)
                    .register(meters);
        }
    }

    ModuleVault vault(String module) {
        return vaults.get(module);
    }

    Collection<ModuleKeys> all() {
        return keys.values();
    }

    ModuleKeys of(String module) {
        var found = keys.get(module);
        if (found == null) {
            throw DomainException.notFound("Module", module);
        }
        return found;
    }
}
