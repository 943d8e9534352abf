package io.edumatrix.platform.observability;

import io.edumatrix.platform.security.Role;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The security-relevant facts, each counted ({@code edumatrix.security.*}, tagged with the module that saw it) and
 * written as one JSON line to the {@value SecurityLog#CATEGORY} log category, so a log pipeline can alert without
 * Prometheus. Modules call it at the point where the fact is decided; the account, institution, source address and
 * request id come from the call and the current request.
 */
@NamedInterface("observability")
public final class SecurityEvents {

    static final String LOGIN_FAILURES = "edumatrix.security.login.failures";
    static final String LOCKOUTS = "edumatrix.security.lockouts";
    static final String REFRESH_TOKEN_REUSES = "edumatrix.security.refresh.token.reuses";
    static final String PRIVILEGE_CHANGES = "edumatrix.security.privilege.changes";
    static final String REFUSALS = "edumatrix.security.refusals";

    private static final StackWalker CALLERS = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final MeterRegistry registry;
    private final SecurityLog log;
    private final List<String> modules;

    SecurityEvents(MeterRegistry registry, SecurityLog log, List<String> modules) {
        this.registry = registry;
        this.log = log;
        this.modules = modules;
    }

    /** A login refused for a wrong email or password, a disabled account or the like ({@code reason}). */
    public void loginFailed(@Nullable UUID account, String reason) {
        var module = callingModule();
        counter(LOGIN_FAILURES, "Logins refused", module, "reason", reason).increment();
        log.write(SecurityLog.Line.of("login-failed", module, account).with("reason", reason).from(currentRequest()));
    }

    /** The failure that locked an email out of logging in for a while. */
    public void lockedOut(@Nullable UUID account) {
        var module = callingModule();
        counter(LOCKOUTS, "Emails locked out of logging in after repeated failures", module).increment();
        log.write(SecurityLog.Line.of("locked-out", module, account).from(currentRequest()));
    }

    /** A refresh token presented a second time: its session is ended, as the token may have been stolen. */
    public void refreshTokenReused(UUID account) {
        var module = callingModule();
        counter(REFRESH_TOKEN_REUSES, "Refresh tokens presented again after their use", module).increment();
        log.write(SecurityLog.Line.of("refresh-token-reused", module, account).from(currentRequest()));
    }

    /** An account given a role (in an institution, or platform-wide when {@code institution} is null). */
    public void privilegeGranted(UUID account, @Nullable UUID institution, Role role) {
        var module = callingModule();
        counter(PRIVILEGE_CHANGES, "Roles granted to accounts", module, "role", role.name()).increment();
        log.write(SecurityLog.Line.of("privilege-granted", module, account).with("role", role.name())
                .withInstitution(institution).from(currentRequest()));
    }

    /**
     * A request refused 401 or 403, or 404 for naming another tenant's institution, seen by the HTTP meters;
     * {@code module} is the one its route belongs to.
     */
    void refused(int status, String module, SecurityLog.Line line) {
        counter(REFUSALS, "Requests refused: 401 (no valid token), 403 (not allowed), 404 (another tenant's"
                + " institution)", module, "status", Integer.toString(status)).increment();
        log.write(line);
    }

    private Counter counter(String name, String description, String module, String... tags) {
        return Counter.builder(name).description(description).tag("module", module).tags(tags).register(registry);
    }

    private String callingModule() {
        var caller = CALLERS.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                .filter(type -> type != SecurityEvents.class).findFirst()).orElseThrow();
        return modules.stream().filter(m -> caller.getName().startsWith("io.edumatrix." + m + ".")).findFirst()
                .orElse(RequestModules.PLATFORM);
    }

    private static Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()) : Optional.empty();
    }
}
