using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Omnichannel.Integration.Tests.Api;
using Omnichannel.Integration.Tests.Infrastructure;
using Omnichannel.Redis.Embedded;
using StackExchange.Redis;

namespace Omnichannel.Integration.Tests.Security;

/// <summary>
/// The Data Protection keys sign and encrypt every cookie and visitor token. In the store they are encrypted to a
/// certificate, so a copy of the store (or a read of it) is not enough to forge a sign-in.
/// </summary>
[Collection(StoreCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataProtectionKeyTests(StoreServers servers) : IDisposable
{
    private const string KeysKey = "oc:{default}:dataprotection-keys";
    private readonly List<string> _directories = [];

    public void Dispose() => _directories.ForEach(TempDirectories.Delete);

    [Fact]
    public async Task Keys_in_the_embedded_store_are_encrypted_and_a_cookie_from_before_a_restart_still_signs_in()
    {
        var data = NewDirectory();
        var settings = new Dictionary<string, string>
        {
            ["Omnichannel:Store:DataDirectory"] = data,
            ["Omnichannel:Store:Embedded:MemoryLimit"] = "256m",
        };

        string cookie;
        await using (var server = await ServerProcess.StartAsync(settings))
        {
            using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            cookie = await SignInAsync(http, ServerProcess.AdminEmail, ServerProcess.AdminPassword);
            Assert.Equal(HttpStatusCode.OK, await MeAsync(http, cookie));

            var keys = await ReadKeysAsync(data);
            Assert.NotEmpty(keys);
            Assert.All(keys, AssertEncrypted);
            Assert.Equal(PrivateFiles.FileMode,
                File.GetUnixFileMode(Path.Combine(data, EmbeddedStoreSecrets.CertificateFileName)));
            Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(data));
            await server.KillAsync();
        }

        await using var restarted = await ServerProcess.StartAsync(settings);
        using var again = new HttpClient { BaseAddress = restarted.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        Assert.True(await MeAsync(again, cookie) == HttpStatusCode.OK, restarted.Tail());
    }

    [Fact]
    public async Task Keys_stored_plain_before_a_certificate_was_configured_still_read_and_new_keys_are_encrypted()
    {
        var workspace = StoreServers.NewWorkspace();
        var redis = servers.RedisServer.ConnectionString;
        var keysKey = $"oc:{{{workspace}}}:dataprotection-keys";
        await using var store = await ConnectionMultiplexer.ConnectAsync(redis);
        var db = store.GetDatabase();

        string cookie;
        await using (var before = new InboxApp(redis, workspace))
        {
            cookie = await SignInAsync(NoCookies(before), InboxApp.AdminEmail, InboxApp.AdminPassword);
            // No certificate on a Redis store: the key is plain XML, as every key was before this change.
            var plain = Assert.Single(await db.ListRangeAsync(keysKey));
            Assert.Contains("<masterKey", plain.ToString(), StringComparison.Ordinal);
        }

        var (path, password) = NewCertificateFile();
        await using var after = new InboxApp(redis, workspace)
        {
            Settings =
            {
                ["Omnichannel:DataProtection:CertificatePath"] = path,
                ["Omnichannel:DataProtection:CertificatePassword"] = password,
            },
        };
        var client = NoCookies(after);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, cookie));

        var now = DateTimeOffset.UtcNow;
        after.Services.GetRequiredService<IKeyManager>().CreateNewKey(now, now.AddDays(90));
        var keys = (await db.ListRangeAsync(keysKey)).Select(k => k.ToString()).ToList();
        Assert.Equal(2, keys.Count);
        AssertEncrypted(keys[1]);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, cookie));
    }

    private static void AssertEncrypted(string key)
    {
        Assert.Contains("<encryptedSecret", key, StringComparison.Ordinal);
        Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
    }

    // As a process of another user would, if it could read the folder: the port from the endpoint file, the password.
    private static async Task<List<string>> ReadKeysAsync(string data)
    {
        var port = EmbeddedStoreEndpoint.RunningPort(data) ?? throw new InvalidOperationException("No running store.");
        var password = EmbeddedStoreSecrets.ReadPassword(data);
        await using var store = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},password={password}");
        return [.. (await store.GetDatabase().ListRangeAsync(KeysKey)).Select(k => k.ToString())];
    }

    private static async Task<string> SignInAsync(HttpClient http, string email, string password)
    {
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return login.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith("omnichannel.auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task<HttpStatusCode> MeAsync(HttpClient http, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static HttpClient NoCookies(InboxApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    private (string Path, string Password) NewCertificateFile()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Omnichannel test key encryption", rsa, HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var path = Path.Combine(NewDirectory(), "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return (path, password);
    }

    private string NewDirectory()
    {
        var directory = TempDirectories.Create("oc-keys-");
        _directories.Add(directory);
        return directory;
    }
}
