using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Email;

/// <summary>
/// Email tests that measure the process's own memory: they run alone (after the parallel collections, none beside
/// them), or another test's allocations would count as theirs. Own mail servers and stores, like any collection.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EmailMemoryCollection : ICollectionFixture<MailServers>, ICollectionFixture<StoreServers>
{
    public const string Name = "email-memory";
}
