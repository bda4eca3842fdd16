-- API tokens get a scope (ADR 0034): 'read' may only GET and HEAD; 'write' may do whatever its user may. Tokens made
-- before scopes existed keep working as they did, so they are 'write'; a new token is 'read' unless asked otherwise
-- (the default the service applies; the column's default is for rows written before this migration only).
ALTER TABLE api_tokens ADD COLUMN scope text NOT NULL DEFAULT 'write' CHECK (scope IN ('read', 'write'));
ALTER TABLE api_tokens ALTER COLUMN scope DROP DEFAULT;
