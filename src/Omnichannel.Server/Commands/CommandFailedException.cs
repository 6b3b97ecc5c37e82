namespace Omnichannel.Server.Commands;

/// <summary>A command cannot go on: the message says why and what to do, and the command exits non-zero.</summary>
internal sealed class CommandFailedException(string message) : Exception(message);
