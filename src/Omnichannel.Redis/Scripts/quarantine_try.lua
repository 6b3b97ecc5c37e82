-- Counts one more try of an inbound item before it is made (InboundQuarantine), so a crash during the try counts.
-- Self-contained (journal.lua only). ARGV: 1 the item's tries hash, 2 its lifetime (ms).
-- Returns { tries so far, the last try's error or false }.
-- Journaled: the count and its expiry move together. A MULTI/EXEC did this before, for every mail and Telegram
-- update: Garnet cannot recover its append-only file once a transaction a crash cut off is followed by another one
-- ("No nested transactions expected", docs/store.md), so the store's writes keep to scripts.
local key = ARGV[1]
local count = j_hincrby(key, 'count', 1)
j_pexpire(key, ARGV[2])
local last_error = redis.call('HGET', key, 'error')
journal_done()
return { count, last_error }
