package io.edumatrix.platform.observability;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.List;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * {@code http.server.requests} with the {@code module} that owns the route: the module whose package holds the
 * handler, {@code platform} for the platform's own, {@code none} for a request no handler took (refused by the security
 * filters, or matching no route).
 */
final class ModuleRequestConvention extends DefaultServerRequestObservationConvention {

    private final RequestModules modules;

    ModuleRequestConvention(List<String> modules) {
        this.modules = new RequestModules(modules);
    }

    /** Spring's five keys and the module, sorted once rather than once for Spring's and again for the sixth. */
    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        return KeyValues.of(exception(context), method(context), KeyValue.of("module", modules.of(context.getCarrier())),
                outcome(context), status(context), uri(context));
    }
}
