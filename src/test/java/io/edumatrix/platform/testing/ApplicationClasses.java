package io.edumatrix.platform.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The application's classes as written, imported once per test JVM for every test that reads them (the architecture,
 * catalogue and registrar tests): importing them costs seconds, and the unit tier must run in seconds. Test classes and
 * what Spring AOT generates into the same packages ({@code X__BeanDefinitions}, {@code X$$SpringCGLIB$$0}) are left out.
 */
public final class ApplicationClasses {

    public static final String ROOT_PACKAGE = "io.edumatrix";

    /** Main code only: the class files of the build's main output, not of its tests. */
    public static final ImportOption PRODUCTION_CODE = location -> !location.contains("/test-classes/");

    private ApplicationClasses() {}

    public static JavaClasses production() {
        return Holder.PRODUCTION;
    }

    /** Initialised on first use, once, whichever test thread gets there first. */
    private static final class Holder {

        static final JavaClasses PRODUCTION = new ClassFileImporter()
                .withImportOption(PRODUCTION_CODE)
                .withImportOption(location -> {
                    var path = location.asURI().getPath();
                    var file = path.substring(path.lastIndexOf('/') + 1);
                    return !file.contains("__") && !file.contains("$$");
                })
                .importPackages(ROOT_PACKAGE);
    }
}
