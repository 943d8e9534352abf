package io.edumatrix.platform.audit;

import io.edumatrix.platform.web.Problems;
import io.edumatrix.platform.security.Callers;
import io.edumatrix.platform.security.InstitutionAdmin;
import io.edumatrix.platform.web.Page;
import io.edumatrix.platform.web.PlatformProblems;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit?entity=<module>[.<table>]&id=<row id>&after=<cursor>&limit=<n>}: a module's trail, newest
 * first. An institution admin sees the entries of the token's institution, a platform admin every entry (row-level
 * security decides; see {@link AuditReader}).
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private static final Pattern ENTITY = Pattern.compile("([a-z][a-z0-9_]{0,30})(?:\\.([a-z_][a-z0-9_]{0,62}))?");
    private static final Pattern ROW_ID = Pattern.compile("[A-Za-z0-9._:@+-]{1,200}");

    private final AuditReader reader;

    AuditController(AuditReader reader) {
        this.reader = reader;
    }

    @GetMapping
    @InstitutionAdmin
    AuditEntry.Page list(@RequestParam String entity, @RequestParam(required = false) String id,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        var matcher = ENTITY.matcher(entity);
        if (!matcher.matches()) {
            throw invalid("entity", "is not <module> or <module>.<table>");
        }
        var module = reader.module(matcher.group(1))
                .orElseThrow(() -> invalid("entity", "names no module of this application"));
        var table = Optional.ofNullable(matcher.group(2));
        if (table.isPresent() && !reader.audits(module, table.get())) {
            throw invalid("entity", "names no audited table of module " + module.module());
        }
        if (id != null && (table.isEmpty() || !ROW_ID.matcher(id).matches())) {
            throw invalid("id", table.isEmpty() ? "needs an entity that names a table" : "is not a row id");
        }
        var cursor = Optional.ofNullable(after)
                .map(text -> AuditCursor.decode(text).orElseThrow(() -> invalid("after", "is not a cursor of this list")));
        var query = new AuditReader.Query(module, table, Optional.ofNullable(id), cursor, limit);
        return reader.read(query, Callers.require().platformAdmin());
    }

    /** The same {@code invalid-request} problem as for any other rejected parameter, naming this one. */
    private static ErrorResponseException invalid(String parameter, String message) {
        var problem = Problems.of(PlatformProblems.INVALID_REQUEST, "The request has invalid parameters");
        problem.setProperty("errors", List.of(Map.of("field", parameter, "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
