package io.edumatrix.platform.remote;

import io.edumatrix.platform.data.ModuleNames;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Where each module runs, as the environment says before any bean exists: here ({@code edumatrix.modules}) or in
 * another process at a base URL ({@code edumatrix.remote.<module>.url}); a module in neither list does not run for
 * this process at all.
 */
record ModulePlacement(List<String> local, Map<String, URI> remote) {

    static ModulePlacement of(Environment environment) {
        var binder = Binder.get(environment);
        Map<String, URI> remote = binder.bind("edumatrix.remote", Bindable.mapOf(String.class, RemoteModule.class))
                .map(modules -> modules.entrySet().stream()
                        .filter(e -> e.getValue().url() != null)
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().url())))
                .orElse(Map.of());
        return new ModulePlacement(ModuleNames.of(environment).all(), remote);
    }

    boolean isLocal(String module) {
        return local.contains(module);
    }

    boolean isRemote(String module) {
        return remote.containsKey(module) && !isLocal(module);
    }

    /** Only the URL is read this early; the rest of a remote module's settings bind with {@link RemoteProperties}. */
    record RemoteModule(URI url) {}
}
