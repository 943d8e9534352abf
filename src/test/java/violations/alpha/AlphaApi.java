package violations.alpha;

import java.util.UUID;

public interface AlphaApi {

    boolean exists(UUID id);
}
