/**
 * Read replicas: each module's replica pool, the lag of each replica, and the routing of read-only transactions to a
 * replica or, when it lags or is down, to the primary (ADR 0028).
 */
package io.edumatrix.platform.data.replica;
