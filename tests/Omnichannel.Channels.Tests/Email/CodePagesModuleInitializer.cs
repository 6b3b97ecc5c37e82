using System.Runtime.CompilerServices;
using Omnichannel.Channels.Email.Inbound;

namespace Omnichannel.Channels.Tests.Email;

/// <summary>
/// MimeKit remembers, for the life of the process, a charset it once failed to resolve. Tests that build messages
/// with MimeKit directly run in parallel with parser tests, so the code pages are registered before any test runs,
/// as a host does at start-up.
/// </summary>
internal static class CodePagesModuleInitializer
{
    [ModuleInitializer]
    internal static void RegisterCodePages() => EmailCodePages.EnsureRegistered();
}
