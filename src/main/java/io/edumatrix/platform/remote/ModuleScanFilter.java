package io.edumatrix.platform.remote;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.modulith.ApplicationModule;

/**
 * Keeps the component scan to what this process runs: a local module's components except its {@code remote} package,
 * a remote module's {@code remote} package only (the client of its API), and nothing of any other module. The platform
 * and the application class are always scanned. Without it, a module not listed would still contribute controllers
 * and services whose repositories were never registered.
 */
final class ModuleScanFilter extends TypeExcludeFilter {

    private static final String ROOT = "io.edumatrix.";
    private static final String REMOTE_PACKAGE = ".remote.";

    private final ModulePlacement placement;
    private final Map<String, Boolean> modulePackages = new ConcurrentHashMap<>();

    ModuleScanFilter(ModulePlacement placement) {
        this.placement = placement;
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory readers) {
        var className = reader.getClassMetadata().getClassName();
        var end = className.indexOf('.', ROOT.length());
        if (!className.startsWith(ROOT) || end < 0) {
            return false;
        }
        var module = className.substring(ROOT.length(), end);
        if (!isModule(module, readers)) {
            return false;
        }
        var remotePart = className.startsWith(ROOT + module + REMOTE_PACKAGE);
        if (placement.isLocal(module)) {
            return remotePart;
        }
        return !(placement.isRemote(module) && remotePart);
    }

    /** A business module is a package under io.edumatrix whose package-info declares it; the platform is none here. */
    private boolean isModule(String name, MetadataReaderFactory readers) {
        if (name.equals("platform")) {
            return false;
        }
        return modulePackages.computeIfAbsent(name, n -> {
            try {
                return readers.getMetadataReader(ROOT + n + ".package-info").getAnnotationMetadata()
                        .hasAnnotation(ApplicationModule.class.getName());
            } catch (IOException e) {
                return false;
            }
        });
    }

    // TypeExcludeFilter's own equals compares classes only; two placements must not count as one test context.
    @Override
    public boolean equals(Object other) {
        return other instanceof ModuleScanFilter filter && filter.placement.equals(placement);
    }

    @Override
    public int hashCode() {
        return placement.hashCode();
    }
}
