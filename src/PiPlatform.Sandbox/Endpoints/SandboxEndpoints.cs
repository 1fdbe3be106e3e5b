using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PiPlatform.Sandbox.Json;
using PiPlatform.Sandbox.Store;

namespace PiPlatform.Sandbox.Endpoints;

/// <summary>
/// /sandbox/ endpoints that play the user's side (the Pi Browser and the blockchain). No auth: they are
/// not part of the real API, and a test must be able to drive them without knowing the key.
/// </summary>
internal static class SandboxEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/sandbox/users", () => SandboxJson.Ok(DemoData.Users.Select(u =>
            new SandboxUserDto(u.Uid, u.Username, u.AccessToken, u.Scopes, u.HasWallet, u.TokenExpired, u.WalletAddress)).ToList()));

        app.MapGet("/sandbox/payments", (SandboxState state) => SandboxJson.Ok(new PaymentListDto(state.Payments.All())));

        app.MapPost("/sandbox/payments", CreateUserToAppAsync);

        app.MapPost("/sandbox/payments/{id}/transaction", AttachTransactionAsync);

        app.MapPost("/sandbox/payments/{id}/verify", (string id, SandboxState state) =>
            PaymentEndpoints.Answer(state.Payments.Verify(id)));

        app.MapPost("/sandbox/payments/{id}/user_cancel", (string id, SandboxState state) =>
            PaymentEndpoints.Answer(state.Payments.UserCancel(id)));
    }

    /// <summary>What the client SDK's createPayment does: a U2A payment awaiting the app's approval.</summary>
    private static async Task<IResult> CreateUserToAppAsync(HttpRequest request, SandboxState state)
    {
        var body = await RequestJson.ReadAsync(request);
        if (body.Kind != BodyKind.Object)
        {
            return ApiErrors.InvalidArguments("The body must be {\"user_uid\", \"amount\", \"memo\", \"metadata\"?}.").ToResult();
        }

        return PaymentEndpoints.Create(state, body.Root, "user_uid", Directions.UserToApp, StatusCodes.Status201Created);
    }

    /// <summary>Body {"txid"?: 64 hex chars, generated if absent; "verified"?: bool, default true}.</summary>
    private static async Task<IResult> AttachTransactionAsync(string id, HttpRequest request, SandboxState state)
    {
        var body = await RequestJson.ReadAsync(request);
        if (body.Kind == BodyKind.Invalid)
        {
            return ApiErrors.InvalidArguments("The body must be a JSON object: {\"txid\"?, \"verified\"?}.").ToResult();
        }

        string txid = DemoData.NewTxid();
        bool verified = true;
        if (body.Kind == BodyKind.Object)
        {
            if (RequestJson.TryGetProperty(body.Root, "txid", out var given))
            {
                string? text = given.ValueKind == JsonValueKind.String ? given.GetString() : null;
                if (text is null || text.Length != 64 || !RequestJson.IsHex(text))
                {
                    return ApiErrors.InvalidArguments("\"txid\" must be 64 hexadecimal characters.").ToResult();
                }

                // Kept exactly as given: complete compares txids exactly, so a test can check a client echoes it unchanged.
                txid = text;
            }

            if (RequestJson.TryGetProperty(body.Root, "verified", out var flag))
            {
                if (flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return ApiErrors.InvalidArguments("\"verified\" must be true or false.").ToResult();
                }

                verified = flag.GetBoolean();
            }
        }

        return PaymentEndpoints.Answer(state.Payments.AttachTransaction(id, txid, verified));
    }
}
