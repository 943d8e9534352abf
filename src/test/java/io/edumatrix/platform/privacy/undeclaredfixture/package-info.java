/** A declaration the platform must refuse: a data-subject column in a table that is not tenant-owned. */
@TenantOwned("lesson")
@DataSubjectColumns("account.id")
package io.edumatrix.platform.privacy.undeclaredfixture;

import io.edumatrix.platform.tables.DataSubjectColumns;
import io.edumatrix.platform.tables.TenantOwned;
