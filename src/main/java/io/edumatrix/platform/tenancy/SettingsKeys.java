package io.edumatrix.platform.tenancy;

/**
 * Where each module's settings key comes from (ADR 0026): the data platform asks for a module's signer when it opens
 * the module's pool, after the module is migrated. Implemented by the platform's key management, which alone holds the
 * master key that the stored settings keys are wrapped under.
 */
public interface SettingsKeys {

    /** The signer of the module's trusted settings, with the key stored in the module's schema. */
    SettingsSigner signerFor(String module);
}
