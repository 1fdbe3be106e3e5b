using System;
using System.Runtime.InteropServices;
using System.Security;

namespace PiPlatform.Http
{
    /// <summary>
    /// Everything the client does with a secret (the API key, a user's access token) in plain text, in one place:
    /// the check that it can go in a header at all, the masked hint, the header value, and redaction of
    /// anything a server echoes back. A secret is plain text only inside these methods.
    /// </summary>
    internal static class Secret
    {
        private const string Redacted = "****";

        /// <summary>
        /// A read-only copy without surrounding white space (a vault entry or file often ends in a newline).
        /// Refuses what no key or token holds and no header could carry: an empty value, or any character that
        /// is not printable ASCII. The message says where, never what.
        /// </summary>
        public static SecureString Normalize(SecureString secret, string code, string what) => WithPlain(secret, plain =>
        {
            int start = 0, end = secret.Length;
            while (start < end && char.IsWhiteSpace(CharAt(plain, start))) start++;
            while (end > start && char.IsWhiteSpace(CharAt(plain, end - 1))) end--;
            if (start == end)
            {
                throw PiException.Input(code, $"The {what} is empty.");
            }
            var copy = new SecureString();
            for (int i = start; i < end; i++)
            {
                char c = CharAt(plain, i);
                if (c < '!' || c > '~')
                {
                    copy.Dispose();
                    throw PiException.Input(code, $"The {what} has a character at position {i - start + 1} that is not printable ASCII (a space, control character or non-ASCII letter).");
                }
                copy.AppendChar(c);
            }
            copy.MakeReadOnly();
            return copy;
        });

        /// <summary>Asterisks, and the last four characters of a key long enough that they give nothing away.</summary>
        public static string Hint(SecureString secret) => secret.Length < 16
            ? Redacted
            : Redacted + WithPlain(secret, plain => Marshal.PtrToStringUni(IntPtr.Add(plain, (secret.Length - 4) * 2), 4));

        /// <summary>The plain text, for the moment a header is built.</summary>
        public static string Reveal(SecureString secret) => WithPlain(secret, plain => Marshal.PtrToStringUni(plain, secret.Length));

        /// <summary>
        /// The text with every secret replaced by asterisks: for whatever of a server's answer goes into an error,
        /// since a proxy or a wrong base URI can echo the request's headers back.
        /// </summary>
        public static string Redact(string text, SecureString? first, SecureString? second)
        {
            foreach (SecureString? secret in new[] { first, second })
            {
                if (secret == null || secret.Length == 0 || text.Length < secret.Length) continue;
                text = text.Replace(Reveal(secret), Redacted);
            }
            return text;
        }

        private static char CharAt(IntPtr plain, int index) => (char)Marshal.ReadInt16(plain, index * 2);

        // The one place a secret is copied out of its SecureString: into unmanaged memory, zeroed when done.
        private static T WithPlain<T>(SecureString secret, Func<IntPtr, T> use)
        {
            IntPtr plain = Marshal.SecureStringToGlobalAllocUnicode(secret);
            try
            {
                return use(plain);
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(plain);
            }
        }
    }
}
