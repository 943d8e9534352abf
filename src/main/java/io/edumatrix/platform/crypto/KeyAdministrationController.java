package io.edumatrix.platform.crypto;

import io.edumatrix.platform.security.PlatformAdmin;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rotation and retirement of the keys, and how far the background work has come: the modules' person-key wrapping
 * keys, their blind-index keys, and the master key (whose rotation is a change of configuration; see the README).
 */
@RestController
@RequestMapping("/api/admin/keys")
class KeyAdministrationController {

    private static final Logger log = LoggerFactory.getLogger(KeyAdministrationController.class);

    private final ModuleVaults vaults;
    private final KeyMaintenance maintenance;
    private final MasterKeyRotation masterKeyRotation;
    private final CryptoProperties properties;

    KeyAdministrationController(ModuleVaults vaults, KeyMaintenance maintenance, MasterKeyRotation masterKeyRotation,
            CryptoProperties properties) {
        this.vaults = vaults;
        this.maintenance = maintenance;
        this.masterKeyRotation = masterKeyRotation;
        this.properties = properties;
    }

    @GetMapping
    @PlatformAdmin
    List<ModuleKeys.Status> status() {
        return vaults.all().stream().map(keys -> {
            keys.refresh();
            return keys.status();
        }).toList();
    }

    /** Every module gets a new primary key; the re-wrap job moves the person keys over to it. */
    @PostMapping("/rotation")
    @PlatformAdmin
    List<ModuleKeys.Status> rotateAll() {
        return vaults.all().stream().map(KeyAdministrationController::rotate).toList();
    }

    @PostMapping("/{module}/rotation")
    @PlatformAdmin
    ModuleKeys.Status rotate(@PathVariable String module) {
        return rotate(vaults.of(module));
    }

    /**
     * Retires every wrapping key of the module but the primary: re-wraps the person keys still under an older one (what
     * is sealed under it), then removes the older keys from the keyset. Repeatable: a crash part-way leaves the rows
     * that were re-wrapped re-wrapped, and a second call carries on.
     */
    @PostMapping("/{module}/retirement")
    @PlatformAdmin
    ModuleKeys.Status retire(@PathVariable String module) {
        var keys = vaults.of(module);
        maintenance.rewrap(keys);
        var before = keys.status().keyIds();
        var status = keys.retireOlderKeys(keys.refreshInterval().multipliedBy(2));
        log.info("Module {} retired its wrapping keys {}; key {} wraps every person key", module,
                before.stream().filter(id -> id != status.primaryKeyId()).toList(), status.primaryKeyId());
        return status;
    }

    /**
     * A new blind-index key for the module: rows written from now on are indexed under it, lookups find rows under
     * either key, the key maintenance recomputes the stored indexes and then retires the old key. Progress in
     * {@code GET /api/admin/keys}: {@code blindIndexRotationStartedAt} is null again once it has finished.
     */
    @PostMapping("/{module}/blind-index/rotation")
    @PlatformAdmin
    ModuleKeys.Status rotateBlindIndex(@PathVariable String module) {
        var status = vaults.of(module).rotateBlindIndex();
        maintenance.reindexSoon();
        log.info("Module {} indexes under blind-index key {} now; the stored indexes are recomputed from {} on",
                module, status.blindIndexPrimaryKeyId(), status.blindIndexRotationStartedAt()
                        .plus(vaults.of(module).refreshInterval().multipliedBy(2)));
        return status;
    }

    /** Which master key wraps what, and how much is left under another than the current one. */
    @GetMapping("/master")
    @PlatformAdmin
    MasterKeyRotation.Status masterKey() {
        return masterKeyRotation.status();
    }

    /** Re-wraps now what the key maintenance would re-wrap at its next run, and answers what is left. */
    @PostMapping("/master/rewrap")
    @PlatformAdmin
    MasterKeyRotation.Status rewrapUnderMasterKey() {
        masterKeyRotation.rewrap(properties.rewrap().batchSize());
        return masterKeyRotation.status();
    }

    private static ModuleKeys.Status rotate(ModuleKeys keys) {
        var status = keys.rotate();
        log.info("Module {} wraps new person keys under key {} now; {} person keys to re-wrap", keys.module(),
                status.primaryKeyId(), status.underOlderKeys());
        return status;
    }
}
