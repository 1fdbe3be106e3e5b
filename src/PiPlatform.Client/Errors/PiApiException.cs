using System;

namespace PiPlatform
{
    /// <summary>
    /// The API answered with an error: its status, its code and message, and, on payment conflicts, the
    /// payment as it stands now. Subclasses exist per kind so C# callers can catch what they handle.
    /// </summary>
    public class PiApiException : PiException
    {
        /// <summary>Creates an API error; use <see cref="Create"/> to get the subclass that fits its kind.</summary>
        public PiApiException(PiApiError error, string message, PiErrorKind kind, string? recommendedAction)
            : base(error.Code, kind, message, recommendedAction)
        {
            Error = error;
        }

        /// <summary>Everything the answer said.</summary>
        public PiApiError Error { get; }

        /// <summary>The HTTP status code.</summary>
        public int StatusCode => Error.StatusCode;

        /// <summary>The API's own message, if it gave one.</summary>
        public string? ApiMessage => Error.ApiMessage;

        /// <summary>The payment the error body carried (conflicts on payments do), or null.</summary>
        public Payment? Payment => Error.Payment;

        /// <summary>How long the server asked us to wait, if it said.</summary>
        public TimeSpan? RetryAfter => Error.RetryAfter;

        /// <summary>Builds the exception that fits the error's kind, with a message that says what it means.</summary>
        public static PiApiException Create(PiApiError error)
        {
            PiErrorInfo? info = PiErrorCatalog.Find(error.Code);
            PiErrorKind kind = info?.Kind ?? PiErrorCatalog.KindOfStatus(error.StatusCode);
            string message = Describe(error, info);
            string? action = info?.RecommendedAction;
            return kind switch
            {
                PiErrorKind.NotFound => new PiNotFoundException(error, message, kind, action),
                PiErrorKind.Authentication or PiErrorKind.PermissionDenied => new PiAuthenticationException(error, message, kind, action),
                PiErrorKind.InvalidArgument => new PiValidationException(error, message, kind, action),
                PiErrorKind.Conflict => new PiConflictException(error, message, kind, action),
                PiErrorKind.LimitExceeded => new PiRateLimitException(error, message, kind, action),
                _ => new PiApiException(error, message, kind, action),
            };
        }

        private static string Describe(PiApiError error, PiErrorInfo? info)
        {
            string what = info?.Meaning ?? $"The request failed with HTTP {error.StatusCode}.";
            string said = error.ApiMessage is { Length: > 0 } m ? $" {error.Api} said: {m}" : "";
            string codes = error.ResultCodes is { Length: > 0 } r ? $" Result codes: {r}." : "";
            string extra = error.VerificationError is { Length: > 0 } v ? $" Verification error: {v}" : "";
            string problem = error.Problem is { Length: > 0 } why ? $" It was refused: {why}" : "";
            // Set only when the answer was not the API's JSON (a proxy's page, an empty or truncated body).
            string body = error.BodySnippet != null
                ? $" Content-Type: {error.ContentType ?? "(none)"}; body starts: {(string.IsNullOrEmpty(error.BodySnippet) ? "(empty)" : error.BodySnippet)}"
                : "";
            string where = error.Api == "Pi" ? "" : error.Api + " ";
            return $"{what}{said}{codes}{extra}{problem}{body} ({where}{error.Method} {error.Path} answered {error.StatusCode} '{error.Code}')";
        }
    }

    /// <summary>A 404: the payment, user or ad does not exist for this app.</summary>
    public sealed class PiNotFoundException : PiApiException
    {
        internal PiNotFoundException(PiApiError e, string m, PiErrorKind k, string? a) : base(e, m, k, a) { }
    }

    /// <summary>The key or token was refused, or the app may not do this.</summary>
    public sealed class PiAuthenticationException : PiApiException
    {
        internal PiAuthenticationException(PiApiError e, string m, PiErrorKind k, string? a) : base(e, m, k, a) { }
    }

    /// <summary>The request's input was refused.</summary>
    public sealed class PiValidationException : PiApiException
    {
        internal PiValidationException(PiApiError e, string m, PiErrorKind k, string? a) : base(e, m, k, a) { }
    }

    /// <summary>The payment's state does not allow the operation.</summary>
    public sealed class PiConflictException : PiApiException
    {
        internal PiConflictException(PiApiError e, string m, PiErrorKind k, string? a) : base(e, m, k, a) { }
    }

    /// <summary>A rate limit or quota was hit; <see cref="PiApiException.RetryAfter"/> says when to try again.</summary>
    public sealed class PiRateLimitException : PiApiException
    {
        internal PiRateLimitException(PiApiError e, string m, PiErrorKind k, string? a) : base(e, m, k, a) { }
    }

    /// <summary>What an error answer said, parsed.</summary>
    public sealed class PiApiError
    {
        /// <summary>Which API answered: "Pi" or "Horizon" (the blockchain's).</summary>
        public string Api { get; init; } = "Pi";

        /// <summary>The HTTP method of the request.</summary>
        public string Method { get; init; } = "";

        /// <summary>The request path, without host or query.</summary>
        public string Path { get; init; } = "";

        /// <summary>The HTTP status code.</summary>
        public int StatusCode { get; init; }

        /// <summary>The API's <c>error</c> code, or this module's when the API gave none.</summary>
        public string Code { get; init; } = "";

        /// <summary>The API's <c>error_message</c> (or, for bodies with only a sentence in <c>error</c>, that sentence).</summary>
        public string? ApiMessage { get; init; }

        /// <summary>Horizon's result codes for a refused transaction, e.g. <c>tx_failed</c>, <c>op_underfunded</c>; null from Pi.</summary>
        public string? ResultCodes { get; init; }

        /// <summary>The payment the body carried, if any.</summary>
        public Payment? Payment { get; init; }

        /// <summary>The body's <c>verification_error</c>, if any.</summary>
        public string? VerificationError { get; init; }

        /// <summary>The Retry-After the server sent, if any.</summary>
        public TimeSpan? RetryAfter { get; init; }

        /// <summary>The response's content type.</summary>
        public string? ContentType { get; init; }

        /// <summary>The start of a body that was not the API's JSON (at most 200 characters).</summary>
        public string? BodySnippet { get; init; }

        /// <summary>Why a 2xx answer was refused (the reader's reason: "Payment abc: amount is negative (-1)."), or null.</summary>
        public string? Problem { get; init; }
    }
}
