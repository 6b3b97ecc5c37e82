using System.ComponentModel.DataAnnotations;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Auth;

/// <summary>
/// Bound from <c>Omnichannel:Login</c>: how many failed logins lock an address out of an email and for how long, and
/// when failures from every address start to slow the email down (see docs/security.md).
/// </summary>
public sealed class LoginOptions
{
    public const string Section = "Omnichannel:Login";

    [Range(3, 100)]
    public int MaxFailures { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);

    [Range(1, 100_000)]
    public int AccountSlowdownAfter { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan AccountSlowdownCeiling { get; set; } = TimeSpan.FromSeconds(3);

    public LoginThrottlePolicy Policy =>
        new(MaxFailures, FailureWindow, Lockout, AccountSlowdownAfter, AccountSlowdownCeiling);
}
