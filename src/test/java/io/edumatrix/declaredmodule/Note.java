package io.edumatrix.declaredmodule;

import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A note by an account; a fresh one has no version yet, so saving it inserts. */
public record Note(@Id UUID id, UUID authorAccountId, String text, @Version Integer version) {}
