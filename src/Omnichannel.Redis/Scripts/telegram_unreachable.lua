-- Telegram channel: a chat refuses the bot (403: blocked by the user, kicked from the group, user deactivated).
-- Self-contained. ARGV: 1 prefix, 2 now (ms), 3 bot, 4 chat id, 5 contact id ('' = none: a group), 6 reason.
-- The mark is per chat; the contact's telegramUnreachable attribute shows it to agents. Both clear when the chat writes.
local P, NOW = ARGV[1], ARGV[2]
redis.call('HSET', P .. 'telegram:' .. ARGV[3] .. ':unreachable', ARGV[4], NOW .. '|' .. ARGV[6])
if ARGV[5] == '' then
  return 1
end
local contact = P .. 'contact:' .. ARGV[5]
if redis.call('EXISTS', contact) == 0 then
  return 1
end
local raw = redis.call('HGET', contact, 'attributes')
local attributes = {}
if raw and raw ~= '' then
  attributes = cjson.decode(raw)
end
attributes['telegramUnreachable'] = ARGV[6]
redis.call('HSET', contact, 'attributes', cjson.encode(attributes), 'updatedAt', NOW)
return 1
