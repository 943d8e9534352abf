/**
 * Personal data (ADR 0013, 0015): the vault that seals it, the holder a module implements for export and erasure, and
 * the erasure's events. Published to the modules whole ({@code platform :: privacy}); the data-subject policies are
 * package-private.
 */
@NamedInterface("privacy")
package io.edumatrix.platform.privacy;

import org.springframework.modulith.NamedInterface;
