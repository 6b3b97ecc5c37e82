namespace Omnichannel.Server.Search;

/// <summary>A matching document: the conversation id and the stored text a snippet and a title are cut from.</summary>
public sealed record IndexHit(string Id, string? Subject, string? ContactName, string? Contact, string? Body, string? Notes);
