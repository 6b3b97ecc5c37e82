-- Schedules the retry of a claimed outbound message. ARGV: 4 channel, 5 message id, 6 due (unix ms).
-- Journaled (journal.lua): the message is never left both in flight and scheduled (claimed twice after a restart),
-- nor in neither (never sent). A MULTI/EXEC did this before; Garnet cannot recover its append-only file once a
-- transaction a crash cut off is followed by another one (docs/store.md), so the hot path keeps to scripts.
local queue = P .. 'outbox:' .. ARGV[4]
j_zadd(queue .. ':retry', tonumber(ARGV[6]), ARGV[5])
j_lrem_one(queue .. ':inflight', ARGV[5])
journal_done()
return 1
