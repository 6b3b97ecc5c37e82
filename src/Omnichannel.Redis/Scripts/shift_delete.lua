-- Deletes a shift and unlists it. Returns the version deleted (nil when there was none). Self-contained
-- (journal.lua only). ARGV: 1 the shift's key, 2 the shifts set's key, 3 shift id.
-- Journaled: the shift and its listing go together.
local old = redis.call('GET', ARGV[1])
j_del(ARGV[1])
j_srem(ARGV[2], ARGV[3])
journal_done()
return old
