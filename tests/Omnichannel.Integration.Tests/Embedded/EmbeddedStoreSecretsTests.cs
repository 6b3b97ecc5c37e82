using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis;
using Omnichannel.Redis.Embedded;
using StackExchange.Redis;

namespace Omnichannel.Integration.Tests.Embedded;

/// <summary>
/// The embedded store listens on a loopback port every local user can reach: only the password in its data folder
/// opens it, and only the server's user can read that folder.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EmbeddedStoreSecretsTests : IDisposable
{
    private readonly string _directory = TempDirectories.Create("oc-secrets-");

    public void Dispose() => TempDirectories.Delete(_directory);

    [Fact]
    public async Task The_store_refuses_a_client_without_the_password_and_serves_one_with_the_password_from_its_folder()
    {
        using var garnet = Start();
        var password = EmbeddedStoreSecrets.ReadPassword(_directory);
        Assert.NotNull(password);

        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", garnet.Port);
        var stream = tcp.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        async Task<string> SendAsync(string command)
        {
            // As a RESP array, the only form every server parses; one reply line is all each answer needs.
            var parts = command.Split(' ');
            var request = new StringBuilder($"*{parts.Length}\r\n");
            foreach (var part in parts)
            {
                request.Append($"${part.Length}\r\n{part}\r\n");
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()), timeout.Token);
            return await reader.ReadLineAsync(timeout.Token) ?? "";
        }

        // An error reply ('-'), whatever its words: the data stays out of reach.
        Assert.StartsWith("-", await SendAsync("PING"), StringComparison.Ordinal);
        Assert.StartsWith("-", await SendAsync("GET oc:{default}:events:seq"), StringComparison.Ordinal);
        Assert.StartsWith("-", await SendAsync("AUTH not-the-password"), StringComparison.Ordinal);
        Assert.StartsWith("-", await SendAsync("PING"), StringComparison.Ordinal);
        Assert.Equal("+OK", await SendAsync("AUTH " + password));
        Assert.Equal("+PONG", await SendAsync("PING"));

        var withoutPassword = ConfigurationOptions.Parse($"127.0.0.1:{garnet.Port}");
        withoutPassword.ConnectTimeout = 2000;
        await Assert.ThrowsAnyAsync<RedisException>(async () =>
        {
            await using var refused = await ConnectionMultiplexer.ConnectAsync(withoutPassword);
            await refused.GetDatabase().PingAsync();
        });

        await using var client =
            await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{garnet.Port},password={password}");
        await client.GetDatabase().StringSetAsync("oc:{default}:probe", "1");
        Assert.Equal("1", (string?)await client.GetDatabase().StringGetAsync("oc:{default}:probe"));
    }

    [Fact]
    public void The_data_folder_is_closed_to_other_users_and_its_secrets_are_readable_by_the_owner_only()
    {
        // As a folder made by an earlier version (or by hand) would be: open to everyone, no password yet.
        File.SetUnixFileMode(_directory, (UnixFileMode)Convert.ToInt32("755", 8));

        using (Start())
        {
            Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(_directory));
            Assert.Equal(PrivateFiles.FileMode,
                File.GetUnixFileMode(Path.Combine(_directory, EmbeddedStoreSecrets.PasswordFileName)));
        }

        using var certificate = EmbeddedStoreSecrets.KeyEncryptionCertificate(_directory, NullLogger.Instance);
        Assert.True(certificate.HasPrivateKey);
        Assert.True(certificate.GetRSAPublicKey()!.KeySize >= 2048);
        Assert.Equal(PrivateFiles.FileMode,
            File.GetUnixFileMode(Path.Combine(_directory, EmbeddedStoreSecrets.CertificateFileName)));

        // A nested data folder that does not exist yet is made 0700 from the start.
        var nested = Path.Combine(_directory, "nested", "data");
        using var second = new EmbeddedGarnet(new EmbeddedStoreOptions { MemoryLimit = "64m" }, nested,
            NullLoggerFactory.Instance);
        second.EnsureStarted();
        Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(nested));
    }

    [Fact]
    public async Task The_password_stays_the_same_across_restarts_and_the_data_with_it()
    {
        string first;
        using (var garnet = Start())
        {
            first = EmbeddedStoreSecrets.ReadPassword(_directory)!;
            await using var client = await ConnectionMultiplexer.ConnectAsync(garnet.ConnectionString);
            await client.GetDatabase().StringSetAsync("oc:{default}:probe", "kept");
        }

        using var restarted = Start();
        Assert.Equal(first, EmbeddedStoreSecrets.ReadPassword(_directory));
        await using var again = await ConnectionMultiplexer.ConnectAsync(restarted.ConnectionString);
        Assert.Equal("kept", (string?)await again.GetDatabase().StringGetAsync("oc:{default}:probe"));
    }

    private EmbeddedGarnet Start()
    {
        var garnet = new EmbeddedGarnet(new EmbeddedStoreOptions { MemoryLimit = "64m" }, _directory,
            NullLoggerFactory.Instance);
        garnet.EnsureStarted();
        return garnet;
    }
}
