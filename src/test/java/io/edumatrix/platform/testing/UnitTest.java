package io.edumatrix.platform.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of the unit tier: plain JUnit, no Spring context, no database, no process. {@code ./mvnw test} runs only
 * these, in seconds; {@code ./mvnw verify} runs them and every other tier.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(UnitTest.TAG)
public @interface UnitTest {

    String TAG = "unit";
}
