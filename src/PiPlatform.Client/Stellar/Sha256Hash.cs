using System.Security.Cryptography;
using System.Text;

namespace PiPlatform.Stellar
{
    /// <summary>SHA-256 and its lowercase hex form (netstandard2.0 has no Convert.ToHexString).</summary>
    internal static class Sha256Hash
    {
        public static byte[] Of(byte[] data)
        {
            using (SHA256 sha = SHA256.Create())
            {
                return sha.ComputeHash(data);
            }
        }

        public static string ToHex(byte[] bytes)
        {
            var text = new StringBuilder(bytes.Length * 2);
            foreach (byte b in bytes) text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return text.ToString();
        }
    }
}
