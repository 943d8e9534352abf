package bench.securedpeer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The tenant is the token's {@code institution_id}; the roles are checked per endpoint, as EduMatrix's are. */
@RestController
class ItemController {

    static final String INSTITUTION_CLAIM = "institution_id";

    private final ItemService items;

    ItemController(ItemService items) {
        this.items = items;
    }

    record CreateItem(
            @NotNull UUID institutionId,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{1,31}") String code,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description) {}

    @GetMapping("/items/{id}")
    @PreAuthorize("hasAnyRole('INSTITUTION_ADMIN', 'INSTRUCTOR', 'STUDENT')")
    Item get(@PathVariable UUID id, @AuthenticationPrincipal Jwt token) {
        return items.get(id, institution(token)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping("/items")
    @PreAuthorize("hasAnyRole('INSTITUTION_ADMIN', 'INSTRUCTOR')")
    ResponseEntity<Item> create(@Valid @RequestBody CreateItem request, @AuthenticationPrincipal Jwt token) {
        // Another institution is not found, as in EduMatrix: its existence is not revealed.
        if (!request.institutionId().equals(institution(token))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            var item = items.create(request.institutionId(), request.code(), request.title().strip(),
                    request.description(), UUID.fromString(token.getSubject()));
            return ResponseEntity.created(URI.create("/items/" + item.id())).body(item);
        } catch (DuplicateKeyException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT);
        }
    }

    /** A token of no institution reaches no tenant's rows. */
    private static UUID institution(Jwt token) {
        var claim = token.getClaimAsString(INSTITUTION_CLAIM);
        if (claim == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return UUID.fromString(claim);
    }
}
