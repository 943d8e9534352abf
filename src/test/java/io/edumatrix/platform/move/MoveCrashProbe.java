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
 * Holds a move at one step, once it writes that it got there, so that a crash test can kill the application (or one
 * of the servers) at that step, for as long as the file it wrote exists; only when armed, by a file named as that one
 * with {@code .armed} added, which the hold takes away, so that a test chooses which of several moves is held.
 * Only an application started with the {@code move-crash-probe} profile has it; the step is
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
                    var armed = reached.resolveSibling(reached.getFileName() + ".armed");
                    moves.stopAt(step -> {
                        if (step.equals(held) && disarmed(armed)) {
                            holdWhileThere(reached, step);
                        }
                    });
                }
                return bean;
            }
        };
    }

    private static boolean disarmed(Path armed) {
        try {
            return Files.deleteIfExists(armed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void holdWhileThere(Path reached, String step) {
        try {
            Files.writeString(reached, step);
            while (Files.exists(reached)) {
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Held at " + step + " until the process ended", e);
        }
    }
}
