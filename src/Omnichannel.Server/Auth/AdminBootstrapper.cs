using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Auth;

/// <summary>
/// On a store with no agents, creates the admin from <c>Omnichannel:Bootstrap</c>. There is no default password:
/// without the settings it logs how to set them and the inbox stays closed.
/// </summary>
internal sealed class AdminBootstrapper(
    IAgentStore agents,
    IPasswordHasher<Agent> hasher,
    IOptions<BootstrapOptions> options,
    TimeProvider time,
    ILogger<AdminBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await agents.AnyAsync(cancellationToken))
        {
            return;
        }

        var bootstrap = options.Value;
        if (string.IsNullOrWhiteSpace(bootstrap.AdminEmail) || string.IsNullOrEmpty(bootstrap.AdminPassword))
        {
            logger.LogWarning("No agent exists yet. Set Omnichannel__Bootstrap__AdminEmail and Omnichannel__Bootstrap__AdminPassword (10+ characters) and restart to create the first admin");
            return;
        }

        var admin = AgentPasswords.NewAgent(hasher, bootstrap.AdminEmail, "Administrator", AgentRole.Admin, 10, ["default"], bootstrap.AdminPassword, time.GetUtcNow());
        if (await agents.TryCreateAsync(admin, cancellationToken))
        {
            logger.LogInformation("Created the first admin {Email}", admin.Email);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
