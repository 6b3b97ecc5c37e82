namespace Omnichannel.Core.Inbound;

/// <summary>
/// "This message answers <see cref="ReplyId"/>, an agent's reply in conversation <see cref="ConversationId"/>": the
/// customer continues that conversation whatever its channel (a web chat reply mailed to a visitor who left, answered
/// by mail). Only the server sets it, from proof the sender received that reply (its Message-ID, which carries both
/// ids); the store continues the conversation only when the reply is one of its outbound messages, so a made-up pair
/// of ids never reaches someone else's conversation. Never parsed out of a thread key or any other customer text.
/// </summary>
public sealed record ConversationContinuation(string ConversationId, string ReplyId);
