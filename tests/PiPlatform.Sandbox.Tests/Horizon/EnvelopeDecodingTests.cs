using System;
using System.Buffers.Binary;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests.Horizon;

/// <summary>
/// The sandbox decodes envelopes strictly: anything that is not exactly the XDR a payout uses is 400
/// transaction_malformed (the envelope echoed), and a v0 or fee-bump envelope is tx_not_supported. Nothing moves.
/// </summary>
public sealed class EnvelopeDecodingTests : HorizonTest
{
    public EnvelopeDecodingTests(SandboxFixture fixture) : base(fixture)
    {
    }

    // Offsets in a one-payment envelope with a 27-byte text memo (TestEnvelope's layout, from the .x files).
    private const int EnvelopeType = 0, Precondition = 52, MemoLength = 76, MemoPadding = 107, OperationSource = 112,
        OperationType = 116, Extension = 168;

    private byte[] Valid() => Convert.FromBase64String(
        Payout(GenesisSequence + 1, WalletOf("alice"), Pi, new string('m', 27)).Base64);

    private static string With(byte[] envelope, int offset, int value)
    {
        var copy = envelope.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(offset), value);
        return Convert.ToBase64String(copy);
    }

    [Theory]
    [InlineData("envelope_type_scp")]
    [InlineData("precond_v2")]
    [InlineData("memo_over_28_bytes")]
    [InlineData("non_zero_padding")]
    [InlineData("boolean_not_0_or_1")]
    [InlineData("create_account_operation")]
    [InlineData("soroban_extension")]
    [InlineData("trailing_bytes")]
    [InlineData("cut_short")]
    [InlineData("not_base64")]
    [InlineData("empty")]
    public async Task Anything_but_a_payout_envelope_is_transaction_malformed_and_echoed(string defect)
    {
        byte[] valid = Valid();
        string envelope = defect switch
        {
            "envelope_type_scp" => With(valid, EnvelopeType, 1),
            "precond_v2" => With(valid, Precondition, 2),
            "memo_over_28_bytes" => With(valid, MemoLength, 29),
            "non_zero_padding" => Convert.ToBase64String(valid.Select((b, i) => i == MemoPadding ? (byte)1 : b).ToArray()),
            "boolean_not_0_or_1" => With(valid, OperationSource, 2),
            "create_account_operation" => With(valid, OperationType, 0),
            "soroban_extension" => With(valid, Extension, 1),
            "trailing_bytes" => Convert.ToBase64String(valid.Concat(new byte[4]).ToArray()),
            "cut_short" => Convert.ToBase64String(valid[..^1]),
            "not_base64" => "not*base64!",
            _ => string.Empty,
        };
        Assert.Equal(0, valid[MemoPadding]);
        string before = (await LedgerAsync()).Text;

        var refused = await SubmitAsync(envelope);

        AssertProblem(HttpStatusCode.BadRequest, "transaction_malformed", refused);
        Assert.Equal(envelope, refused.Json.GetProperty("extras").GetProperty("envelope_xdr").GetString());
        Assert.Equal(before, (await LedgerAsync()).Text);
    }

    [Theory]
    [InlineData(0)] // ENVELOPE_TYPE_TX_V0: refused by core since protocol 13
    [InlineData(5)] // ENVELOPE_TYPE_TX_FEE_BUMP: valid on Stellar, not applied by the sandbox
    public async Task A_v0_or_fee_bump_envelope_is_tx_not_supported(int type)
    {
        string envelope = With(Valid(), EnvelopeType, type);

        AssertTransactionFailed(await SubmitAsync(envelope), envelope, "tx_not_supported");
        Assert.Equal(0, await IncludedTransactionsAsync());
    }

    [Fact]
    public async Task The_unmodified_envelope_is_applied()
    {
        // The baseline the defects above start from: without the defect, the same bytes are a valid payout.
        AssertStatus(HttpStatusCode.OK, await SubmitAsync(Convert.ToBase64String(Valid())));
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_415_unsupported_media_type()
    {
        using var json = new StringContent($$"""{"tx":"{{Convert.ToBase64String(Valid())}}"}""", Encoding.UTF8, "application/json");

        AssertProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type", await SendRawAsync(HttpMethod.Post, "transactions", json));
        Assert.Equal(0, await IncludedTransactionsAsync());
    }

    [Fact]
    public async Task The_tx_field_may_come_in_the_query_string_as_gos_FormValue_allows()
    {
        string envelope = Uri.EscapeDataString(Convert.ToBase64String(Valid()));

        AssertStatus(HttpStatusCode.OK, await SendRawAsync(HttpMethod.Post, $"transactions?tx={envelope}"));
    }

    [Fact]
    public async Task A_multipart_form_is_read_too()
    {
        using var form = new MultipartFormDataContent { { new StringContent(Convert.ToBase64String(Valid())), "tx" } };

        AssertStatus(HttpStatusCode.OK, await SendRawAsync(HttpMethod.Post, "transactions", form));
    }
}
