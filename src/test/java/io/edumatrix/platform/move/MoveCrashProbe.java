package io.edumatrix.platform.move;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * Holds a move at one step for ever, once it writes that it got there, so that a crash test can kill the application
 * at that step. Only an application started with the {@code move-crash-probe} profile has it; the step is
 * {@code edumatrix.move-crash-probe.step} and the file it writes {@code edumatrix.move-crash-probe.reached}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("move-crash-probe")
class MoveCrashProbe {

    @Bean
    static BeanPostProcessor moveHeldAtStep(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ModuleMoves moves) {
                    var held = environment.getRequiredProperty("edumatrix.move-crash-probe.step");
                    var reached = Path.of(environment.getRequiredProperty("edumatrix.move-crash-probe.reached"));
                    moves.stopAt(step -> {
                        if (step.equals(held)) {
                            holdForEver(reached, step);
                        }
                    });
                }
                return bean;
            }
        };
    }

    private static void holdForEver(Path reached, String step) {
        try {
            Files.writeString(reached, step);
            while (true) {
                Thread.sleep(1_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Held at " + step + " until the process ended", e);
        }
    }
}
