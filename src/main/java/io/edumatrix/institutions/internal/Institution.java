package io.edumatrix.institutions.internal;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.Times;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** An institution (the tenant) with its departments, saved and loaded as one aggregate. */
@Table("institution")
class Institution {

    @Id
    private final UUID id;
    @Version
    private Long version;
    private String name;
    private final String code;
    private InstitutionStatus status;
    private final Instant createdAt;
    private Instant updatedAt;
    @MappedCollection(idColumn = "institution_id")
    private final Set<Department> departments;

    @PersistenceCreator
    Institution(UUID id, Long version, String name, String code, InstitutionStatus status, Instant createdAt,
            Instant updatedAt, Set<Department> departments) {
        this.id = id;
        this.version = version;
        this.name = name;
        this.code = code;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.departments = new HashSet<>(departments);
    }

    static Institution register(String name, String code) {
        var now = Times.now();
        return new Institution(Ids.next(), null, name, code, InstitutionStatus.ACTIVE, now, now, Set.of());
    }

    /** @return whether the institution was active until now */
    boolean deactivate() {
        if (status == InstitutionStatus.DEACTIVATED) {
            return false;
        }
        status = InstitutionStatus.DEACTIVATED;
        updatedAt = Times.now();
        return true;
    }

    void rename(String newName) {
        name = newName;
        updatedAt = Times.now();
    }

    Department addDepartment(String departmentName, String departmentCode) {
        boolean taken = departments.stream().anyMatch(d -> d.code().equalsIgnoreCase(departmentCode));
        if (taken) {
            throw InstitutionsProblems.duplicateCode("department", departmentCode);
        }
        var department = new Department(Ids.next(), departmentName, departmentCode, Times.now());
        departments.add(department);
        updatedAt = Times.now();
        return department;
    }

    UUID id() {
        return id;
    }

    Long version() {
        return version;
    }

    String name() {
        return name;
    }

    String code() {
        return code;
    }

    InstitutionStatus status() {
        return status;
    }

    boolean active() {
        return status.active();
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Set<Department> departments() {
        return Collections.unmodifiableSet(departments);
    }
}
