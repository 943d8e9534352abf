-- An account reads its own memberships in every institution only when the platform signed the acting account
-- (ADR 0026): SQL running as the app role cannot name another account to read that account's memberships.
DROP POLICY membership_own_rows ON membership;
CREATE POLICY membership_own_rows ON membership FOR SELECT
    USING (account_id = (SELECT institutions_fn_verified_setting('app.account_id')::uuid));
