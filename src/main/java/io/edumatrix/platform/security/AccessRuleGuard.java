package io.edumatrix.platform.security;

import io.edumatrix.platform.OwnClasses;
import java.util.ArrayList;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Refuses to start when an EduMatrix endpoint states no access rule, or more than one: an endpoint is never open by
 * omission.
 */
final class AccessRuleGuard implements SmartInitializingSingleton {

    private final RequestMappingHandlerMapping handlers;

    AccessRuleGuard(RequestMappingHandlerMapping handlers) {
        this.handlers = handlers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var offenders = new ArrayList<String>();
        handlers.getHandlerMethods().forEach((mapping, handler) -> {
            if (!OwnClasses.contains(handler.getBeanType())) {
                return;
            }
            var rules = AccessRules.of(handler.getMethod());
            if (rules.size() != 1) {
                offenders.add(mapping + " (" + handler.getShortLogMessage() + ") has " + rules.size() + " access rules");
            }
        });
        if (!offenders.isEmpty()) {
            throw new IllegalStateException("Every endpoint needs exactly one access rule annotation"
                    + " (io.edumatrix.platform.security): " + String.join("; ", offenders));
        }
    }
}
