package bench.securedpeer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The secured peer EduMatrix's {@code GET /api/courses/{id}} and {@code POST /api/courses} are measured against
 * (bench/peer-compare.sh): what a careful team would write by hand with Spring Boot's defaults.
 */
@SpringBootApplication
public class SecuredPeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SecuredPeerApplication.class, args);
    }
}
