/**
 * The development run ({@code ./mvnw spring-boot:run}, which activates the {@code dev} profile): a PostgreSQL server,
 * the configured one when it answers and otherwise one of its own, a master key and a first administrator, all kept
 * in {@code .edumatrix-dev/} from one run to the next (ADR 0023). Without the {@code dev} profile nothing here acts,
 * so {@code java -jar} with explicit settings runs exactly as before. The embedded server is also the tests' last
 * resort ({@code TestDatabase}).
 */
package io.edumatrix.platform.devdb;
