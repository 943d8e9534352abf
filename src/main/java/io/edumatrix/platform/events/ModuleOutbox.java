package io.edumatrix.platform.events;

import io.edumatrix.platform.data.ModuleDataAccess;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Modulith's event publication repository, routed per module: a publication is written to the
 * {@code event_publication} table of the module that publishes the event (the module whose package declares the event
 * type, or the one a {@link SharedEvent} names), through that module's connection, inside that module's running
 * transaction. So a rolled-back business change leaves no publication behind, and a committed one always has its
 * publication. Everything else in Modulith's registry (completion, staleness, resubmission, the publication APIs,
 * Scenario) works on top of this unchanged.
 *
 * <p>The rule when the publishing module has no transaction open: inside a transaction of the default
 * (synchronization-only) manager, where no module data is being changed, the publication is written in a short
 * transaction of its own on the module's pool just before that transaction commits (nothing if it rolls back);
 * anywhere else publishing fails, naming the event and the module.
 */
final class ModuleOutbox implements EventPublicationRepository {

    private final Map<String, Module> modules = new LinkedHashMap<>();
    /** Which module holds a publication, for the registry's calls that carry only its id. */
    private final Map<UUID, OutboxTable> locations = new ConcurrentHashMap<>();

    private record Module(String basePackage, ModuleDataAccess dataAccess, OutboxTable table, TransactionTemplate ownTransaction) {}

    ModuleOutbox(List<ModuleDataAccess> dataAccess, Function<ModuleDataAccess, OutboxTable> tables) {
        for (var access : dataAccess) {
            var ownTransaction = new TransactionTemplate(access.transactionManager());
            ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            modules.put(access.module().module(),
                    new Module(access.module().basePackage() + ".", access, tables.apply(access), ownTransaction));
        }
    }

    @Override
    public TargetEventPublication create(TargetEventPublication publication) {
        var module = publisherOf(publication.getEvent());
        var dataSource = module.dataAccess().dataSource();
        if (TransactionSynchronizationManager.hasResource(dataSource)
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            module.table().insert(publication);
        } else if (TransactionSynchronizationManager.hasResource(dataSource)) {
            // A read-only transaction may run on a read replica, where it can write nothing (SQLSTATE 25006). It
            // changed nothing either, so the publication needs no atomicity with it: it is written on the primary in a
            // transaction of its own when the read-only one is about to commit, and is gone if it rolls back.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    module.ownTransaction().executeWithoutResult(status -> module.table().insert(publication));
                }
            });
        } else if (noModuleTransactionOpen() && TransactionSynchronizationManager.isSynchronizationActive()) {
            // Written when the surrounding transaction is about to commit, so its rollback leaves nothing behind;
            // its after-commit listeners find the publication in place.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    module.ownTransaction().executeWithoutResult(status -> module.table().insert(publication));
                }
            });
        } else {
            throw new IllegalStateException("Event " + publication.getEvent().getClass().getSimpleName()
                    + " belongs to module '" + module.dataAccess().module().module() + "' and must be published inside a"
                    + " transaction of that module (@Transactional(\"" + module.dataAccess().module().module()
                    + "\")), so that its outbox row commits or rolls back with the change it announces");
        }
        locations.put(publication.getIdentifier(), module.table());
        return publication;
    }

    @Override
    public void markCompleted(TargetEventPublication publication, Instant completionDate) {
        publication.markCompleted(completionDate);
        publisherOf(publication.getEvent()).table().complete(publication.getIdentifier(), completionDate);
        locations.remove(publication.getIdentifier());
    }

    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
        publisherOf(event).table().complete(event, identifier, completionDate);
    }

    @Override
    public void markCompleted(UUID identifier, Instant completionDate) {
        withTableOf(identifier, table -> table.complete(identifier, completionDate));
        locations.remove(identifier);
    }

    @Override
    public void markProcessing(UUID identifier) {
        withTableOf(identifier, table -> table.markStatus(identifier, Status.PROCESSING));
    }

    @Override
    public void markFailed(UUID identifier) {
        withTableOf(identifier, table -> table.markStatus(identifier, Status.FAILED));
    }

    @Override
    public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
        return withTableOf(identifier, table -> table.markResubmitted(identifier, resubmissionDate));
    }

    @Override
    public List<TargetEventPublication> findIncompletePublications() {
        return collect(OutboxTable::findIncomplete);
    }

    @Override
    public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
        return collect(table -> table.findIncompletePublishedBefore(instant));
    }

    @Override
    public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
            PublicationTargetIdentifier targetIdentifier) {
        return publisherOf(event).table().findIncomplete(event, targetIdentifier).stream().findFirst();
    }

    @Override
    public List<TargetEventPublication> findCompletedPublications() {
        return collect(OutboxTable::findCompleted);
    }

    @Override
    public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
        var before = criteria.getPublicationDateReference() == null ? Instant.now() : criteria.getPublicationDateReference();
        var failed = collect(table -> table.findFailed(before, criteria.getMaxItemsToRead()));
        return criteria.getMaxItemsToRead() > 0 ? failed.stream().limit(criteria.getMaxItemsToRead()).toList() : failed;
    }

    @Override
    public List<TargetEventPublication> findByStatus(Status status) {
        return collect(table -> table.findByStatus(status));
    }

    @Override
    public int countByStatus(Status status) {
        return modules.values().stream().mapToInt(m -> m.table().countByStatus(status)).sum();
    }

    @Override
    public void deletePublications(List<UUID> identifiers) {
        modules.values().forEach(m -> m.table().delete(identifiers));
        identifiers.forEach(locations::remove);
    }

    @Override
    public void deleteCompletedPublications() {
        deleteCompletedPublicationsBefore(Instant.now().plusSeconds(1));
    }

    @Override
    public void deleteCompletedPublicationsBefore(Instant instant) {
        modules.values().forEach(m -> m.table().deleteCompletedBefore(instant));
    }

    private Module publisherOf(Object event) {
        if (event instanceof SharedEvent shared) {
            var named = modules.get(shared.publishingModule());
            if (named == null) {
                throw new IllegalStateException("Event " + event.getClass().getName() + " names '"
                        + shared.publishingModule() + "' as its publishing module, which is not in edumatrix.modules");
            }
            return named;
        }
        var type = event.getClass().getName();
        return modules.values().stream()
                .filter(m -> type.startsWith(m.basePackage()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Event " + type + " is declared in no module listed in"
                        + " edumatrix.modules, so it has no outbox; declare it in its publishing module's root package"));
    }

    private boolean noModuleTransactionOpen() {
        return modules.values().stream().noneMatch(m -> TransactionSynchronizationManager.hasResource(m.dataAccess().dataSource()));
    }

    /** Uses the remembered module, or asks each module in turn (after a restart nothing is remembered). */
    private boolean withTableOf(UUID identifier, Predicate<OutboxTable> action) {
        var known = locations.get(identifier);
        if (known != null) {
            return action.test(known);
        }
        for (var module : modules.values()) {
            if (action.test(module.table())) {
                locations.put(identifier, module.table());
                return true;
            }
        }
        return false;
    }

    private List<TargetEventPublication> collect(Function<OutboxTable, List<TargetEventPublication>> query) {
        var all = modules.values().stream().flatMap(m -> {
            var found = query.apply(m.table());
            found.stream().filter(p -> !p.isCompleted()).forEach(p -> locations.put(p.getIdentifier(), m.table()));
            return found.stream();
        });
        return all.sorted(Comparator.comparing(TargetEventPublication::getPublicationDate)).toList();
    }
}
