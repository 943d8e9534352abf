package io.edumatrix.institutions.internal;

import io.edumatrix.institutions.internal.Views.DepartmentView;
import io.edumatrix.institutions.internal.Views.InstitutionView;
import io.edumatrix.platform.security.InstitutionAdmin;
import io.edumatrix.platform.security.InstitutionScope;
import io.edumatrix.platform.security.MemberOrPlatformAdmin;
import io.edumatrix.platform.security.PlatformAdmin;
import io.edumatrix.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/institutions")
class InstitutionController {

    private final InstitutionService service;

    InstitutionController(InstitutionService service) {
        this.service = service;
    }

    record RegisterInstitution(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{1,31}", message = "must be 2-32 letters, digits, '-' or '_'")
                    String code) {}

    record RenameInstitution(@NotBlank @Size(max = 200) String name) {}

    record AddDepartment(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{1,31}", message = "must be 2-32 letters, digits, '-' or '_'")
                    String code) {}

    @PostMapping
    @PlatformAdmin
    ResponseEntity<InstitutionView> register(@Valid @RequestBody RegisterInstitution request) {
        var institution = service.register(request.name().strip(), request.code());
        return ResponseEntity.created(URI.create("/api/institutions/" + institution.id())).body(InstitutionView.of(institution));
    }

    @GetMapping("/{id}")
    @MemberOrPlatformAdmin
    InstitutionView get(@PathVariable UUID id) {
        return InstitutionView.of(InstitutionScope.within(id, () -> service.get(id)));
    }

    @GetMapping
    @PlatformAdmin
    Page<InstitutionListing> list(@RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return service.list(after, limit);
    }

    @PatchMapping("/{id}")
    @InstitutionAdmin
    InstitutionView rename(@PathVariable UUID id, @Valid @RequestBody RenameInstitution request) {
        return InstitutionView.of(InstitutionScope.within(id, () -> service.rename(id, request.name().strip())));
    }

    /** Deactivation is a state change of its own, announced to other modules; repeating it changes nothing. */
    @PostMapping("/{id}/deactivation")
    @PlatformAdmin
    InstitutionView deactivate(@PathVariable UUID id) {
        return InstitutionView.of(service.deactivate(id));
    }

    @PostMapping("/{id}/departments")
    @InstitutionAdmin
    ResponseEntity<DepartmentView> addDepartment(@PathVariable UUID id, @Valid @RequestBody AddDepartment request) {
        var department = InstitutionScope.within(id,
                () -> service.addDepartment(id, request.name().strip(), request.code()));
        return ResponseEntity.created(URI.create("/api/institutions/" + id + "/departments/" + department.id()))
                .body(DepartmentView.of(department));
    }

    @GetMapping("/{id}/departments")
    @MemberOrPlatformAdmin
    List<DepartmentView> departments(@PathVariable UUID id) {
        return InstitutionView.of(InstitutionScope.within(id, () -> service.get(id))).departments();
    }
}
