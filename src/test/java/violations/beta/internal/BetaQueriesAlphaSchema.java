package violations.beta.internal;

import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

public interface BetaQueriesAlphaSchema extends Repository<BetaThingInAlphaSchema, UUID> {

    @Query("SELECT count(*) FROM ALPHA.alpha_record")
    long countAlphaRecordsUnquoted();

    @Query("SELECT count(*) FROM \"alpha\" . alpha_record")
    long countAlphaRecordsQuoted();
}
