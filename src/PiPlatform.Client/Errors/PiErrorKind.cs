namespace PiPlatform
{
    /// <summary>
    /// What kind of failure an error is. The cmdlet layer maps each kind to one PowerShell ErrorCategory;
    /// the client stays free of PowerShell types.
    /// </summary>
    public enum PiErrorKind
    {
        /// <summary>Nothing better is known.</summary>
        Unknown,

        /// <summary>The thing asked for does not exist (404).</summary>
        NotFound,

        /// <summary>The API key or access token was refused (401).</summary>
        Authentication,

        /// <summary>The caller may not do this (403, missing scope).</summary>
        PermissionDenied,

        /// <summary>The request's input is invalid (400, 422, or refused before sending).</summary>
        InvalidArgument,

        /// <summary>The payment's state does not allow this (409 and the lifecycle codes).</summary>
        Conflict,

        /// <summary>A quota or rate limit was hit (429, quotas).</summary>
        LimitExceeded,

        /// <summary>The server failed (5xx) or answered with something that is not the API's JSON.</summary>
        ServerError,

        /// <summary>The request did not reach the server, or its answer was lost.</summary>
        Network,

        /// <summary>No answer within the connection's timeout.</summary>
        Timeout,
    }
}
