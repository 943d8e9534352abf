package io.edumatrix.courses.internal;

import io.edumatrix.platform.privacy.SealedColumn;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The certificate of a completed enrollment, with the code anyone may verify it by. It keeps the course's title, the
 * institution's name and the holder's display name (sealed for the holder) as they were at completion.
 */
@Table("certificate")
record Certificate(@Id UUID id, @Version Long version, UUID institutionId, UUID enrollmentId, UUID studentId, String code,
        String courseTitle, String institutionName, byte[] holderName, Instant completedAt) {

    static final SealedColumn HOLDER_NAME = SealedColumn.of("certificate", "holder_name");

    /** Letters and digits that cannot be mistaken for each other when read aloud or typed (no 0/O, 1/I). */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** 80 random bits: a code is not guessed, so only those it is given to can verify the certificate. */
    static String newCode() {
        var code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Whether {@code code} could be one: anything else is found nowhere, without asking the database. */
    static boolean wellFormed(String code) {
        return code.length() == CODE_LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
