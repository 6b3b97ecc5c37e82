using Omnichannel.Channels.Email.Hosting;
using Omnichannel.Channels.Telegram;
using Omnichannel.Redis;
using Omnichannel.Server.Auth;
using Omnichannel.Server.Channels.Api;
using Omnichannel.Server.Channels.WebChat;
using Omnichannel.Server.Commands;
using Omnichannel.Server.Demo;
using Omnichannel.Server.Hosting;
using Omnichannel.Server.Metrics;
using Omnichannel.Server.Outbox;
using Omnichannel.Server.Realtime;
using Omnichannel.Server.Search;

if (args is ["check", ..])
{
    return await StoreCheckCommand.RunAsync(args[1..]);
}

if (args is ["backup", ..])
{
    return await BackupCommand.RunAsync(args[1..]);
}

if (args is ["restore", ..])
{
    return await RestoreCommand.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultUrl("http://localhost:5080");
builder.WithScratchDataWhenDescribingTheApi();

// The store first: the embedded one must start before, and stop after, everything that uses it.
builder.AddRedisConversationStore();
builder.AddInboxCore();
builder.AddInboxAuthentication();
builder.AddDemoSeed();
builder.AddApiChannel();
builder.AddWebChat();
builder.AddTelegramChannel();
builder.AddEmailChannel();
builder.AddOutbox();
builder.AddInboxRateLimits();
builder.AddInboxApi();
builder.AddSearch();
builder.AddRealtime();
builder.AddOperatorMetrics();
builder.WithoutBackgroundWorkWhenDescribingTheApi();

var app = builder.Build();

app.UseWebApp();
app.UseInboxPipeline();
app.MapInboxEndpoints();
app.MapRealtime();
app.MapOperatorMetrics();
app.MapWebChat();
app.MapTelegramChannel();
// Last: the SPA fallback answers only paths nothing else claimed.
app.MapWebApp();

app.Run();
return 0;

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
