-- Creates an API token and lists it. Self-contained (journal.lua only).
-- ARGV: 1 the token's key, 2 the tokens set's key, 3 token id, 4.. field/value pairs.
-- Journaled: a token is never stored unlisted (the admin's list would not show it, so nobody could revoke it).
j_hset(ARGV[1], unpack(ARGV, 4))
j_sadd(ARGV[2], ARGV[3])
journal_done()
return 1
