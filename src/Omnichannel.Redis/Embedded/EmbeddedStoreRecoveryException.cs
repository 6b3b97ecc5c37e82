namespace Omnichannel.Redis.Embedded;

/// <summary>The embedded store's recovery failed and it refused to serve what it got back.</summary>
public sealed class EmbeddedStoreRecoveryException(string message) : Exception(message);
