using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace PiPlatform.Sandbox.Json;

/// <summary>The one serializer configuration and the one way answers are written.</summary>
internal static class SandboxJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            // Dictionary keys are data (route templates, payment ids): written as they are.
            DictionaryKeyPolicy = null,
            // A local test tool: keep memos and metadata readable rather than \u-escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }

    public static IResult Ok(object value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, Options, ContentType, status);
}
