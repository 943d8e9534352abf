package violations.alpha.internal;

import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import violations.alpha.AlphaRecord;

public interface AlphaRepository extends Repository<AlphaRecord, UUID> {

    @Query("SELECT count(*) > 0 FROM alpha.alpha_record WHERE id = :id -- never joins beta.beta_thing")
    boolean existsById(UUID id);
}
