namespace PiPlatform.Http
{
    /// <summary>Whether a failed state change may still have happened at Pi: the one rule every reconciling caller uses.</summary>
    internal static class Outcome
    {
        /// <summary>
        /// True when the answer does not say whether the request was applied: no answer (a network error, a reset, a
        /// timeout, an answer over the size cap), a 408 or 5xx, or an answer that is not the API's (a truncated body,
        /// a proxy's page). A 4xx with the API's code, or a 429, says it was not.
        /// </summary>
        public static bool IsUnclear(PiException error) =>
            error is PiTransportException ||
            (error is PiApiException api && (api.StatusCode >= 500 || api.StatusCode == 408 || api.ErrorCode == PiErrorCatalog.UnexpectedResponse));
    }
}
