/**
 * What an operator sees: the Prometheus scrape on a port of its own, the meters of every module's pool, outbox,
 * listeners, transactions and requests, and the security events as counters and as one JSON log line each.
 */
package io.edumatrix.platform.observability;
