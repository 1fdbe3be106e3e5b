using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform.Http
{
    /// <summary>An HTTP answer, read whole: its status, body (at most the size cap), content type, Retry-After and Date.</summary>
    internal readonly struct Answer
    {
        public Answer(int status, byte[] body, string? contentType, TimeSpan? retryAfter, DateTimeOffset? date = null)
        {
            Status = status;
            Body = body;
            ContentType = contentType;
            RetryAfter = retryAfter;
            Date = date;
        }

        public int Status { get; }
        public byte[] Body { get; }
        public string? ContentType { get; }
        public TimeSpan? RetryAfter { get; }

        /// <summary>The server's clock when it answered (the Date header), if it said.</summary>
        public DateTimeOffset? Date { get; }

        public bool IsSuccess => Status >= 200 && Status < 300;

        /// <summary>
        /// Reads the body, refusing it once it passes <paramref name="maxBytes"/>: counted on the decompressed stream, so a
        /// small gzip body that inflates to hundreds of MB is stopped at the cap, not after it has filled memory.
        /// </summary>
        /// <exception cref="AnswerTooLargeException">The body is over the cap.</exception>
        public static async Task<Answer> ReadAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancel)
        {
            HttpContent content = response.Content;
            long? declared = content.Headers.ContentLength;
            if (declared > maxBytes) throw new AnswerTooLargeException(declared.Value);
            using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            // Most answers declare their length (a payment is ~1 KB): read straight into an array of that size. Otherwise
            // (chunked, or decompressed on the way) grow a pooled buffer, checking the cap as it fills.
            byte[] body = declared is long exact
                ? await ReadExactAsync(stream, (int)exact, cancel).ConfigureAwait(false)
                : await ReadCappedAsync(stream, maxBytes, cancel).ConfigureAwait(false);
            return new Answer((int)response.StatusCode, body, content.Headers.ContentType?.ToString(), RetryAfterOf(response), response.Headers.Date);
        }

        private static async Task<byte[]> ReadExactAsync(Stream stream, int length, CancellationToken cancel)
        {
            var body = new byte[length];
            int filled = 0, read;
            while (filled < length && (read = await stream.ReadAsync(body, filled, length - filled, cancel).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }
            // Fewer bytes than declared: the connection broke mid-answer (a truncated body).
            if (filled < length) throw new IOException($"The answer ended after {filled} of the {length} bytes it declared.");
            // More than declared would be a protocol error the handler itself reports; nothing more is read here.
            return body;
        }

        private static async Task<byte[]> ReadCappedAsync(Stream stream, long maxBytes, CancellationToken cancel)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                using var body = new MemoryStream();
                int read;
                while ((read = await stream.ReadAsync(buffer, 0, buffer.Length, cancel).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > maxBytes) throw new AnswerTooLargeException(null);
                    body.Write(buffer, 0, read);
                }
                return body.ToArray();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
        {
            RetryConditionHeaderValue? retry = response.Headers.RetryAfter;
            if (retry?.Delta is TimeSpan delta) return delta;
            if (retry?.Date is DateTimeOffset date)
            {
                TimeSpan wait = date - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
            return null;
        }
    }

    /// <summary>An answer over the size cap; the transport turns it into <c>response_too_large</c>.</summary>
    internal sealed class AnswerTooLargeException : Exception
    {
        public AnswerTooLargeException(long? declared)
            : base(declared is long n ? $"the answer declares {n} bytes" : "the answer grew past the cap while it was read")
        {
        }
    }
}
