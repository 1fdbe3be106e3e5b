using System;
using System.Collections.Generic;
using System.Globalization;

namespace PiPlatform.Bench;

/// <summary>A wrong command line: reported with the usage text and exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>"--name value" pairs; the driver always passes every option, so the grammar stays this small.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Options Parse(ReadOnlySpan<string> args)
    {
        var options = new Options();
        for (int i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new UsageException($"Expected '--name value' at '{args[i]}'.");
            }

            options._values[args[i][2..]] = args[i + 1];
        }

        return options;
    }

    public string Text(string name) =>
        _values.TryGetValue(name, out string? value) ? value : throw new UsageException($"Missing --{name}.");

    public string? OptionalText(string name) => _values.TryGetValue(name, out string? value) ? value : null;

    public int PositiveInt(string name) =>
        int.TryParse(Text(name), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new UsageException($"--{name} must be a positive integer.");

    public Uri BaseUri(string name)
    {
        string text = Text(name);
        // A trailing slash, so relative paths like "v2/payments/x" land under it rather than replace its last segment.
        return Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri)
            ? uri
            : throw new UsageException($"--{name} must be an absolute URI.");
    }
}
