package bench.securedpeer;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface ItemRepository extends ListCrudRepository<Item, UUID> {

    /** The tenant is part of every read: another institution's item is not found. */
    Optional<Item> findByIdAndInstitutionId(UUID id, UUID institutionId);
}
