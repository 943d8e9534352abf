/**
 * Modules in other processes (ADR 0035): which modules run here ({@code edumatrix.modules}) and where the others are
 * ({@code edumatrix.remote.<module>.url}), the component scan that follows from it, the HTTP clients a module's
 * {@code remote} package builds for its published API, and the short-lived tokens one process presents to another.
 * Modules use {@link io.edumatrix.platform.remote.RemoteModuleClients} and
 * {@link io.edumatrix.platform.remote.InternalCaller}, published one by one; the rest is the platform's own wiring.
 */
package io.edumatrix.platform.remote;
