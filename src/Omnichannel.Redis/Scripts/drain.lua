-- Drains queues. ARGV: 4.. queue ids. Returns the assignments made, flattened { conv, from, to, reason, seq, ... }.
-- Journaled (journal.lua): every assignment with its lists and its event, or none of them, after a crash.
local changes = {}
for i = 4, #ARGV do
  drain(ARGV[i], changes)
end
journal_done()
return flatten(changes)
