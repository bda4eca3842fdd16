-- Sign-in limits that slow a client down instead of locking an account, and API tokens that expire and can be
-- revoked (ADR 0018).

-- Consecutive failed sign-ins per key: 'pair:<e-mail> <client>', 'client:<client>' and 'account:<e-mail>'. A
-- failure is counted before the password is checked (so parallel guesses queue behind it); a success deletes the
-- pair's row and gives the others their count back. A row quiet for longer than its rule's memory starts again.
CREATE TABLE sign_in_failures (
  key text PRIMARY KEY,
  failures integer NOT NULL CHECK (failures >= 0),
  last_failure_at timestamptz NOT NULL
);
CREATE INDEX sign_in_failures_last_idx ON sign_in_failures (last_failure_at);

-- The fixed windows counted every attempt, successful or not, per e-mail address: anyone could lock anyone out.
DROP TABLE rate_limits;

-- Tokens made before expiry existed get the default lifetime, counted from this upgrade.
ALTER TABLE api_tokens
  ADD COLUMN expires_at timestamptz,
  ADD COLUMN revoked_at timestamptz,
  ADD COLUMN revoked_by integer REFERENCES users (id) ON DELETE SET NULL;
UPDATE api_tokens SET expires_at = now() + interval '90 days';
ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL;
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id, id);
