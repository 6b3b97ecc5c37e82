using System.ComponentModel.DataAnnotations;
using Omnichannel.Redis;
using Omnichannel.Storage.Files;

namespace Omnichannel.Server.Commands;

/// <summary>
/// The part of the server's configuration a command needs, read with the same builder as the server's (appsettings,
/// <c>Omnichannel__*</c> environment variables, command line, same precedence); nothing is built or started.
/// </summary>
internal sealed record CommandSettings(StoreOptions Store, BlobOptions Blobs)
{
    /// <summary>Reads and validates; a bad value throws <see cref="CommandFailedException"/> naming it.</summary>
    public static CommandSettings Read(string[] args)
    {
        try
        {
            var configuration = WebApplication.CreateBuilder(args).Configuration;
            var store = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
            var blobs = configuration.GetSection(BlobOptions.Section).Get<BlobOptions>() ?? new BlobOptions();
            var errors = Validate(store).Concat(Validate(store.Embedded)).ToList();
            if (string.IsNullOrWhiteSpace(blobs.Directory)
                || blobs.Directory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                errors.Add(BlobOptions.Invalid);
            }

            return errors.Count == 0
                ? new CommandSettings(store, blobs)
                : throw new CommandFailedException("configuration: " + string.Join("; ", errors));
        }
        catch (InvalidOperationException ex)
        {
            throw new CommandFailedException("configuration: " + ex.Message);
        }
    }

    public string DataDirectory => Path.GetFullPath(Store.DataDirectory);

    public string BlobDirectory => Path.GetFullPath(Blobs.Directory);

    /// <summary>The store is an external Redis: its own persistence (RDB, AOF) is what backs it up.</summary>
    public bool UsesRedis => !string.IsNullOrWhiteSpace(Store.Redis);

    private static IEnumerable<string> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "invalid value");
    }
}
