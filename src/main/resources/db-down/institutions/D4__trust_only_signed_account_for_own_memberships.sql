-- Down of db/institutions/V4__trust_only_signed_account_for_own_memberships.sql: the policy reads the setting as it is.
DROP POLICY membership_own_rows ON membership;
CREATE POLICY membership_own_rows ON membership FOR SELECT
    USING (account_id = nullif(current_setting('app.account_id', true), '')::uuid);
