-- Drains queues. ARGV: 4.. queue ids. Returns the assignments made, flattened { conv, from, to, reason, seq, ... }.
local changes = {}
for i = 4, #ARGV do
  drain(ARGV[i], changes)
end
return flatten(changes)
