package io.edumatrix.platform.move;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Where a module should go: a PostgreSQL server and a database on it, reached with the module's admin login. */
record MoveRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9.:_-]{1,253}", message = "must be a host name or address") String host,
        @NotNull @Min(1) @Max(65535) Integer port,
        @NotBlank @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]{0,62}", message = "must be a database name") String database) {}
