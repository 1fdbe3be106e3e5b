using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;

namespace PiPlatform.Sandbox.Horizon.Xdr;

/// <summary>
/// <c>TransactionResultCode</c> values and Horizon's names for them (stellar-horizon internal/codes). Only the codes the
/// sandbox can produce are listed.
/// </summary>
internal enum TxCode
{
    Success = 0,
    Failed = -1,
    TooEarly = -2,
    TooLate = -3,
    MissingOperation = -4,
    BadSeq = -5,
    BadAuth = -6,
    InsufficientBalance = -7,
    NoAccount = -8,
    InsufficientFee = -9,
    BadAuthExtra = -10,
    NotSupported = -12,
}

/// <summary>
/// An operation's outcome: <c>OperationResultCode</c> (opINNER = 0 and the failures before it ran), then for opINNER the
/// <c>PaymentResultCode</c>.
/// </summary>
internal enum OpCode
{
    Success,
    Malformed,
    Underfunded,
    NoDestination,
    NotSupported,
}

internal static class ResultCodes
{
    public static string Name(TxCode code) => code switch
    {
        TxCode.Success => "tx_success",
        TxCode.Failed => "tx_failed",
        TxCode.TooEarly => "tx_too_early",
        TxCode.TooLate => "tx_too_late",
        TxCode.MissingOperation => "tx_missing_operation",
        TxCode.BadSeq => "tx_bad_seq",
        TxCode.BadAuth => "tx_bad_auth",
        TxCode.InsufficientBalance => "tx_insufficient_balance",
        // Horizon's name for txNO_ACCOUNT.
        TxCode.NoAccount => "tx_no_source_account",
        TxCode.InsufficientFee => "tx_insufficient_fee",
        TxCode.BadAuthExtra => "tx_bad_auth_extra",
        _ => "tx_not_supported",
    };

    public static string Name(OpCode code) => code switch
    {
        OpCode.Success => "op_success",
        OpCode.Malformed => "op_malformed",
        OpCode.Underfunded => "op_underfunded",
        OpCode.NoDestination => "op_no_destination",
        _ => "op_not_supported",
    };
}

/// <summary>Encodes a <c>TransactionResult</c> of payment operations: what Horizon returns as <c>result_xdr</c>.</summary>
internal static class TransactionResultXdr
{
    private const int OpInner = 0;
    private const int OpNotSupported = -3;
    private const int OperationPayment = 1;

    /// <summary>
    /// feeCharged, the code, the operation results (only for txSUCCESS and txFAILED, as the union says; tx-level failures
    /// carry none), ext v0.
    /// </summary>
    public static string Encode(long feeCharged, TxCode code, IReadOnlyList<OpCode>? operations)
    {
        using var buffer = new MemoryStream();
        WriteInt64(buffer, feeCharged);
        WriteInt32(buffer, (int)code);
        if (code is TxCode.Success or TxCode.Failed)
        {
            var results = operations ?? Array.Empty<OpCode>();
            WriteInt32(buffer, results.Count);
            foreach (var op in results)
            {
                WriteOperationResult(buffer, op);
            }
        }

        WriteInt32(buffer, 0);
        return Convert.ToBase64String(buffer.ToArray());
    }

    private static void WriteOperationResult(Stream buffer, OpCode op)
    {
        if (op == OpCode.NotSupported)
        {
            // Refused before it ran: the outer OperationResultCode, no inner result.
            WriteInt32(buffer, OpNotSupported);
            return;
        }

        WriteInt32(buffer, OpInner);
        WriteInt32(buffer, OperationPayment);
        WriteInt32(buffer, op switch
        {
            OpCode.Malformed => -1,
            OpCode.Underfunded => -2,
            OpCode.NoDestination => -5,
            _ => 0,
        });
    }

    private static void WriteInt32(Stream buffer, int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        buffer.Write(bytes);
    }

    private static void WriteInt64(Stream buffer, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        buffer.Write(bytes);
    }
}
