package io.edumatrix.declaredmodule;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface NoteRepository extends ListCrudRepository<Note, UUID> {

    List<Note> findByAuthorAccountId(UUID authorAccountId);

    @Modifying
    @Query("DELETE FROM note WHERE author_account_id = :authorAccountId")
    void deleteByAuthor(UUID authorAccountId);

    /** The role the module's pool logs in as, and the schema it finds its tables in. */
    @Query("SELECT current_user || ' ' || current_schema()")
    String loginRoleAndSchema();
}
