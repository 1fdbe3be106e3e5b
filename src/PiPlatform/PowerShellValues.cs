using System;
using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.Management.Automation;
using System.Runtime.CompilerServices;
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
    /// Lets a parameter typed SecureString also take a plain string (an access token from a web request, say), or an
    /// object or hashtable holding one under a name the parameter binds, converting it at once so that only the
    /// SecureString is kept.
    /// </summary>
    /// <remarks>
    /// It never fails, and that is the point: when binding piped input fails, PowerShell writes an ErrorRecord whose
    /// TargetObject is the input itself (CommandProcessor.Read: <c>SetTargetObject(inputObject)</c> on a binding
    /// exception, and the InputObjectNotBound error), which would keep the token in plain text in <c>$Error</c>: a
    /// hashtable with an access_token key, an object whose token property is null or not a string, a list with a
    /// null in it, a string longer than a SecureString holds. So every input binds, and one that holds no usable
    /// secret becomes an empty SecureString marked with the reason (<see cref="RefusalOf"/>), which the cmdlet
    /// reports as that input's error under a name of its own.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
    {
        // A SecureString holds at most this many characters; AppendChar throws past it.
        private const int MaxLength = 65536;

        private static readonly ConditionalWeakTable<SecureString, string> Refusals = new ConditionalWeakTable<SecureString, string>();

        private readonly string[] _names;

        /// <summary>
        /// <paramref name="names"/>: the parameter's name and aliases, under which an object or hashtable holds the
        /// secret; read here too, because PowerShell tries binding by value (this transformation) before by property
        /// name, and hashtable keys are no properties to it.
        /// </summary>
        public SecureStringTransformationAttribute(params string[] names) => _names = names;

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = Held(inputData);
            if (Unwrap(value) is IList list)
            {
                var converted = new SecureString[list.Count];
                for (int i = 0; i < list.Count; i++) converted[i] = Convert(Held(list[i]));
                return converted;
            }
            return Convert(value);
        }

        /// <summary>Why the transformation could not use an input as a secret; null for a secret it made or was given.</summary>
        internal static string? RefusalOf(SecureString secret) => Refusals.TryGetValue(secret, out string reason) ? reason : null;

        internal static SecureString ToSecureString(string text)
        {
            var secure = new SecureString();
            foreach (char c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        // What an object or hashtable holds under one of the names; anything else is returned as it is.
        private object? Held(object? input)
        {
            object? value = Unwrap(input);
            if (value == null || value is string || value is SecureString || value is IList) return input;
            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (entry.Key is string key && IsName(key)) return entry.Value;
                }
                return input;
            }
            PSObject wrapped = PSObject.AsPSObject(input);
            foreach (string name in _names)
            {
                PSPropertyInfo? property = wrapped.Properties[name];
                if (property == null) continue;
                try
                {
                    return property.Value;
                }
                catch (GetValueException)
                {
                    return Refuse($"reading its {name} property failed");
                }
            }
            return input;
        }

        private SecureString Convert(object? input)
        {
            switch (Unwrap(input))
            {
                case SecureString secure:
                    return secure;
                case string text:
                    return text.Length <= MaxLength
                        ? ToSecureString(text)
                        : Refuse($"it is longer than the {MaxLength} characters a SecureString holds");
                case null:
                    return Refuse("it is null");
                case IList _:
                    return Refuse("it is a list inside a list");
                case object other:
                    return Refuse($"it is a {other.GetType().FullName}, not a string or SecureString (nor an object or hashtable holding one as {string.Join(", ", _names)})");
            }
        }

        private bool IsName(string key)
        {
            foreach (string name in _names)
            {
                if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }

        private static object? Unwrap(object? input) => input is PSObject wrapped ? wrapped.BaseObject : input;

        private static SecureString Refuse(string reason)
        {
            var marker = new SecureString();
            marker.MakeReadOnly();
            Refusals.Add(marker, reason);
            return marker;
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
