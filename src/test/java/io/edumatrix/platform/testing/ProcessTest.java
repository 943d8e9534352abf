package io.edumatrix.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of the process tier: the application in a JVM of its own ({@link ApplicationProcess}), started, killed or
 * stopped as an operator would. {@code ./mvnw verify} runs it (Failsafe), after the unit tier.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(ProcessTest.TAG)
public @interface ProcessTest {

    String TAG = "process";
}
