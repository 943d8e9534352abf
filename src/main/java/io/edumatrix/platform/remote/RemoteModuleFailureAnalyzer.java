package io.edumatrix.platform.remote;

import java.util.Map;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A start that lacks another module's published API (or the token decoder the identity module provides) is refused
 * naming that module: it is needed here, yet neither local nor remote. Spring's own report would name only a type.
 */
class RemoteModuleFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> {

    private static final String ROOT = "io.edumatrix.";
    private static final Map<String, String> PLATFORM_NEEDS = Map.of(JwtDecoder.class.getName(), "identity");

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
        var type = cause.getBeanType();
        if (type == null) {
            return null;
        }
        var name = type.getName();
        var module = PLATFORM_NEEDS.get(name);
        if (module == null && name.startsWith(ROOT) && name.indexOf('.', ROOT.length()) == name.lastIndexOf('.')
                && !name.startsWith(ROOT + "platform.")) {
            module = name.substring(ROOT.length(), name.lastIndexOf('.'));
        }
        if (module == null) {
            return null;
        }
        return new FailureAnalysis("Module " + module + " is needed here (" + type.getSimpleName()
                + "), but it is neither local (edumatrix.modules) nor remote (edumatrix.remote." + module + ".url)",
                "List " + module + " in edumatrix.modules, or set edumatrix.remote." + module + ".url"
                        + " (EDUMATRIX_REMOTE_" + module.toUpperCase(java.util.Locale.ROOT) + "_URL) to the base URL of"
                        + " the process that runs it", cause);
    }
}
