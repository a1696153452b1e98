using System.Text;
using NSec.Cryptography;

namespace CyberCode.Discord.Interactions;

/// <summary>
/// Checks Discord's Ed25519 signature of <c>timestamp + raw body</c> against the application's
/// public key. Discord sends deliberately bad signatures as a routine check and removes the
/// endpoint from the app if one is accepted.
/// </summary>
internal sealed class SignatureVerifier
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly PublicKey? _key;

    public SignatureVerifier(string? publicKeyHex)
    {
        if (!string.IsNullOrWhiteSpace(publicKeyHex))
        {
            // The options validator has checked it is 64 hex characters; any 32 bytes are not a valid point, hence TryImport.
            _ = PublicKey.TryImport(Algorithm, Convert.FromHexString(publicKeyHex.Trim()), KeyBlobFormat.RawPublicKey, out _key);
        }
    }

    /// <summary>False when no usable key is configured: the endpoint is then off.</summary>
    public bool Configured => _key is not null;

    public bool IsValid(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (_key is null || string.IsNullOrEmpty(timestamp) || signatureHex is not { Length: 128 } || !signatureHex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        var stamp = Encoding.UTF8.GetBytes(timestamp);
        var data = new byte[stamp.Length + body.Length];
        stamp.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(stamp.Length));
        return Algorithm.Verify(_key, data, Convert.FromHexString(signatureHex));
    }
}
