/**
 * Events between modules: the event types a module's events implement, and {@code @ModuleListener}. Published to the
 * modules whole ({@code platform :: events}); the per-module outbox, the inbox and the listener advice behind them are
 * package-private.
 */
@NamedInterface("events")
package io.edumatrix.platform.events;

import org.springframework.modulith.NamedInterface;
