-- Takes uploads for a reply, all or nothing: each must be the agent's for that conversation.
-- Self-contained (journal.lua only). ARGV: 1 "conversationId|agentId|", 2.. the upload keys.
-- Returns the attachment JSON of each, or nil when any does not match (nothing taken).
-- Journaled: a crash part way through takes none (each comes back with the time it had left).
local owner = ARGV[1]
local values = {}
for i = 2, #ARGV do
  local v = redis.call('GET', ARGV[i])
  if not v or string.sub(v, 1, #owner) ~= owner then
    return nil
  end
  values[i - 1] = string.sub(v, #owner + 1)
end
for i = 2, #ARGV do
  j_del_px(ARGV[i])
end
journal_done()
return values
