package io.edumatrix.courses.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.EnableScenarios;

/**
 * The whole application over HTTP plus the test-only probe listeners, which nothing else registers, with retries short
 * enough for a test: three attempts in all, the second 10 ms after the first. Every test class that carries only this
 * annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "edumatrix.events.retry.max-attempts=" + WithProbeListeners.MAX_ATTEMPTS,
        "edumatrix.events.retry.initial-delay=10ms"})
@AutoConfigureRestTestClient
@EnableScenarios
@Import({FlakyRegistrationListener.class, EnrollmentCreatedRecorder.class})
@interface WithProbeListeners {

    int MAX_ATTEMPTS = 3;
}
