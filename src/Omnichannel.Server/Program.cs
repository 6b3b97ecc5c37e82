using Omnichannel.Channels.Email.Hosting;
using Omnichannel.Redis;
using Omnichannel.Server.Auth;
using Omnichannel.Server.Channels.Api;
using Omnichannel.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultUrl("http://localhost:5080");

// The store first: the embedded one must start before, and stop after, everything that uses it.
builder.AddRedisConversationStore();
builder.AddInboxCore();
builder.AddInboxAuthentication();
builder.AddApiChannel();
builder.AddEmailChannel();
builder.AddInboxRateLimits();
builder.AddInboxApi();

var app = builder.Build();

app.UseInboxPipeline();
app.MapInboxEndpoints();

app.Run();

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
