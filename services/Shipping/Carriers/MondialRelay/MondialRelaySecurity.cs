using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderPlatform.Shipping.Carriers.MondialRelay;

/// <summary>
/// The <c>Security</c> parameter every Mondial Relay WSI call carries (PROVIDERS.md): the upper-case hex MD5 of the
/// Enseigne, then each non-empty parameter value in the WSDL's order, then the private key, encoded ISO-8859-1 (not
/// UTF-8). Free text (<c>Texte</c>) is left out. A wrong key makes Mondial Relay answer STAT 97.
/// </summary>
public static class MondialRelaySecurity
{
    /// <summary>Parameters that never enter the key.</summary>
    public static readonly IReadOnlySet<string> Excluded = new HashSet<string>(StringComparer.Ordinal) { "Texte", "Security" };

    /// <param name="enseigne">The merchant's code, 8 characters.</param>
    /// <param name="parametersInWsdlOrder">The call's parameters in the order the WSDL declares them (Enseigne itself excluded).</param>
    /// <param name="privateKey">The private key Mondial Relay gave the merchant.</param>
    public static string Compute(string enseigne, IEnumerable<KeyValuePair<string, string?>> parametersInWsdlOrder, string privateKey)
    {
        ArgumentNullException.ThrowIfNull(parametersInWsdlOrder);
        var text = new StringBuilder(enseigne);
        foreach (var (name, value) in parametersInWsdlOrder)
        {
            if (!Excluded.Contains(name) && !string.IsNullOrEmpty(value))
            {
                text.Append(value);
            }
        }

        text.Append(privateKey);
        // MD5 is what the protocol mandates; it authenticates a request, it protects no secret.
#pragma warning disable CA5351
        var hash = MD5.HashData(Encoding.Latin1.GetBytes(text.ToString()));
#pragma warning restore CA5351
        return Convert.ToHexString(hash).ToUpper(CultureInfo.InvariantCulture);
    }
}
