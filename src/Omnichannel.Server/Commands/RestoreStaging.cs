using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Redis.Embedded;

namespace Omnichannel.Server.Commands;

/// <summary>
/// The folders a restore extracts into: siblings of the targets (same file system, so moving them into place is a
/// rename), removed on dispose unless moved. When the blob folder lies inside the data folder (the default), the
/// blobs are staged at the same place inside the staged data folder and move with it.
/// </summary>
internal sealed class RestoreStaging : IDisposable
{
    private string? _dataTarget;
    private string? _blobTarget;
    private bool _blobsNested;
    private bool _moved;
    private readonly List<string> _createdParents = [];

    public string Data { get; private set; } = "";

    public string Blobs { get; private set; } = "";

    public void Prepare(string dataDirectory, string blobDirectory)
    {
        (_dataTarget, _blobTarget) = (dataDirectory, blobDirectory);
        _blobsNested = BackupLayout.IsInside(blobDirectory, dataDirectory);
        var suffix = $".restore-{Guid.NewGuid():N}";
        Data = Sibling(dataDirectory, suffix);
        PrivateFiles.EnsureFolder(Data, NullLogger.Instance);
        Blobs = _blobsNested
            ? Path.Combine(Data, Path.GetRelativePath(dataDirectory, blobDirectory))
            : Sibling(blobDirectory, suffix);
        Directory.CreateDirectory(Blobs);
    }

    /// <summary>Replaces the (empty) targets with the staged folders.</summary>
    public void MoveIntoPlace()
    {
        Replace(Data, _dataTarget!);
        if (!_blobsNested)
        {
            Replace(Blobs, _blobTarget!);
        }

        _moved = true;
    }

    public void Dispose()
    {
        if (_moved)
        {
            return;
        }

        foreach (var folder in new[] { Data, _blobsNested ? "" : Blobs })
        {
            if (folder.Length > 0 && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        // A refused restore leaves no trace: not even the parent folders it made for its staging folders.
        foreach (var parent in _createdParents.Where(p => Directory.Exists(p) && !BackupLayout.HasFiles(p)))
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    // The target was checked to hold no file; it may exist as empty folders (a mount point, a prepared volume).
    private static void Replace(string staged, string target)
    {
        if (BackupLayout.HasFiles(target))
        {
            throw new CommandFailedException($"{target} received files during the restore: nothing was moved there");
        }

        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.Move(staged, target);
    }

    private string Sibling(string folder, string suffix)
    {
        var parent = Path.GetDirectoryName(folder) ?? throw new CommandFailedException($"{folder} has no parent folder");
        var missing = parent;
        while (Path.GetDirectoryName(missing) is { } above && !Directory.Exists(above))
        {
            missing = above;
        }

        if (!Directory.Exists(missing))
        {
            _createdParents.Add(missing);
        }

        Directory.CreateDirectory(parent);
        return Path.Combine(parent, "." + Path.GetFileName(folder) + suffix);
    }
}
