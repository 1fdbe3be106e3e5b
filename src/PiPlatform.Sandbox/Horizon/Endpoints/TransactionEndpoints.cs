using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using PiPlatform.Sandbox.Horizon.Json;
using PiPlatform.Sandbox.Horizon.Xdr;
using PiPlatform.Sandbox.Store;

namespace PiPlatform.Sandbox.Horizon.Endpoints;

/// <summary>Submitting a transaction (Horizon's synchronous POST /transactions), reading one back, and listing them.</summary>
internal static class TransactionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/transactions", SubmitAsync);

        app.MapGet("/transactions/{tx_id}", (string tx_id, HttpRequest request, SandboxState state) =>
        {
            // Horizon's GetTransactionID: 64 lowercase hex digits.
            if (tx_id.Length != 64 || !IsLowerHex(tx_id))
            {
                return HorizonProblems.BadRequest("tx_id", "invalid hash format").ToResult();
            }

            return state.Ledger.Transaction(tx_id) is { } tx
                ? HorizonJson.Ok(HorizonResources.Transaction(HorizonEndpoints.BaseUrl(request), tx))
                : HorizonProblems.NotFound().ToResult();
        });

        app.MapGet("/transactions", (HttpRequest request, SandboxState state) => Page(request, state, null));

        app.MapGet("/accounts/{account_id}/transactions", (string account_id, HttpRequest request, SandboxState state) =>
            StrKey.DecodeAccountId(account_id) is null
                ? HorizonProblems.BadRequest("account_id", HorizonEndpoints.InvalidAccountId).ToResult()
                // An account with no transactions (or none at all) is an empty page, as in Horizon.
                : Page(request, state, account_id));
    }

    private static IResult Page(HttpRequest request, SandboxState state, string? account)
    {
        if (PageQuery.Read(request.Query, out var problem) is not { } query)
        {
            return problem!.ToResult();
        }

        var records = state.Ledger.Transactions(account, query.Ascending, query.CursorValue, query.Limit);
        string path = account is null ? "/transactions" : $"/accounts/{account}/transactions";
        return HorizonJson.Ok(HorizonResources.TransactionPage(HorizonEndpoints.BaseUrl(request), path, records, query.Ascending, query.Limit, query.Cursor));
    }

    /// <summary>
    /// Form field <c>tx</c>: the base64 envelope. Decoded strictly (transaction_malformed otherwise), then submitted: the
    /// transaction (200), or transaction_failed with the result codes, for a refusal and for an operation that failed.
    /// </summary>
    private static async Task<IResult> SubmitAsync(HttpRequest request, SandboxState state)
    {
        // Horizon's validateBodyType: no content type, a form, or a multipart form.
        if (request.ContentType is { } contentType
            && (!MediaTypeHeaderValue.TryParse(contentType, out var media)
                || !(media.MediaType.Equals("application/x-www-form-urlencoded", System.StringComparison.OrdinalIgnoreCase)
                     || media.MediaType.Equals("multipart/form-data", System.StringComparison.OrdinalIgnoreCase))))
        {
            return HorizonProblems.UnsupportedMediaType().ToResult();
        }

        string raw;
        try
        {
            // Like Go's FormValue: the form body first, then the query string.
            raw = request.HasFormContentType ? (await request.ReadFormAsync(request.HttpContext.RequestAborted))["tx"].ToString() : string.Empty;
        }
        catch (InvalidDataException e)
        {
            return HorizonProblems.BadRequest("tx", e.Message).ToResult();
        }

        if (raw.Length == 0)
        {
            raw = request.Query["tx"].ToString();
        }

        TransactionEnvelope envelope;
        try
        {
            envelope = EnvelopeDecoder.Decode(raw);
        }
        catch (XdrException)
        {
            return HorizonProblems.TransactionMalformed(raw).ToResult();
        }

        var outcome = state.Ledger.Submit(envelope, raw, HorizonEndpoints.BaseUrl(request) + "/");
        if (outcome.Rejection is { } refused)
        {
            return HorizonProblems.TransactionFailed(raw, refused.ResultXdr, refused.Code, refused.Operations).ToResult();
        }

        var tx = outcome.Transaction!;
        return tx.Successful
            ? HorizonJson.Ok(HorizonResources.Transaction(HorizonEndpoints.BaseUrl(request), tx))
            : HorizonProblems.TransactionFailed(raw, tx.ResultXdr, TxCode.Failed, tx.Payments.Select(p => p.Result).ToList()).ToResult();
    }

    private static bool IsLowerHex(string value)
    {
        foreach (char c in value)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }
}
