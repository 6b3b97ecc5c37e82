using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Api;

[Collection(StoreCollection.Name)]
public sealed class ConfigurationTests(StoreServers servers)
{
    private static string RepositoryFile(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(name);
    }

    [Fact]
    public async Task The_documented_example_configuration_starts_the_server()
    {
        var example = new ConfigurationBuilder().AddJsonFile(RepositoryFile("appsettings.example.json")).Build();
        var settings = example.AsEnumerable().Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!);
        Assert.Contains("Omnichannel:Store:Embedded:MemoryLimit", settings.Keys);
        settings.Remove("Omnichannel:Store:Redis");
        settings.Remove("Omnichannel:Store:DataDirectory");
        settings.Remove("Omnichannel:Store:Workspace");
        settings.Remove("Urls");

        await using var app = new InboxApp(servers.For(StoreServers.Garnet).Redis, StoreServers.NewWorkspace()) { Settings = settings };

        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health/ready")).StatusCode);
    }

    [Theory]
    [InlineData("Omnichannel:Bootstrap:AdminPassword", "short", "Omnichannel:Bootstrap")]
    [InlineData("Omnichannel:Channels:Api:WebhookUrl", "not a url", "WebhookUrl")]
    [InlineData("Omnichannel:Store:Workspace", "Bad Workspace!", "Workspace")]
    [InlineData("Omnichannel:Login:MaxFailures", "0", "MaxFailures")]
    [InlineData("Omnichannel:Channels:Email:Mailboxes:0:Name", "bad name!", "Mailboxes:0:Name")]
    [InlineData("Omnichannel:Quarantine:MaxAttempts", "0", "Quarantine:MaxAttempts")]
    [InlineData("Omnichannel:Blobs:Directory", "", "Omnichannel:Blobs:Directory")]
    [InlineData("Omnichannel:Blobs:Directory", "   ", "Omnichannel:Blobs:Directory")]
    public async Task An_invalid_setting_stops_the_start_with_a_message_naming_it(string key, string value, string named)
    {
        // WebApplicationFactory's deferred host can lose the start's exception when the failed host is disposed before
        // it looks (it then throws ObjectDisposedException, seen on a loaded CI machine): only that case is tried again.
        for (var attempt = 1; ; attempt++)
        {
            await using var app = new InboxApp(servers.For(StoreServers.Garnet).Redis, StoreServers.NewWorkspace()) { Settings = { [key] = value } };
            var error = await Record.ExceptionAsync(() => Task.FromResult(app.CreateClient()));
            if (error is ObjectDisposedException && attempt < 3)
            {
                continue;
            }

            var invalid = Assert.IsType<OptionsValidationException>(error, exactMatch: false);
            Assert.Contains(named, invalid.Message, StringComparison.Ordinal);
            return;
        }
    }
}
