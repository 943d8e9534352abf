package violations.alpha.internal;

import java.util.UUID;
import violations.alpha.AlphaApi;

public class AlphaCatalog implements AlphaApi {

    private final AlphaRepository records;

    public AlphaCatalog(AlphaRepository records) {
        this.records = records;
    }

    @Override
    public boolean exists(UUID id) {
        return records.existsById(id);
    }
}
