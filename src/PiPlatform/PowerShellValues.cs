using System;
using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.Management.Automation;
using System.Security;

namespace PiPlatform
{
    /// <summary>Turns PowerShell's wrapped values into the plain .NET values the client works with.</summary>
    internal static class PowerShellValues
    {
        /// <summary>
        /// A hashtable, [ordered], PSCustomObject (e.g. from ConvertFrom-Json or Import-Csv) or nested mix of them,
        /// as plain dictionaries, lists and primitives.
        /// </summary>
        public static object? ToPlain(object? value, int depth = 0)
        {
            if (depth > 32) throw new ArgumentException("it is nested more than 32 levels deep.");
            if (value is PSObject wrapped)
            {
                if (wrapped.BaseObject is PSCustomObject)
                {
                    var map = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    foreach (PSPropertyInfo property in wrapped.Properties)
                    {
                        map[property.Name] = ToPlain(property.Value, depth + 1);
                    }
                    return map;
                }
                value = wrapped.BaseObject;
            }
            switch (value)
            {
                case null:
                case string _:
                    return value;
                case SecureString _:
                    throw new ArgumentException("it contains a SecureString; secrets do not belong in payment metadata.");
                case IDictionary dictionary:
                    var map = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        map[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? ""] = ToPlain(entry.Value, depth + 1);
                    }
                    return map;
                case IEnumerable list:
                    var items = new ArrayList();
                    foreach (object? item in list) items.Add(ToPlain(item, depth + 1));
                    return items.ToArray();
                default:
                    return value;
            }
        }
    }

    /// <summary>
    /// Lets a parameter typed SecureString also take a plain string (an access token from a web request, say),
    /// converting it at once so that only the SecureString is kept.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case string text:
                    return ToSecureString(text);
                case IList list:
                    var converted = new SecureString?[list.Count];
                    for (int i = 0; i < list.Count; i++) converted[i] = (SecureString?)Transform(engineIntrinsics, list[i]);
                    return converted;
                default:
                    return value;
            }
        }

        internal static SecureString ToSecureString(string text)
        {
            var secure = new SecureString();
            foreach (char c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }

    /// <summary>
    /// Keeps money exact on its way into a decimal parameter. PowerShell would turn the string '123456789.1234567'
    /// (an Import-Csv cell) into a decimal through a double, losing digits, and would read '0,5' as 5 in some
    /// cultures; here a string is parsed as an invariant decimal, and a double that a decimal cannot hold exactly
    /// is refused rather than rounded.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ExactDecimalTransformationAttribute : ArgumentTransformationAttribute
    {
        private const NumberStyles Amount = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite |
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case string text:
                    if (decimal.TryParse(text, Amount, CultureInfo.InvariantCulture, out decimal parsed)) return parsed;
                    throw new ArgumentTransformationMetadataException(
                        $"'{text}' is not an amount: write it with digits and a '.' decimal point, e.g. 0.5.");
                case double number:
                    return FromBinary(number, number.ToString("R", CultureInfo.InvariantCulture));
                case float number:
                    return FromBinary(number, number.ToString("R", CultureInfo.InvariantCulture));
                default:
                    return value;
            }
        }

        private static decimal FromBinary(double number, string shown)
        {
            decimal exact;
            try
            {
                exact = (decimal)number;
            }
            catch (OverflowException)
            {
                throw new ArgumentTransformationMetadataException($"{shown} is too large for an amount.");
            }
            if ((double)exact != number)
            {
                throw new ArgumentTransformationMetadataException(
                    $"{shown} is a binary floating-point number that an exact amount cannot hold. Pass the amount as a string ('1.2345678') or a decimal (1.2345678d).");
            }
            return exact;
        }
    }
}
