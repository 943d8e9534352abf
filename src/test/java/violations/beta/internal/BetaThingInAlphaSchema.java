package violations.beta.internal;

import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table(schema = "alpha", value = "beta_thing")
public record BetaThingInAlphaSchema(@Id UUID id) {}
