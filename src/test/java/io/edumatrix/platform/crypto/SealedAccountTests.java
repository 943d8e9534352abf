package io.edumatrix.platform.crypto;

import static io.edumatrix.platform.testing.Sql.count;
import static io.edumatrix.platform.testing.Sql.execute;
import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.TestDatabase;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Identity's personal columns at rest: a dump of the whole database holds neither the email nor the display name of
 * an account, nor the email of its failed logins and lockout, and a ciphertext moved by SQL into another row or
 * column is refused rather than shown as someone else's data.
 */
@HttpApplicationTest
@IntegrationTest
class SealedAccountTests {

    private static final String PG_DUMP = "/usr/bin/pg_dump";

    @Autowired
    private RestTestClient http;

    @Test
    void a_pg_dump_of_the_database_contains_no_plaintext_email_or_display_name_of_an_account_or_its_logins()
            throws Exception {
        var marker = UUID.randomUUID().toString().substring(0, 8);
        var email = "Dump.Check-" + marker + "@Example.org";
        var displayName = "Zenobia Dumpcheck " + marker;
        signUp(email, displayName);
        for (var i = 0; i < 6; i++) {
            http.post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("email", email.toLowerCase(Locale.ROOT), "password", "wrong password " + i))
                    .exchange();
        }
        assertThat(count("SELECT count(*) FROM identity.login_lockout")).as("the email was locked").isPositive();

        var dump = pgDump();

        assertThat(dump).contains("CREATE TABLE identity.account", "COPY identity.login_attempt");
        for (var plaintext : new String[] {email, email.toLowerCase(Locale.ROOT), displayName, "Zenobia", marker}) {
            assertThat(dump).doesNotContainIgnoringCase(plaintext);
            assertThat(dump).doesNotContainIgnoringCase(HexFormat.of().formatHex(plaintext.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void an_email_copied_by_sql_into_another_account_or_column_fails_to_decrypt_instead_of_showing() throws Exception {
        var first = signUp("first-" + UUID.randomUUID() + "@edumatrix.test", "First Person");
        var secondEmail = "second-" + UUID.randomUUID() + "@edumatrix.test";
        var second = signUp(secondEmail, "Second Person");
        var secondClient = login(secondEmail);

        execute("UPDATE identity.account SET email = (SELECT email FROM identity.account WHERE id = '" + first + "')"
                + " WHERE id = '" + second + "'");
        secondClient.get().uri("/api/accounts/me").exchange().expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("first-"));

        var thirdEmail = "third-" + UUID.randomUUID() + "@edumatrix.test";
        var third = signUp(thirdEmail, "Third Person");
        var thirdClient = login(thirdEmail);
        execute("UPDATE identity.account SET display_name = email WHERE id = '" + third + "'");
        thirdClient.get().uri("/api/accounts/me").exchange().expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("third-"));
    }

    private UUID signUp(String email, String displayName) {
        var body = http.post().uri("/api/accounts").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", World.PASSWORD, "displayName", displayName))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString(String.valueOf(body.get("id")));
    }

    private RestTestClient login(String email) {
        return new World(http).bearer(new World(http).login(email, World.PASSWORD, null).accessToken());
    }

    /** The whole database as plain SQL, by the server's pg_dump, as the superuser. */
    private static String pgDump() throws IOException, InterruptedException {
        var url = URI.create(TestDatabase.get().jdbcUrl().substring("jdbc:".length()));
        var process = new ProcessBuilder(PG_DUMP, "--host", url.getHost(), "--port", String.valueOf(url.getPort()),
                "--username", System.getenv().getOrDefault("DB_ADMIN_USER", "postgres"), "--no-password",
                TestDatabase.get().name())
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
