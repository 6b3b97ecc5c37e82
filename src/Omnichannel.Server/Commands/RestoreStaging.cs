using Microsoft.Extensions.Logging.Abstractions;
using Omnichannel.Redis.Embedded;

namespace Omnichannel.Server.Commands;

/// <summary>
/// The folders a restore extracts into: a hidden folder inside each (empty) target, so that moving the results into
/// place is a rename on one file system even when the target is a mount point (a Docker or Kubernetes volume), and
/// removed with whatever the restore made when it does not get that far. When the blob folder lies inside the data
/// folder (the default), the blobs are staged at the same place inside the staged data folder and move with it.
/// </summary>
internal sealed class RestoreStaging : IDisposable
{
    private readonly List<string> _created = [];
    private string? _dataTarget;
    private string? _blobTarget;
    private bool _blobsNested;
    private bool _moved;

    public string Data { get; private set; } = "";

    public string Blobs { get; private set; } = "";

    public void Prepare(string dataDirectory, string blobDirectory)
    {
        (_dataTarget, _blobTarget) = (dataDirectory, blobDirectory);
        _blobsNested = BackupLayout.IsInside(blobDirectory, dataDirectory);
        var name = $".restore-{Guid.NewGuid():N}";
        Create(dataDirectory);
        PrivateFiles.EnsureFolder(dataDirectory, NullLogger.Instance);
        Data = Path.Combine(dataDirectory, name);
        PrivateFiles.EnsureFolder(Data, NullLogger.Instance);
        if (_blobsNested)
        {
            Blobs = Path.Combine(Data, Path.GetRelativePath(dataDirectory, blobDirectory));
        }
        else
        {
            Create(blobDirectory);
            Blobs = Path.Combine(blobDirectory, name);
        }

        Directory.CreateDirectory(Blobs);
    }

    /// <summary>Moves the staged content into the (still empty) targets.</summary>
    public void MoveIntoPlace()
    {
        MoveContent(Data, _dataTarget!);
        if (!_blobsNested)
        {
            MoveContent(Blobs, _blobTarget!);
        }

        _moved = true;
    }

    public void Dispose()
    {
        foreach (var folder in new[] { Data, Blobs })
        {
            if (folder.Length > 0 && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        if (_moved)
        {
            return;
        }

        // A refused restore leaves no trace: not even the folders it made to stage into.
        foreach (var folder in _created.Where(f => Directory.Exists(f) && !BackupLayout.HasFiles(f)))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void MoveContent(string staged, string target)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(staged).ToList())
        {
            var destination = Path.Combine(target, Path.GetFileName(entry));
            if (File.Exists(entry))
            {
                File.Move(entry, destination, overwrite: false);
                continue;
            }

            // The target held no file, but may hold empty folders (the blob folder of a fresh data folder).
            if (Directory.Exists(destination) && !BackupLayout.HasFiles(destination))
            {
                Directory.Delete(destination, recursive: true);
            }

            Directory.Move(entry, destination);
        }
    }

    // Remembers the topmost folder this restore creates, to take it away again if the restore is refused.
    private void Create(string folder)
    {
        var missing = folder;
        while (Path.GetDirectoryName(missing) is { } above && !Directory.Exists(above))
        {
            missing = above;
        }

        if (!Directory.Exists(missing))
        {
            _created.Add(missing);
        }

        Directory.CreateDirectory(folder);
    }
}
