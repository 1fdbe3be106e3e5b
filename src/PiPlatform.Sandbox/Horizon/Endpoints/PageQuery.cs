using System.Globalization;
using Microsoft.AspNetCore.Http;
using PiPlatform.Sandbox.Horizon.Json;

namespace PiPlatform.Sandbox.Horizon.Endpoints;

/// <summary>Horizon's paging parameters: order (asc, the default, or desc), limit (1 to 200, default 10), cursor (a paging token).</summary>
internal sealed record PageQuery(bool Ascending, int Limit, string? Cursor, long? CursorValue)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 200;

    /// <summary>The query, or null and the bad_request problem naming the field, as Horizon's GetPageQuery answers.</summary>
    public static PageQuery? Read(IQueryCollection query, out HorizonProblem? problem)
    {
        problem = null;
        string order = query["order"].ToString();
        if (order is not ("" or "asc" or "desc"))
        {
            problem = HorizonProblems.BadRequest("order", "order: invalid value");
            return null;
        }

        int limit = DefaultLimit;
        string limitText = query["limit"].ToString();
        if (limitText.Length > 0)
        {
            if (!long.TryParse(limitText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long given))
            {
                problem = HorizonProblems.BadRequest("limit", "unparseable value");
                return null;
            }

            if (given is <= 0 or > MaxLimit)
            {
                problem = HorizonProblems.BadRequest("limit", given <= 0
                    ? "invalid limit: non-positive value provided"
                    : $"invalid limit: value provided that is over limit max of {MaxLimit}");
                return null;
            }

            limit = (int)given;
        }

        string cursorText = query["cursor"].ToString();
        long? cursor = null;
        if (cursorText.Length > 0)
        {
            if (!long.TryParse(cursorText, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            {
                problem = HorizonProblems.BadRequest("cursor", "cursor: invalid value");
                return null;
            }

            cursor = value;
        }

        return new PageQuery(order != "desc", limit, cursorText.Length > 0 ? cursorText : null, cursor);
    }
}
