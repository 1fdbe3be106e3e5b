using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PiPlatform.Sandbox.Horizon.Json;
using PiPlatform.Sandbox.Store;

namespace PiPlatform.Sandbox.Horizon.Endpoints;

/// <summary>
/// Horizon's read endpoints that a payout uses: the root (network passphrase, and the clock in the Date header), an
/// account (its sequence number), the fee stats (the base fee). Horizon needs no key: no auth filter here.
/// </summary>
internal static class HorizonEndpoints
{
    /// <summary>Horizon's reason for an account id it cannot decode (stellar-horizon internal/actions/validators.go).</summary>
    public const string InvalidAccountId = "Account ID must start with `G` and contain 56 alphanum characters";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpRequest request, SandboxState state) => HorizonJson.Ok(HorizonResources.Root(BaseUrl(request), state.Ledger)));

        app.MapGet("/accounts/{account_id}", (string account_id, HttpRequest request, SandboxState state) =>
        {
            if (StrKey.DecodeAccountId(account_id) is null)
            {
                return HorizonProblems.BadRequest("account_id", InvalidAccountId).ToResult();
            }

            return state.Ledger.Account(account_id) is { } account
                ? HorizonJson.Ok(HorizonResources.Account(BaseUrl(request), account))
                : HorizonProblems.NotFound().ToResult();
        });

        app.MapGet("/fee_stats", (SandboxState state) => HorizonJson.Ok(HorizonResources.FeeStats(state.Ledger)));
    }

    /// <summary>The URL the client reached the sandbox at, without a trailing slash: Horizon builds its links on its own URL.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
