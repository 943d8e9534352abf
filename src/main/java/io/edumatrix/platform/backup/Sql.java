package io.edumatrix.platform.backup;

import java.sql.SQLException;
import org.postgresql.core.Utils;

/** Names and values written into SQL text, quoted by pgjdbc's own rules. */
final class Sql {

    private Sql() {}

    static String ident(String name) {
        try {
            return Utils.escapeIdentifier(null, name).toString();
        } catch (SQLException e) {
            throw new IllegalArgumentException("Not a usable name: " + name, e);
        }
    }

    static String literal(String value) {
        try {
            return "'" + Utils.escapeLiteral(null, value, true) + "'";
        } catch (SQLException e) {
            throw new IllegalArgumentException("Not a usable value: " + value, e);
        }
    }
}
