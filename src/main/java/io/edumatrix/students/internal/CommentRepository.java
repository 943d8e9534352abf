package io.edumatrix.students.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface CommentRepository extends ListCrudRepository<Comment, UUID> {

    /** One keyset page of a post's comments, oldest first. */
    @Query("SELECT * FROM comment WHERE post_id = :postId AND id > :after ORDER BY id LIMIT :limit")
    List<Comment> findPage(UUID postId, UUID after, int limit);
}
