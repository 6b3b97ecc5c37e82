using Microsoft.Extensions.Time.Testing;
using Omnichannel.Core.Ports;
using Omnichannel.Storage.Files;

namespace Omnichannel.Integration.Tests.Blobs;

public sealed class FileBlobStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "oc-blobs-" + Guid.NewGuid().ToString("N"));
    private readonly FileBlobStore _store;

    public FileBlobStoreTests() => _store = new FileBlobStore(_directory, new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_blob_reads_back_byte_for_byte_and_is_gone_after_delete()
    {
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        var stored = await _store.PutAsync(new MemoryStream(bytes), maxBytes: bytes.Length);

        Assert.Equal(bytes.Length, stored.Size);
        Assert.StartsWith("2026/11/26/", stored.Key, StringComparison.Ordinal);
        await using (var read = await _store.OpenReadAsync(stored.Key))
        {
            var copy = new MemoryStream();
            await read!.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }

        Assert.True(await _store.DeleteAsync(stored.Key));
        Assert.Null(await _store.OpenReadAsync(stored.Key));
        Assert.False(await _store.DeleteAsync(stored.Key));
    }

    [Fact]
    public async Task Content_over_the_limit_is_refused_and_leaves_no_file()
    {
        await Assert.ThrowsAsync<BlobTooLargeException>(() => _store.PutAsync(new MemoryStream(new byte[1001]), maxBytes: 1000));

        Assert.Empty(Directory.EnumerateFiles(_directory, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("2026/11/26/../../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    public async Task Keys_the_store_did_not_make_never_reach_the_file_system(string key)
    {
        Assert.Null(await _store.OpenReadAsync(key));
        Assert.False(await _store.DeleteAsync(key));
    }
}
