package io.edumatrix.platform.move;

import io.edumatrix.platform.data.ModuleLocation;
import io.edumatrix.platform.domain.DomainException;
import io.edumatrix.platform.security.PlatformAdmin;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A platform administrator moves a module to another PostgreSQL server while the application runs (ADR 0030). */
@RestController
@RequestMapping("/api/admin/modules/{module}")
class ModuleMoveController {

    private final ModuleMoves moves;

    ModuleMoveController(ModuleMoves moves) {
        this.moves = moves;
    }

    /** Checked at once (a refusal changes nothing); the move then runs on its own, followed at the Location. */
    @PostMapping("/move")
    @PlatformAdmin
    ResponseEntity<MoveStatus> move(@PathVariable String module, @Valid @RequestBody MoveRequest target) {
        var id = moves.start(module, location(target));
        var status = moves.status(module, id).orElseThrow();
        var location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/admin/modules/{module}/moves/{id}").buildAndExpand(module, id).toUri();
        return ResponseEntity.accepted().location(location).body(status);
    }

    @GetMapping("/moves/{id}")
    @PlatformAdmin
    MoveStatus status(@PathVariable String module, @PathVariable UUID id) {
        return moves.status(module, id).orElseThrow(() -> DomainException.notFound("Move", id));
    }

    /** Removes what an unfinished move to the given target left; the module keeps serving where it is. */
    @PostMapping("/move/abandon")
    @PlatformAdmin
    Map<String, String> abandon(@PathVariable String module, @Valid @RequestBody MoveRequest target) {
        return Map.of("result", moves.abandon(module, location(target)));
    }

    /** Drops the schema a finished move left at the given old location: the explicit last step. */
    @PostMapping("/old-schema/drop")
    @PlatformAdmin
    Map<String, String> dropOldSchema(@PathVariable String module, @Valid @RequestBody MoveRequest oldLocation) {
        return Map.of("result", moves.dropOldSchema(module, location(oldLocation)));
    }

    private static ModuleLocation location(MoveRequest request) {
        return new ModuleLocation(request.host(), request.port(), request.database(), "", "", false, request.host(),
                request.port());
    }
}
