package io.edumatrix.declaredmodule;

import io.edumatrix.platform.privacy.PersonalDataHolder;
import java.util.Map;
import java.util.UUID;

/** The module's personal data: an account's notes. Declaring it is all the module does to take part in erasures. */
public class NoteHolder implements PersonalDataHolder {

    private final NoteRepository notes;

    public NoteHolder(NoteRepository notes) {
        this.notes = notes;
    }

    @Override
    public Map<String, Object> export(UUID accountId) {
        return Map.of("notes", notes.findByAuthorAccountId(accountId));
    }

    @Override
    public void erase(UUID accountId) {
        notes.deleteByAuthor(accountId);
    }
}
