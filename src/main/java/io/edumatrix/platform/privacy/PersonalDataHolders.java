package io.edumatrix.platform.privacy;

import io.edumatrix.platform.data.ModuleBeans;
import io.edumatrix.platform.data.ModuleDataAccess;
import io.edumatrix.platform.data.ModuleDatabases;
import io.edumatrix.platform.data.ModuleNames;
import io.edumatrix.platform.tables.DataSubjectColumns;
import io.edumatrix.platform.tenancy.TenantContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The modules that hold personal data, each with its {@link PersonalDataHolder}, in the order of
 * {@code edumatrix.modules}. An erasure waits for a confirmation from exactly these. The application refuses to start
 * when a holder names a module that is not configured, names one twice, or lives outside the module it names.
 */
@Component
public class PersonalDataHolders {

    private final Map<String, PersonalDataHolder> holders = new LinkedHashMap<>();
    private final List<String> remoteHolders;
    private final BeanFactory beans;

    PersonalDataHolders(List<PersonalDataHolder> declared, ModuleDatabases modules, BeanFactory beans,
            Environment environment) {
        this.beans = beans;
        this.remoteHolders = remoteHolders(environment);
        for (var module : modules.all()) {
            var own = declared.stream().filter(holder -> holder.module().equals(module.module())).toList();
            if (own.size() > 1) {
                throw new IllegalStateException("Module " + module.module() + " has " + own.size()
                        + " PersonalDataHolders; one holder speaks for the whole module");
            }
            own.forEach(holder -> {
                var type = AopUtils.getTargetClass(holder).getName();
                if (!type.startsWith(module.basePackage() + ".")) {
                    throw new IllegalStateException(type + " answers for module "
                            + module.module() + " but is not in its package " + module.basePackage());
                }
                holders.put(module.module(), holder);
            });
        }
        declared.stream().filter(holder -> !holders.containsValue(holder)).findFirst().ifPresent(holder -> {
            throw new IllegalStateException(AopUtils.getTargetClass(holder).getName() + " names module '" + holder.module()
                    + "', which is not in edumatrix.modules " + modules.all().stream().map(m -> m.module()).toList());
        });
    }

    /** The modules of this process that hold personal data. */
    public List<String> modules() {
        return List.copyOf(holders.keySet());
    }

    /**
     * The modules an erasure must hear from: this process's holders, and the modules running in other processes
     * (ADR 0035) that declare data-subject columns; those hear of the erasure, and confirm it, through the broker.
     */
    public List<String> awaitedModules() {
        var awaited = new java.util.ArrayList<>(holders.keySet());
        awaited.addAll(remoteHolders);
        return List.copyOf(awaited);
    }

    private static List<String> remoteHolders(Environment environment) {
        return Binder.get(environment).bind("edumatrix.remote", Bindable.mapOf(String.class, Remote.class))
                .orElse(Map.of()).entrySet().stream()
                .filter(remote -> remote.getValue().url() != null)
                .map(Map.Entry::getKey)
                .filter(PersonalDataHolders::declaresDataSubjects)
                .sorted()
                .toList();
    }

    private static boolean declaresDataSubjects(String module) {
        try {
            return ClassUtils.forName(ModuleNames.basePackage(module) + ".package-info",
                    PersonalDataHolders.class.getClassLoader()).isAnnotationPresent(DataSubjectColumns.class);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Only whether a module is remote matters here. */
    record Remote(String url) {}

    /**
     * Runs {@code work} on the module's holder in a new transaction of the module's own manager, with only the data
     * subject bound (no institution), so the holder's queries reach that person's rows in every institution.
     */
    <T> T inOwnTransaction(String module, UUID dataSubject, boolean readOnly, Function<PersonalDataHolder, T> work) {
        var holder = holder(module);
        var transaction = new TransactionTemplate(dataAccess(module).transactionManager());
        transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        transaction.setReadOnly(readOnly);
        return TenantContext.asDataSubject(dataSubject, () -> transaction.execute(status -> work.apply(holder)));
    }

    /** The module's holder, for work already running in the module's transaction. */
    PersonalDataHolder holder(String module) {
        var holder = holders.get(module);
        if (holder == null) {
            throw new IllegalArgumentException("Module '" + module + "' has no PersonalDataHolder");
        }
        return holder;
    }

    /** Whether a transaction of the module's own manager is running on this thread. */
    boolean inTransactionOf(String module) {
        return TransactionSynchronizationManager.hasResource(dataAccess(module).dataSource());
    }

    private ModuleDataAccess dataAccess(String module) {
        return beans.getBean(ModuleBeans.dataAccess(module), ModuleDataAccess.class);
    }
}
