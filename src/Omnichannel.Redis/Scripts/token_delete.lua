-- Deletes an API token and unlists it. Self-contained (journal.lua only).
-- ARGV: 1 the token's key, 2 the tokens set's key, 3 token id.
-- Returns 1 when the token existed, else 0. Journaled: the token and its listing go together.
local existed = j_del_hash(ARGV[1])
j_srem(ARGV[2], ARGV[3])
journal_done()
return existed
