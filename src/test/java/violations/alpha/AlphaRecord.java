package violations.alpha;

import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An entity, even one that sits in the API package, belongs to its module alone. */
@Table(schema = "alpha", value = "alpha_record")
public record AlphaRecord(@Id UUID id, String name) {}
