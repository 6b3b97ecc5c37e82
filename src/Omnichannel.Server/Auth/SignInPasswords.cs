using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Omnichannel.Core.Model;

namespace Omnichannel.Server.Auth;

/// <summary>
/// Checks a sign-in password with the same work whether or not the email has an account: an unknown email is
/// verified against a hash of a random password, made once at start with the same hasher (same algorithm and
/// iteration count), so the answer's timing does not tell which emails exist.
/// </summary>
public sealed class SignInPasswords : IHostedService
{
    private static readonly Agent Nobody =
        new("nobody", "nobody@invalid", "nobody", AgentRole.Agent, 0, [], "", "", DateTimeOffset.UnixEpoch);

    private readonly IPasswordHasher<Agent> _hasher;
    private readonly string _nobodysHash;

    public SignInPasswords(IPasswordHasher<Agent> hasher)
    {
        _hasher = hasher;
        _nobodysHash = hasher.HashPassword(Nobody, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
    }

    public bool Verify(Agent? agent, string password)
    {
        if (agent is null)
        {
            _hasher.VerifyHashedPassword(Nobody, _nobodysHash, password);
            return false;
        }

        return _hasher.VerifyHashedPassword(agent, agent.PasswordHash, password) != PasswordVerificationResult.Failed;
    }

    // Registered as a hosted service only so the dummy hash is made at start, not inside the first sign-in.
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
