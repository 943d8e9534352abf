package io.edumatrix.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.edumatrix.platform.testing.UnitTest;
import java.util.ArrayList;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link HeaderText} decides exactly as the expressions of Spring Security's {@code StrictHttpFirewall} it replaces:
 * for every code point on its own, and for generated texts mixing ASCII, controls, unassigned code points and
 * surrogates (paired and lone).
 */
@UnitTest
class HeaderTextTests {

    /** Spring Security 7's own expressions for names and for values (read from StrictHttpFirewall). */
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void every_code_point_is_judged_as_the_firewalls_expressions_judge_it() {
        var disagreements = new ArrayList<String>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            var text = Character.toString(codePoint);
            if (HeaderText.NAMES.test(text) != NAMES.matcher(text).matches()
                    || HeaderText.VALUES.test(text) != VALUES.matcher(text).matches()) {
                disagreements.add(Integer.toHexString(codePoint));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void generated_texts_are_judged_as_the_firewalls_expressions_judge_them() {
        int[] pool = {'a', 'Z', '0', ' ', '=', '\t', '\n', '\r', 0, 0x7F, 0x80, 0x9F, 0xA0, 0xE9, 0x378, 0x200B, 0xFFFF,
                0xD83D, 0xDE00, 0xDC00, 0x1F600, 0xE0001, 0xF0000, 0x10FFFF};
        var random = new Random(25);
        for (int i = 0; i < 200_000; i++) {
            var text = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x80) : pool[random.nextInt(pool.length)]);
            }
            var s = text.toString();
            assertThat(HeaderText.NAMES.test(s)).as("name %s", s.codePoints().boxed().toList())
                    .isEqualTo(NAMES.matcher(s).matches());
            assertThat(HeaderText.VALUES.test(s)).as("value %s", s.codePoints().boxed().toList())
                    .isEqualTo(VALUES.matcher(s).matches());
        }
    }

    @Test
    void a_typical_token_header_passes_and_a_line_break_in_it_does_not() {
        assertThat(HeaderText.VALUES.test("Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")).isTrue();
        assertThat(HeaderText.VALUES.test("Bearer abc\r\nX-Injected: 1")).isFalse();
        assertThat(HeaderText.NAMES.test("X-Request-Id\t")).isFalse();
    }
}
