using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PiPlatform.Sandbox.Json;
using PiPlatform.Sandbox.Store;

namespace PiPlatform.Sandbox.Endpoints;

/// <summary>The /v2/payments endpoints, as the real API exposes them to the app's server (API key).</summary>
internal static class PaymentEndpoints
{
    public static void Map(IEndpointRouteBuilder keyed)
    {
        // The literal route outranks {id} in ASP.NET Core routing, as it must.
        keyed.MapGet("/v2/payments/incomplete_server_payments", (SandboxState state) =>
            SandboxJson.Ok(new IncompletePaymentsDto(state.Payments.IncompleteServerPayments())));

        keyed.MapGet("/v2/payments/{id}", (string id, SandboxState state) => Answer(state.Payments.Get(id)));

        keyed.MapPost("/v2/payments/{id}/approve", (string id, SandboxState state) =>
            Answer(state.Payments.Approve(id, state.Config.Current.RepeatApprove == SandboxConfig.RepeatApproveOk)));

        keyed.MapPost("/v2/payments/{id}/complete", CompleteAsync);

        keyed.MapPost("/v2/payments/{id}/cancel", (string id, SandboxState state) => Answer(state.Payments.Cancel(id)));

        keyed.MapPost("/v2/payments", CreateAsync);
    }

    /// <summary>The one translation from a store outcome to an HTTP answer.</summary>
    public static IResult Answer(StoreResult result, int successStatus = StatusCodes.Status200OK) =>
        result.Error is { } error ? error.ToResult() : SandboxJson.Ok(result.Payment!, successStatus);

    private static async Task<IResult> CompleteAsync(string id, HttpRequest request, SandboxState state)
    {
        var body = await RequestJson.ReadAsync(request);
        // Not trimmed: a txid with surrounding whitespace is another txid (txid_mismatch), only a blank one is missing.
        string? txid = body.Kind == BodyKind.Object ? RequestJson.GetString(body.Root, "txid") : null;
        if (string.IsNullOrWhiteSpace(txid))
        {
            // A missing payment still answers 404 first: the id is the more fundamental mistake.
            return state.Payments.Get(id).Error is { } notFound ? notFound.ToResult() : ApiErrors.MissingTxid().ToResult();
        }

        return Answer(state.Payments.Complete(id, txid));
    }

    /// <summary>POST /v2/payments: a new app-to-user payment, approved at once, with no transaction yet.</summary>
    private static async Task<IResult> CreateAsync(HttpRequest request, SandboxState state)
    {
        var body = await RequestJson.ReadAsync(request);
        if (body.Kind != BodyKind.Object
            || !body.Root.TryGetProperty("payment", out var payment)
            || payment.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            return ApiErrors.InvalidArguments("The body must be {\"payment\": {\"amount\", \"memo\", \"metadata\", \"uid\"}}.").ToResult();
        }

        return Create(state, payment, "uid", Directions.AppToUser, StatusCodes.Status200OK);
    }

    /// <summary>
    /// Creates a payment in either direction (the app's POST /v2/payments, the user's POST /sandbox/payments):
    /// the same input rules, the same user checks. A user without a wallet can neither pay nor be paid.
    /// </summary>
    public static IResult Create(SandboxState state, System.Text.Json.JsonElement body, string uidField, string direction, int successStatus)
    {
        var input = RequestJson.ReadPaymentInput(body, uidField, out var invalid);
        if (input is null)
        {
            return invalid!.ToResult();
        }

        if (!DemoData.TryGetUser(input.Uid, out var user))
        {
            return ApiErrors.UserNotFound(input.Uid).ToResult();
        }

        if (!user.HasWallet)
        {
            return ApiErrors.MissingWallet(user.Uid).ToResult();
        }

        // A payee's wallet stands for an account that existed all along: it is put on the ledger when first used.
        if (user.WalletOnLedger)
        {
            state.Ledger.EnsureAccount(user.WalletAddress!, DemoWallets.UserWalletBalance);
        }

        return Answer(state.Payments.Create(user, input, direction), successStatus);
    }
}
