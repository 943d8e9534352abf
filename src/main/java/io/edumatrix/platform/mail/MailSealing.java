package io.edumatrix.platform.mail;

import io.edumatrix.platform.privacy.PersonalDataVault;
import io.edumatrix.platform.privacy.SealedColumn;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals a queued mail's address and model with the module's vault, under the recipient's key, bound to the event id
 * as the row: the values live in the module's {@code event_publication} row, and only there.
 */
final class MailSealing {

    static final SealedColumn TO = SealedColumn.of("event_publication", "mail_to");
    static final SealedColumn MODEL = SealedColumn.of("event_publication", "mail_model");
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final TypeReference<LinkedHashMap<String, String>> MODEL_TYPE = new TypeReference<>() {};

    /** An opened mail; absent once the recipient's key has been forgotten (erasure). */
    record Opened(String to, Map<String, String> model) {}

    private final BeanFactory beans;
    private final JsonMapper json;

    MailSealing(BeanFactory beans, JsonMapper json) {
        this.beans = beans;
        this.json = json;
    }

    String sealAddress(String module, UUID eventId, Mail mail) {
        return BASE64.encodeToString(vault(module).seal(mail.recipient(), TO, eventId, mail.to()));
    }

    String sealModel(String module, UUID eventId, Mail mail) {
        return BASE64.encodeToString(vault(module).seal(mail.recipient(), MODEL, eventId,
                json.writeValueAsString(mail.model())));
    }

    Optional<Opened> open(MailQueued queued) {
        var vault = vault(queued.module());
        var to = vault.open(queued.recipient(), TO, queued.eventId(), Base64.getDecoder().decode(queued.sealedTo()));
        var model = vault.open(queued.recipient(), MODEL, queued.eventId(),
                Base64.getDecoder().decode(queued.sealedModel()));
        if (to.isEmpty() || model.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Opened(to.get(), json.readValue(model.get(), MODEL_TYPE)));
    }

    private PersonalDataVault vault(String module) {
        return BeanFactoryAnnotationUtils.qualifiedBeanOfType(beans, PersonalDataVault.class, module);
    }
}
