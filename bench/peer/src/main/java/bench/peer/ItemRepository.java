package bench.peer;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface ItemRepository extends ListCrudRepository<Item, UUID> {}
