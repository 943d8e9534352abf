package io.edumatrix.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.privacy.SealedColumn;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.Sql;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** A module's vault: values sealed per person and bound to their place, blind indexes, and crypto-shredding. */
@HttpApplicationTest
@IntegrationTest
class PersonalDataVaultTests {

    private static final SealedColumn NAME = SealedColumn.of("profile", "name");
    private static final SealedColumn NOTE = SealedColumn.of("profile", "note");

    @Autowired
    @Qualifier("courses")
    private PersonalDataVault vault;
    @Autowired
    @Qualifier("institutions")
    private PersonalDataVault otherModule;

    @Test
    void a_sealed_value_opens_for_its_subject_column_and_row_and_is_not_its_plaintext() {
        var subject = Ids.next();
        var row = Ids.next();

        var sealed = vault.seal(subject, NAME, row, "Grace Hopper");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Grace");
        assertThat(vault.open(subject, NAME, row, sealed)).contains("Grace Hopper");
        assertThat(vault.seal(subject, NAME, row, "Grace Hopper")).as("a fresh nonce every time").isNotEqualTo(sealed);
    }

    @Test
    void a_value_opened_as_another_row_column_or_subject_fails_as_tampering_and_never_yields_a_plaintext() {
        var subject = Ids.next();
        var row = Ids.next();
        var sealed = vault.seal(subject, NAME, row, "Ada Lovelace");
        vault.seal(subject, NOTE, row, "something else");
        var anotherSubject = Ids.next();
        vault.seal(anotherSubject, NAME, row, "someone else");

        assertThatThrownBy(() -> vault.open(subject, NAME, Ids.next(), sealed))
                .isInstanceOf(TamperedCiphertextException.class);
        assertThatThrownBy(() -> vault.open(subject, NOTE, row, sealed)).isInstanceOf(TamperedCiphertextException.class);
        assertThatThrownBy(() -> vault.open(anotherSubject, NAME, row, sealed))
                .isInstanceOf(TamperedCiphertextException.class);
        otherModule.seal(subject, NAME, row, "the same person in another module");
        assertThatThrownBy(() -> otherModule.open(subject, NAME, row, sealed))
                .as("another module has other keys").isInstanceOf(TamperedCiphertextException.class);
        var flipped = sealed.clone();
        flipped[flipped.length - 1] ^= 1;
        assertThatThrownBy(() -> vault.open(subject, NAME, row, flipped)).isInstanceOf(TamperedCiphertextException.class);
    }

    @Test
    void forgetting_a_subject_deletes_their_key_so_their_values_open_to_nothing_and_others_are_untouched() throws Exception {
        var forgotten = Ids.next();
        var kept = Ids.next();
        var row = Ids.next();
        var sealed = vault.seal(forgotten, NAME, row, "Forgotten Person");
        var other = vault.seal(kept, NAME, row, "Kept Person");
        assertThat(vault.open(forgotten, NAME, row, sealed)).as("opened once, so its key is cached").isPresent();

        vault.forget(forgotten);

        assertThat(vault.open(forgotten, NAME, row, sealed)).isEmpty();
        assertThat(personKeyRows(forgotten)).isZero();
        assertThat(vault.open(kept, NAME, row, other)).contains("Kept Person");
        vault.forget(forgotten);
    }

    @Test
    void an_absent_value_seals_and_opens_as_null_and_a_forgotten_subjects_value_opens_as_null() {
        var subject = Ids.next();
        var row = Ids.next();
        var sealed = vault.sealOrNull(subject, NOTE, row, "an optional note");

        assertThat(vault.sealOrNull(subject, NAME, row, null)).isNull();
        assertThat(vault.openOrNull(subject, NAME, row, null)).isNull();
        assertThat(vault.openOrNull(subject, NOTE, row, sealed)).isEqualTo("an optional note");
        assertThat(vault.open(subject, NOTE, row, sealed)).as("the same ciphertext as seal's").contains("an optional note");

        vault.forget(subject);

        assertThat(vault.openOrNull(subject, NOTE, row, sealed)).isNull();
    }

    @Test
    void the_blind_index_is_a_deterministic_32_byte_hmac_that_differs_by_value_column_and_module() {
        var index = vault.blindIndex(NAME, "ada@example.org");

        assertThat(index).hasSize(32).isEqualTo(vault.blindIndex(NAME, "ada@example.org"));
        assertThat(vault.blindIndex(NAME, "ada@example.com")).isNotEqualTo(index);
        assertThat(vault.blindIndex(NOTE, "ada@example.org")).isNotEqualTo(index);
        assertThat(otherModule.blindIndex(NAME, "ada@example.org")).isNotEqualTo(index);
        assertThat(HexFormat.of().formatHex(index))
                .doesNotContain(HexFormat.of().formatHex("ada@".getBytes(StandardCharsets.UTF_8)));
    }

    private static long personKeyRows(java.util.UUID subject) {
        return Sql.count("SELECT count(*) FROM courses.person_key WHERE subject_id = ?", subject);
    }
}
