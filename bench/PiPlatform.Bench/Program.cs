using System;
using System.Threading.Tasks;

namespace PiPlatform.Bench;

/// <summary>
/// One executable for the benchmark's C# parts: the ceiling client, and the driver's untimed setup against the
/// sandbox (fresh payments to approve, the seeded ids). See bench/README.md.
/// </summary>
internal static class Program
{
    private const string Usage =
        "Usage:\n"
        + "  PiPlatform.Bench ceiling --base-uri U --ids FILE --op get|approve --width N [--warmup-id ID] [--api-key K]\n"
        + "  PiPlatform.Bench create-payments --base-uri U --count N --out FILE\n"
        + "  PiPlatform.Bench list-ids --base-uri U --count N --out FILE\n"
        + "  PiPlatform.Bench warm-up --base-uri U --count N";

    private static async Task<int> Main(string[] args)
    {
        try
        {
            if (args.Length == 0)
            {
                throw new UsageException("No command given.");
            }

            var options = Options.Parse(args.AsSpan(1));
            switch (args[0])
            {
                case "ceiling":
                    return await CeilingClient.RunAsync(options);
                case "create-payments":
                    await SandboxSetup.CreatePaymentsAsync(options);
                    return 0;
                case "list-ids":
                    await SandboxSetup.ListIdsAsync(options);
                    return 0;
                case "warm-up":
                    await SandboxSetup.WarmUpAsync(options);
                    return 0;
                default:
                    throw new UsageException($"Unknown command '{args[0]}'.");
            }
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }
}
