-- Saves a shift and lists it. Returns the version replaced (nil when new), so the caller can tell exactly whose
-- schedules changed, even when two leads save the same shift at once. Self-contained (journal.lua only).
-- ARGV: 1 the shift's key, 2 the shifts set's key, 3 JSON, 4 shift id.
-- Journaled: a shift is never stored unlisted.
local old = redis.call('GET', ARGV[1])
j_set(ARGV[1], ARGV[3])
j_sadd(ARGV[2], ARGV[4])
journal_done()
return old
