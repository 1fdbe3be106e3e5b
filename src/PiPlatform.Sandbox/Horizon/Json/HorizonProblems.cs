using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;
using PiPlatform.Sandbox.Horizon.Xdr;

namespace PiPlatform.Sandbox.Horizon.Json;

/// <summary>An RFC 7807 problem before it is written; <see cref="Type"/> is Horizon's short name (e.g. "not_found").</summary>
internal sealed record HorizonProblem(int Status, string Type, string Title, string Detail, IReadOnlyDictionary<string, object>? Extras = null)
{
    /// <summary>Horizon prefixes every problem type with this (go-stellar-sdk support/render/problem DefaultServiceHost).</summary>
    public const string TypePrefix = "https://stellar.org/horizon-errors/";

    public IResult ToResult() =>
        Results.Json(new ProblemBody(TypePrefix + Type, Title, Status, Detail, Extras), HorizonJson.Options, HorizonJson.ProblemContentType, Status);

    private sealed record ProblemBody(string Type, string Title, int Status, string Detail, IReadOnlyDictionary<string, object>? Extras);
}

/// <summary>
/// Every problem the sandbox's Horizon answers, with Horizon's types, titles and details (stellar-horizon
/// internal/render/problem, internal/actions/submit_transaction.go, go-stellar-sdk support/render/problem).
/// </summary>
internal static class HorizonProblems
{
    public static HorizonProblem NotFound() => new(404, "not_found", "Resource Missing",
        "The resource at the url requested was not found.  This usually occurs for one of two reasons:  The url requested "
        + "is not valid, or no data in our database could be found with the parameters provided.");

    /// <summary>A bad parameter: Horizon names it in extras.invalid_field, with the reason.</summary>
    public static HorizonProblem BadRequest(string field, string reason) => new(400, "bad_request", "Bad Request",
        "The request you sent was invalid in some way.",
        new Dictionary<string, object> { ["invalid_field"] = field, ["reason"] = reason });

    /// <summary>Kestrel refused the request (a body over the limit, a broken chunk), with its status.</summary>
    public static HorizonProblem RequestRejected(int status, string reason) => new(status, "bad_request", "Bad Request",
        "The request you sent was invalid in some way: " + reason);

    public static HorizonProblem UnsupportedMediaType() => new(415, "unsupported_media_type", "Unsupported Media Type",
        "The request has an unsupported content type. Presently, the only supported content type is application/x-www-form-urlencoded.");

    public static HorizonProblem ServerError() => new(500, "server_error", "Internal Server Error",
        "An error occurred while processing this request.  This is usually due to a bug within the server software.  "
        + "Trying this request again may succeed if the bug is transient. Otherwise, please contact the system administrator.");

    public static HorizonProblem TransactionMalformed(string envelopeXdr) => new(400, "transaction_malformed", "Transaction Malformed",
        "Horizon could not decode the transaction envelope in this request. A transaction should be an XDR TransactionEnvelope "
        + "struct encoded using base64.  The envelope read from this request is echoed in the `extras.envelope_xdr` field of "
        + "this response for your convenience.",
        new Dictionary<string, object> { ["envelope_xdr"] = envelopeXdr });

    /// <summary>Core refused the transaction, or it failed in an operation: the codes, and the TransactionResult XDR.</summary>
    public static HorizonProblem TransactionFailed(string envelopeXdr, string resultXdr, TxCode code, IReadOnlyList<OpCode>? operations)
    {
        var resultCodes = new Dictionary<string, object> { ["transaction"] = ResultCodes.Name(code) };
        if (operations is { Count: > 0 })
        {
            resultCodes["operations"] = operations.Select(ResultCodes.Name).ToList();
        }

        return new(400, "transaction_failed", "Transaction Failed",
            "The transaction failed when submitted to the stellar network. The `extras.result_codes` field on this response "
            + "contains further details.  Descriptions of each code can be found at: "
            + "https://developers.stellar.org/api/errors/http-status-codes/horizon-specific/transaction-failed/",
            new Dictionary<string, object> { ["envelope_xdr"] = envelopeXdr, ["result_xdr"] = resultXdr, ["result_codes"] = resultCodes });
    }
}
