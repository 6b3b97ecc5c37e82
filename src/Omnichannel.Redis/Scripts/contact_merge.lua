-- An agent merges contact ARGV[5] (from) into ARGV[4] (into): one person after all. Journaled (journal.lua).
-- KEYS: 1 events:seq (slot), 2 undo journal (embedded store only). ARGV: 4 into, 5 from, 6 actor (agent id).
-- Moves, atomically: the conversations (their contactId and the contact's list), the verified identities (the
-- identity index points to into), the claimed ones (unless into has them verified), and the attributes, name and
-- email into lacks (into's own win). From stays as { id, mergedInto, ... } so old references (messages' authorId)
-- still lead somewhere, and leaves the contacts list. Its per-contact threads keep pointing to their conversations
-- (now into's): a later message of into's opens into's own per-contact thread.
-- Returns { conversations moved, identities moved, audit seq, the moved conversation ids... } (the ids let the server
-- tell each agent about the conversations they may see), or nil when either is missing, already merged, or both are
-- the same.
local into, from = ARGV[4], ARGV[5]
local into_key, from_key = P .. 'contact:' .. into, P .. 'contact:' .. from
if into == from or redis.call('EXISTS', into_key) == 0 or redis.call('EXISTS', from_key) == 0
    or redis.call('HEXISTS', into_key, 'mergedInto') == 1 or redis.call('HEXISTS', from_key, 'mergedInto') == 1 then
  return nil
end

local conversations = redis.call('ZRANGE', from_key .. ':conversations', 0, -1, 'WITHSCORES')
for i = 1, #conversations, 2 do
  local conv = conversations[i]
  j_hset(P .. 'conv:' .. conv, 'contactId', into)
  j_zadd(into_key .. ':conversations', conversations[i + 1], conv)
  j_zrem(from_key .. ':conversations', conv)
end

local moved = 0
for _, identity in ipairs(redis.call('SMEMBERS', from_key .. ':identities')) do
  j_hset(P .. 'identity', identity, into)
  j_sadd(into_key .. ':identities', identity)
  j_srem(from_key .. ':identities', identity)
  moved = moved + 1
end
for _, identity in ipairs(redis.call('SMEMBERS', from_key .. ':claimed')) do
  if redis.call('SISMEMBER', into_key .. ':identities', identity) == 0 then
    j_sadd(into_key .. ':claimed', identity)
  end
  j_srem(from_key .. ':claimed', identity)
  moved = moved + 1
end

-- Attributes: into's values win; from's fill the gaps.
local from_fields = redis.call('HMGET', from_key, 'name', 'email', 'emailClaimed', 'attributes')
local into_fields = redis.call('HMGET', into_key, 'name', 'email', 'emailClaimed', 'attributes')
local update = { 'updatedAt', NOW }
if not into_fields[1] and from_fields[1] then
  update[#update + 1] = 'name'
  update[#update + 1] = from_fields[1]
end
if from_fields[2] and (not into_fields[2] or (into_fields[3] == '1' and from_fields[3] ~= '1')) then
  -- A verified email beats a claimed one.
  update[#update + 1] = 'email'
  update[#update + 1] = from_fields[2]
  update[#update + 1] = 'emailClaimed'
  update[#update + 1] = from_fields[3] or '0'
end
if from_fields[4] and from_fields[4] ~= '' then
  local attributes = cjson.decode(from_fields[4])
  if into_fields[4] and into_fields[4] ~= '' then
    for k, v in pairs(cjson.decode(into_fields[4])) do
      attributes[k] = v
    end
  end
  update[#update + 1] = 'attributes'
  update[#update + 1] = cjson.encode(attributes)
end
j_hset(into_key, unpack(update))
j_hset(from_key, 'mergedInto', into, 'updatedAt', NOW)
j_zrem(P .. 'contacts', from)

local seq = audit({ type = 'contact.merged', contactId = into, from = from, conversations = #conversations / 2,
  actorId = ARGV[6] })
journal_done()
-- Built in a loop, not unpack()ed: unpack is limited by Lua's C stack (a contact may have thousands of conversations).
local result = { #conversations / 2, moved, seq }
for i = 1, #conversations, 2 do
  result[#result + 1] = conversations[i]
end
return result
