using Microsoft.AspNetCore.Http;

namespace PiPlatform.Sandbox.Json;

/// <summary>An error answer before it is written: status, the API's code, a message and the optional extras.</summary>
internal sealed record ApiError(int Status, string Code, string Message, PaymentDto? Payment = null, string? VerificationError = null)
{
    public IResult ToResult() => SandboxJson.Ok(new ErrorBody(Code, Message, Payment, VerificationError), Status);
}

/// <summary>
/// Every error the sandbox answers, in one place: codes from pi-platform-api.md, plus our own
/// (listed in README.md) where the docs are silent.
/// Conflict answers carry the current payment, as the real API's do.
/// </summary>
internal static class ApiErrors
{
    // Auth. Messages never echo the key or token that was sent.
    public static ApiError Unauthorized() => new(401, "unauthorized",
        "Missing or invalid server API key: send 'Authorization: Key <api key>'.");

    public static ApiError InvalidToken() => new(401, "invalid_token",
        "The access token is missing, unknown or expired: send 'Authorization: Bearer <access token>'.");

    // Lookups.
    public static ApiError PaymentNotFound(string id) => new(404, "payment_not_found", $"No payment with identifier '{id}'.");

    public static ApiError UserNotFound(string uid) => new(404, "user_not_found", $"No user with uid '{uid}'.");

    public static ApiError AdNotFound(string id) => new(404, "ad_not_found", $"No rewarded ad with identifier '{id}'.");

    public static ApiError RouteNotFound(string method, string path) => new(404, "not_found", $"No endpoint {method} {path}.");

    // Payment lifecycle conflicts.
    public static ApiError CancelledPayment(PaymentDto p) => new(409, "cancelled_payment",
        p.Status.UserCancelled ? "The user cancelled this payment." : "This payment was cancelled.", p);

    public static ApiError AlreadyCompleted(PaymentDto p) => new(409, "already_completed", "This payment is already completed.", p);

    public static ApiError AlreadyApproved(PaymentDto p) => new(409, "already_approved", "This payment is already approved.", p);

    public static ApiError NotApproved(PaymentDto p) => new(409, "not_approved",
        "This user-to-app payment has not been approved by the developer yet.", p);

    public static ApiError NotUserToApp(PaymentDto p) => new(409, "not_user_to_app",
        $"The user can only cancel user-to-app payments; the app cancels this app-to-user one (POST /v2/payments/{p.Identifier}/cancel).", p);

    public static ApiError PaymentTxPresent(PaymentDto p) => new(409, "payment_tx_present",
        "A blockchain transaction already exists for this payment.", p);

    public static ApiError TxidMismatch(PaymentDto p) => new(409, "txid_mismatch",
        "The txid does not match the payment's blockchain transaction.", p);

    public static ApiError NotVerified(PaymentDto p) => new(409, "not_verified",
        "The payment's blockchain transaction is not verified yet.", p);

    public static ApiError VerificationFailed(PaymentDto p) => new(400, "verification_failed",
        "The payment could not be verified against the blockchain.", p,
        "No blockchain transaction has been submitted for this payment.");

    public static ApiError NoTransaction(PaymentDto p) => new(409, "no_transaction", "This payment has no blockchain transaction.", p);

    public static ApiError OngoingPaymentFound(PaymentDto p) => new(409, "ongoing_payment_found",
        "This user already has an ongoing app-to-user payment: complete or cancel it first.", p);

    // Request validation.
    public static ApiError MissingTxid() => new(400, "missing_txid", "The body must be a JSON object with a non-empty \"txid\".");

    public static ApiError InvalidArguments(string message) => new(400, "invalid_arguments", message);

    public static ApiError InvalidAmount(string message) => new(400, "invalid_amount", message);

    public static ApiError InvalidMetadata() => new(400, "invalid_metadata", "\"metadata\" must be a JSON object.");

    public static ApiError MissingWallet(string uid) => new(400, "missing_wallet", $"The user '{uid}' has no Pi wallet yet.");

    /// <summary>Kestrel refused the request while its body was read: 413 for a body over the limit, else its own status.</summary>
    public static ApiError RequestRejected(BadHttpRequestException e, int maxBodyBytes) =>
        e.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? new(e.StatusCode, "request_too_large", $"The request body is over the sandbox's limit of {maxBodyBytes} bytes.")
            : new(e.StatusCode, "bad_request", "The request could not be read: " + e.Message);

    public static ApiError Unknown() => new(500, "unknown_error", "The sandbox failed to handle this request (a sandbox bug).");

    // The notify endpoint answers {"error": "<sentence>"} only.
    public static IResult Notify(int status, string sentence) => SandboxJson.Ok(new NotifyErrorBody(sentence), status);
}
