package io.edumatrix.institutions.internal;

import io.edumatrix.institutions.internal.Views.MemberView;
import io.edumatrix.platform.security.InstitutionAdmin;
import io.edumatrix.platform.security.InstitutionScope;
import io.edumatrix.platform.security.Role;
import io.edumatrix.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An institution's members, managed by its admins or a platform administrator. */
@RestController
@RequestMapping("/api/institutions/{institutionId}/members")
class MembershipController {

    private final MembershipService service;

    MembershipController(MembershipService service) {
        this.service = service;
    }

    record AddMember(@NotBlank @Email @Size(max = 320) String email, @NotNull Role role) {

        @AssertTrue(message = "must be INSTITUTION_ADMIN, INSTRUCTOR or STUDENT")
        boolean isRole() {
            return role != Role.PLATFORM_ADMIN;
        }
    }

    record ChangeRole(@NotNull Role role) {

        @AssertTrue(message = "must be INSTITUTION_ADMIN, INSTRUCTOR or STUDENT")
        boolean isRole() {
            return role != Role.PLATFORM_ADMIN;
        }
    }

    @PostMapping
    @InstitutionAdmin
    ResponseEntity<MemberView> add(@PathVariable UUID institutionId, @Valid @RequestBody AddMember request) {
        var member = InstitutionScope.within(institutionId,
                () -> service.add(institutionId, request.email().strip(), request.role()));
        return ResponseEntity.created(URI.create("/api/institutions/" + institutionId + "/members/" + member.accountId()))
                .body(MemberView.of(member));
    }

    @GetMapping
    @InstitutionAdmin
    Page<MemberView> list(@PathVariable UUID institutionId, @RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return InstitutionScope.within(institutionId, () -> service.list(institutionId, after, limit))
                .map(MemberView::of);
    }

    @PatchMapping("/{accountId}")
    @InstitutionAdmin
    MemberView changeRole(@PathVariable UUID institutionId, @PathVariable UUID accountId,
            @Valid @RequestBody ChangeRole request) {
        return MemberView.of(InstitutionScope.within(institutionId,
                () -> service.changeRole(institutionId, accountId, request.role())));
    }

    @DeleteMapping("/{accountId}")
    @InstitutionAdmin
    ResponseEntity<Void> remove(@PathVariable UUID institutionId, @PathVariable UUID accountId) {
        InstitutionScope.within(institutionId, () -> {
            service.remove(institutionId, accountId);
            return null;
        });
        return ResponseEntity.noContent().build();
    }
}
