using System;
using System.Text.Json;

namespace PiPlatform.Bench;

/// <summary>The line printed once the client is connected and warmed up, before it waits for "go".</summary>
internal sealed record ReadyLine(bool Ready, double StartupMs);

/// <summary>The one result line of a timed run; the driver trusts no run whose failed count is not 0.</summary>
internal sealed record ResultLine(string Client, string Op, int Width, int Count, int Ok, int Failed, double WallMs, string? FirstError);

/// <summary>
/// The handshake every benchmark client speaks (bench/README.md, "The client protocol"): print ready, wait for
/// "go" on stdin, run, print the result, then stay alive until stdin closes so the driver can read this
/// process's CPU time and peak memory from /proc while it still exists.
/// </summary>
internal static class ClientProtocol
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Ready(TimeSpan startup)
    {
        WriteLine(new ReadyLine(true, startup.TotalMilliseconds));
        string? line = Console.In.ReadLine();
        if (line != "go")
        {
            throw new InvalidOperationException($"Expected 'go' on stdin, got '{line}'.");
        }
    }

    public static void Finish(ResultLine result)
    {
        WriteLine(result);
        Console.In.ReadToEnd();
    }

    private static void WriteLine<T>(T line)
    {
        Console.Out.WriteLine(JsonSerializer.Serialize(line, Json));
        Console.Out.Flush();
    }
}
