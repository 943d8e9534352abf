/**
 * Events between modules: the per-module outbox behind Spring Modulith's registry, the inbox, and the delivery to
 * module listeners. Modules use only the event types their events implement and {@code @ModuleListener}, published
 * one by one ({@code platform :: events}); {@link io.edumatrix.platform.events.ModuleDelivery} is public for the rest
 * of the platform only.
 */
package io.edumatrix.platform.events;
