namespace Omnichannel.Core.Ports;

/// <summary>What a canned response's write did.</summary>
public enum CannedResponseWrite
{
    Done,

    /// <summary>
    /// The stored response is no longer the one expected (changed or deleted meanwhile): nothing written.
    /// </summary>
    Changed,

    /// <summary>Another response of the same scope has the short code: nothing written.</summary>
    ShortCodeTaken,
}
