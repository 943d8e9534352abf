package bench.securedpeer;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ItemRepository extends ListCrudRepository<Item, UUID> {

    /**
     * The tenant is part of every read: another institution's item is not found. Written out rather than derived from
     * the method name, which Spring Data JDBC would render into SQL again on every call.
     */
    @Query("SELECT * FROM item WHERE id = :id AND institution_id = :institutionId")
    Optional<Item> findByIdAndInstitutionId(UUID id, UUID institutionId);
}
