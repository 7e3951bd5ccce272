namespace Alerts.Delivery;

/// <summary>Azure puts the secret in place of a setting that reads <c>@Microsoft.KeyVault(...)</c>; when it cannot (no
/// access, no such secret, the vault unreachable) the app sees the reference itself, until a later refresh resolves it.</summary>
internal static class KeyVaultReference
{
    public static bool IsUnresolved(string? value)
        => value is not null && value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);
}
