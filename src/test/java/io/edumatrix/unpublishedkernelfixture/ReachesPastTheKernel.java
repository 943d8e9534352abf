package io.edumatrix.unpublishedkernelfixture;

import io.edumatrix.platform.Ids;
import io.edumatrix.platform.data.ModuleDataAccess;
import java.util.UUID;

/** Uses a published platform type (fine) and an unpublished one, another module's pool (the violation). */
public class ReachesPastTheKernel {

    UUID newId() {
        return Ids.next();
    }

    Object poolOf(ModuleDataAccess dataAccess) {
        return dataAccess.dataSource();
    }
}
