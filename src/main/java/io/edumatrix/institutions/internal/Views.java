package io.edumatrix.institutions.internal;

import io.edumatrix.platform.security.Role;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** What the module answers with. */
final class Views {

    private Views() {}

    record DepartmentView(UUID id, String name, String code, Instant createdAt) {

        static DepartmentView of(Department d) {
            return new DepartmentView(d.id(), d.name(), d.code(), d.createdAt());
        }
    }

    record InstitutionView(UUID id, String name, String code, String status, long version, Instant createdAt,
            Instant updatedAt, List<DepartmentView> departments) {

        static InstitutionView of(Institution i) {
            var departments = i.departments().stream()
                    .sorted(Comparator.comparing(Department::id))
                    .map(DepartmentView::of)
                    .toList();
            return new InstitutionView(i.id(), i.name(), i.code(), i.status().name(), i.version(), i.createdAt(),
                    i.updatedAt(), departments);
        }
    }

    record MemberView(UUID institutionId, UUID accountId, Role role, long version, Instant since) {

        static MemberView of(Membership m) {
            return new MemberView(m.institutionId(), m.accountId(), m.role(), m.version(), m.createdAt());
        }
    }
}
