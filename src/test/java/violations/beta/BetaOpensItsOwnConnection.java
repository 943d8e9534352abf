package violations.beta;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

public class BetaOpensItsOwnConnection {

    private final JdbcTemplate jdbc;

    public BetaOpensItsOwnConnection(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Integer one() {
        return jdbc.queryForObject("SELECT 1", Integer.class);
    }
}
