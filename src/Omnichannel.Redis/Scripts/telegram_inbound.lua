-- Telegram channel: after a message of a chat was stored. Prefixed with journal.lua only (not common.lua).
-- Journaled; and redo-safe: the ingestor runs it again for a redelivered update that ingest finds a duplicate of,
-- and Telegram's offset (or the webhook's 200) moves only after it returned.
-- ARGV: 1 prefix, 2 now (ms), 3 bot, 4 conversation id, 5 contact id, 6 chat id, 7 chat type, 8 Telegram message id,
--       9 forum topic id ('' = none), 10 sender's username ('' = none), 11 /start payload ('' = none).
-- Remembers where the conversation's replies go (the newest message wins, so a late redelivery does not move it back),
-- clears the chat's unreachable mark (it wrote again, so it no longer blocks the bot), and keeps the contact's
-- Telegram attributes: telegramUsername follows the sender, telegramSource is the first /start payload ever seen.
local P, NOW = ARGV[1], ARGV[2]
local bot, chat_id, chat_type = ARGV[3], ARGV[6], ARGV[7]
local route = P .. 'telegram:conv:' .. ARGV[4]
local last = tonumber(redis.call('HGET', route, 'lastMessageId') or '0')
j_hset(route, 'bot', bot, 'chatId', chat_id, 'chatType', chat_type)
if tonumber(ARGV[8]) >= last then
  j_hset(route, 'lastMessageId', ARGV[8])
  if ARGV[9] ~= '' then
    j_hset(route, 'threadId', ARGV[9])
  else
    j_hdel(route, 'threadId')
  end
end
j_hdel(P .. 'telegram:' .. bot .. ':unreachable', chat_id)

local contact = P .. 'contact:' .. ARGV[5]
if redis.call('EXISTS', contact) == 0 then
  journal_done()
  return 0
end
local raw = redis.call('HGET', contact, 'attributes')
local attributes = {}
if raw and raw ~= '' then
  attributes = cjson.decode(raw)
end
local changed = false
local username = ARGV[10]
if username ~= '' and attributes['telegramUsername'] ~= username then
  attributes['telegramUsername'] = username
  changed = true
elseif username == '' and attributes['telegramUsername'] ~= nil then
  attributes['telegramUsername'] = nil
  changed = true
end
if ARGV[11] ~= '' and attributes['telegramSource'] == nil then
  attributes['telegramSource'] = ARGV[11]
  changed = true
end
if chat_type == 'private' and attributes['telegramUnreachable'] ~= nil then
  attributes['telegramUnreachable'] = nil
  changed = true
end
if changed then
  j_hset(contact, 'attributes', cjson.encode(attributes), 'updatedAt', NOW)
end
journal_done()
return 1
