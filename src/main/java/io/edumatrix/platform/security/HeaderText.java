package io.edumatrix.platform.security;

import java.util.function.Predicate;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's rules for header and parameter text, as loops instead of regular expressions. Spring Security's
 * {@link StrictHttpFirewall} checks every header name and value each time the application reads it with
 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (values: a tab allowed too); a handler lookup reads a few headers per
 * mapping it tries, and the bearer token is some 600 characters long, so on a one-row read the expressions were about
 * a tenth of the CPU (ADR 0025). The same rules, code point by code point: a character must be assigned and must not be
 * a control character, with US-ASCII decided without a table.
 */
final class HeaderText {

    /** Header and parameter names: assigned, no control character. */
    static final Predicate<String> NAMES = text -> allowed(text, false);
    /** Header values: assigned, no control character but the tab. */
    static final Predicate<String> VALUES = text -> allowed(text, true);

    private HeaderText() {}

    /** The firewall Spring Security uses by default, with these rules in place of its expressions. */
    static StrictHttpFirewall firewall() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(NAMES);
        firewall.setAllowedHeaderValues(VALUES);
        firewall.setAllowedParameterNames(NAMES);
        return firewall;
    }

    static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length();) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c == 0x7F || c < 0x20 && !(tab && c == '\t')) {
                    return false;
                }
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
