using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit.Net.Imap;
using MimeKit;
using Omnichannel.Integration.Tests.Infrastructure;

namespace Omnichannel.Integration.Tests.Email;

/// <summary>
/// Real mail servers for the email tests (see shared peers.md): Dovecot 2.3 with IMAP and submission (AUTH, relaying to
/// the sink) and an aiosmtpd sink that keeps every accepted message as a file. Config in a temp folder, 127.0.0.1,
/// free ports. Any user name logs in with <see cref="Password"/>, so each test takes its own mailbox.
/// </summary>
public sealed class MailServers : IAsyncLifetime
{
    public const string Password = "mail-password";

    private Process? _dovecot;
    private Process? _sink;
    private string _directory = "";

    public int ImapPort { get; private set; }

    public int SubmissionPort { get; private set; }

    private string Config => Path.Combine(_directory, "dovecot.conf");

    private string SinkDirectory => Path.Combine(_directory, "sink", "Maildir");

    /// <summary>A mailbox no other test uses.</summary>
    public static string NewUser(string prefix = "support") => $"{prefix}{Guid.NewGuid().ToString("N")[..10]}@example.test";

    public async Task InitializeAsync()
    {
        foreach (var binary in new[] { "/usr/sbin/dovecot", "/usr/bin/doveadm", "/usr/bin/python3" })
        {
            if (!File.Exists(binary))
            {
                throw new InvalidOperationException($"{binary} is missing: apt-get install -y dovecot-imapd dovecot-lmtpd dovecot-submissiond python3-aiosmtpd (tests/run-tests.sh does it).");
            }
        }

        // Dovecot's mail processes run as nobody and must reach the folder: a world-traversable temp folder.
        _directory = TempDirectories.Create("oc-mail-");
        Run("/bin/chmod", null, "755", _directory);
        var mail = Path.Combine(_directory, "mail");
        Directory.CreateDirectory(mail);
        Run("/bin/chown", null, "65534:65534", mail);
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            // aiosmtpd's Mailbox handler creates these only when the Maildir itself is missing.
            Directory.CreateDirectory(Path.Combine(SinkDirectory, sub));
        }

        var sinkPort = FreePort();
        _sink = Start("/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{sinkPort}", "-c", "aiosmtpd.handlers.Mailbox", SinkDirectory);
        ImapPort = FreePort();
        SubmissionPort = FreePort();
        await File.WriteAllTextAsync(Config, DovecotConfig(sinkPort));
        _dovecot = Start("/usr/sbin/dovecot", "-F", "-c", Config);
        await WaitForPortAsync(ImapPort);
        await WaitForPortAsync(SubmissionPort);
        await WaitForPortAsync(sinkPort);
    }

    public Task DisposeAsync()
    {
        foreach (var process in new[] { _dovecot, _sink })
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }

            process?.Dispose();
        }

        TempDirectories.Delete(_directory);
        return Task.CompletedTask;
    }

    /// <summary>Delivers raw mail as an MTA would: <c>doveadm save</c> into the user's folder.</summary>
    public void Deliver(string user, string rawMessage, string folder = "INBOX") =>
        Run("/usr/bin/doveadm", rawMessage, "-c", Config, "save", "-u", user, "-m", folder);

    public void Deliver(string user, MimeMessage message, string folder = "INBOX") => Deliver(user, message.ToString(), folder);

    public void CreateFolder(string user, string folder) => Run("/usr/bin/doveadm", null, "-c", Config, "mailbox", "create", "-u", user, folder);

    public void DeleteFolder(string user, string folder) => Run("/usr/bin/doveadm", null, "-c", Config, "mailbox", "delete", "-u", user, "-s", folder);

    /// <summary>An IMAP connection as the user, for appending many messages quickly.</summary>
    public async Task<ImapClient> ConnectAsync(string user)
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", ImapPort, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(user, Password);
        return client;
    }

    /// <summary>Messages the SMTP sink accepted for <paramref name="recipient"/>, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Received(string recipient) => [.. ReceivedAt(recipient).Select(r => r.Message)];

    /// <summary>The mails the SMTP sink took for <paramref name="recipient"/>, oldest first, with when it wrote each.</summary>
    public IReadOnlyList<(DateTime At, MimeMessage Message)> ReceivedAt(string recipient)
    {
        var found = new List<(DateTime, MimeMessage)>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SinkDirectory, "new")))
        {
            var message = MimeMessage.Load(file);
            if (message.Headers["X-RcptTo"]?.Contains(recipient, StringComparison.OrdinalIgnoreCase) == true)
            {
                found.Add((File.GetLastWriteTimeUtc(file), message));
            }
        }

        return [.. found.OrderBy(f => f.Item1)];
    }

    public async Task<MimeMessage> WaitForReceivedAsync(string recipient, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(Path.Combine(SinkDirectory, "new")) && Received(recipient) is { } messages && messages.Count >= count)
            {
                return messages[count - 1];
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The SMTP sink did not receive {count} message(s) for {recipient}.");
    }

    private string DovecotConfig(int sinkPort) => $$"""
        base_dir = {{_directory}}/run
        state_dir = {{_directory}}/state
        instance_name = oc-test-{{Guid.NewGuid():N}}
        log_path = {{_directory}}/dovecot.log
        protocols = imap submission
        listen = 127.0.0.1
        ssl = no
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        mail_location = maildir:{{_directory}}/mail/%n/Maildir
        mail_uid = 65534
        mail_gid = 65534
        first_valid_uid = 1
        first_valid_gid = 1
        hostname = mail.example.test
        submission_relay_host = 127.0.0.1
        submission_relay_port = {{sinkPort}}
        submission_relay_trusted = yes
        passdb {
          driver = static
          args = password={{Password}}
        }
        userdb {
          driver = static
          args = home={{_directory}}/mail/%n
        }
        service imap-login {
          inet_listener imap {
            address = 127.0.0.1
            port = {{ImapPort}}
          }
          inet_listener imaps {
            port = 0
          }
        }
        service submission-login {
          inet_listener submission {
            address = 127.0.0.1
            port = {{SubmissionPort}}
          }
        }
        service auth {
          unix_listener auth-userdb {
            mode = 0666
          }
        }
        """;

    private static Process Start(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Run(string file, string? input, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start.");
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {error.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}

/// <summary>Email tests share the mail servers and the stores: <c>[Collection(EmailCollection.Name)]</c>.</summary>
[CollectionDefinition(Name)]
public sealed class EmailCollection : ICollectionFixture<MailServers>, ICollectionFixture<StoreServers>
{
    public const string Name = "email";
}
