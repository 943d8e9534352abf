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

/** Rotation of the modules' person-key wrapping keys, and how far the re-wrapping has come. */
@RestController
@RequestMapping("/api/admin/keys")
class KeyAdministrationController {

    private static final Logger log = LoggerFactory.getLogger(KeyAdministrationController.class);

    private final ModuleVaults vaults;

    KeyAdministrationController(ModuleVaults vaults) {
        this.vaults = vaults;
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

    private static ModuleKeys.Status rotate(ModuleKeys keys) {
        var status = keys.rotate();
        log.info("Module {} wraps new person keys under key {} now; {} person keys to re-wrap", keys.module(),
                status.primaryKeyId(), status.underOlderKeys());
        return status;
    }
}
