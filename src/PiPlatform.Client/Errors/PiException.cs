using System;

namespace PiPlatform
{
    /// <summary>
    /// The base of every error the client raises. Messages name the operation and the API's code and text,
    /// never a header, key or token.
    /// </summary>
    public class PiException : Exception
    {
        /// <summary>Creates an error of a known code.</summary>
        public PiException(string errorCode, PiErrorKind kind, string message, string? recommendedAction, Exception? inner = null)
            : base(message, inner)
        {
            ErrorCode = errorCode;
            Kind = kind;
            RecommendedAction = recommendedAction;
        }

        /// <summary>The API's <c>error</c> code, or this module's (see <see cref="PiErrorCatalog"/>).</summary>
        public string ErrorCode { get; }

        /// <summary>The kind of failure, which decides the PowerShell ErrorCategory.</summary>
        public PiErrorKind Kind { get; }

        /// <summary>What to do next.</summary>
        public string? RecommendedAction { get; }

        /// <summary>
        /// One of the module's own errors, by its catalog code (a refused input, a check before sending, a cmdlet's own
        /// refusal): kind and next step from the catalog, and a message that is what happened, then that next step, so
        /// that the message alone tells the user what to do.
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="code"/> is not in the catalog.</exception>
        public static PiException Input(string code, string detail)
        {
            PiErrorInfo info = PiErrorCatalog.Find(code) ?? throw new ArgumentException($"'{code}' is not in the error catalog.", nameof(code));
            return new PiException(code, info.Kind, detail.TrimEnd() + " " + info.RecommendedAction, info.RecommendedAction);
        }

        /// <summary>
        /// An outcome nobody can know (<c>payment_state_unknown</c>, <c>notification_delivery_unknown</c>): the kind of
        /// the failure that left it unknown, the catalog's next step, and that failure as the inner exception.
        /// </summary>
        internal static PiException Unknown(string code, string message, PiException cause) =>
            new PiException(code, cause.Kind, message, PiErrorCatalog.Get(code).RecommendedAction, cause);
    }

    /// <summary>The request did not get an answer: a network failure or a timeout.</summary>
    public sealed class PiTransportException : PiException
    {
        internal PiTransportException(string code, string method, string path, string message, Exception? inner)
            : base(code, PiErrorCatalog.Get(code).Kind, message, PiErrorCatalog.Get(code).RecommendedAction, inner)
        {
            Method = method;
            Path = path;
        }

        /// <summary>The request's HTTP method.</summary>
        public string Method { get; }

        /// <summary>The request's path (no host, no query, no headers).</summary>
        public string Path { get; }
    }
}
