using System;

namespace PiPlatform.Stellar
{
    /// <summary>
    /// The XDR layout of a <see cref="PayoutTransaction"/> (stellar-xdr, Stellar-transaction.x, struct Transaction),
    /// writing and strict reading side by side so that the two can be checked against each other and the .x file.
    /// Reading accepts exactly what writing produces and refuses everything else by name.
    /// </summary>
    internal static class TransactionXdr
    {
        private const int KeyLength = 32;

        public static byte[] Write(PayoutTransaction tx, byte[] sourceKey, byte[] memo, byte[] destinationKey)
        {
            var xdr = new XdrWriter();
            WriteAccount(xdr, sourceKey);                          // MuxedAccount sourceAccount
            xdr.WriteUInt32(tx.Fee);                               // uint32 fee
            xdr.WriteInt64(tx.Sequence);                           // SequenceNumber seqNum (int64)
            if (tx.HasTimeBounds)                                  // Preconditions cond
            {
                xdr.WriteInt32(XdrCodes.PrecondTime);
                xdr.WriteUInt64(tx.MinTime);                       // TimeBounds { TimePoint minTime; TimePoint maxTime; }
                xdr.WriteUInt64(tx.MaxTime);
            }
            else
            {
                xdr.WriteInt32(XdrCodes.PrecondNone);
            }
            xdr.WriteInt32(XdrCodes.MemoText);                     // Memo memo: MEMO_TEXT string text<28>
            xdr.WriteVariableOpaque(memo, XdrCodes.MaxMemoTextBytes);
            xdr.WriteUInt32(1);                                    // Operation operations<100>: one
            xdr.WriteBool(false);                                  //   MuxedAccount* sourceAccount: absent
            xdr.WriteInt32(XdrCodes.OperationPayment);             //   body: PAYMENT
            WriteAccount(xdr, destinationKey);                     //     PaymentOp { MuxedAccount destination;
            xdr.WriteInt32(XdrCodes.AssetTypeNative);              //                 Asset asset (native: void);
            xdr.WriteInt64(tx.AmountStroops);                      //                 int64 amount; }
            xdr.WriteInt32(0);                                     // ext: v 0
            return xdr.ToArray();
        }

        public static PayoutTransaction Read(XdrReader xdr)
        {
            string source = ReadAccount(xdr, "source account");
            uint fee = xdr.ReadUInt32("fee");
            long sequence = xdr.ReadInt64("sequence number");
            int condition = xdr.ReadInt32("preconditions");
            bool hasTimeBounds;
            ulong minTime = 0, maxTime = 0;
            switch (condition)
            {
                case XdrCodes.PrecondNone:
                    hasTimeBounds = false;
                    break;
                case XdrCodes.PrecondTime:
                    hasTimeBounds = true;
                    minTime = xdr.ReadUInt64("minimum time");
                    maxTime = xdr.ReadUInt64("maximum time");
                    break;
                case XdrCodes.PrecondV2:
                    throw XdrReader.Malformed("preconditions", "PRECOND_V2 (ledger bounds, minimum sequence, extra signers) is not part of a payout");
                default:
                    throw XdrReader.Malformed("preconditions", $"{condition} is not a precondition type");
            }
            int memoType = xdr.ReadInt32("memo type");
            if (memoType != XdrCodes.MemoText)
            {
                throw XdrReader.Malformed("memo", memoType == XdrCodes.MemoNone ? "a payout needs a text memo (the payment id), this has none" : $"type {memoType} is not MEMO_TEXT");
            }
            string memo = ReadMemo(xdr);
            uint operations = xdr.ReadUInt32("operation count");
            if (operations != 1) throw XdrReader.Malformed("operations", $"a payout has exactly one operation, this has {operations}");
            if (xdr.ReadBool("operation source account"))
            {
                throw XdrReader.Malformed("operation", "it has its own source account; a payout's payment is paid by the transaction's source");
            }
            int operationType = xdr.ReadInt32("operation type");
            if (operationType != XdrCodes.OperationPayment) throw XdrReader.Malformed("operation", $"type {operationType} is not PAYMENT");
            string destination = ReadAccount(xdr, "destination");
            int asset = xdr.ReadInt32("asset");
            if (asset != XdrCodes.AssetTypeNative) throw XdrReader.Malformed("asset", $"type {asset} is not the native asset (Pi)");
            long amount = xdr.ReadInt64("amount");
            int ext = xdr.ReadInt32("transaction extension");
            if (ext != 0) throw XdrReader.Malformed("transaction extension", $"v{ext} (Soroban data) is not part of a payout");
            try
            {
                return hasTimeBounds
                    ? new PayoutTransaction(source, sequence, fee, minTime, maxTime, memo, destination, amount)
                    : new PayoutTransaction(source, sequence, fee, memo, destination, amount);
            }
            catch (ArgumentException e)
            {
                // Every field decoded, but a value breaks a rule (sequence or amount not positive, time bounds backwards).
                throw new FormatException($"The envelope's transaction is not a valid payment: {e.Message}", e);
            }
        }

        private static void WriteAccount(XdrWriter xdr, byte[] key)
        {
            xdr.WriteInt32(XdrCodes.KeyTypeEd25519);
            xdr.WriteFixedOpaque(key, KeyLength);
        }

        private static string ReadAccount(XdrReader xdr, string field)
        {
            int type = xdr.ReadInt32(field);
            if (type != XdrCodes.KeyTypeEd25519)
            {
                throw XdrReader.Malformed(field, type == XdrCodes.KeyTypeMuxedEd25519 ? "muxed accounts (M...) are not supported" : $"key type {type} is not KEY_TYPE_ED25519");
            }
            return StrKey.EncodeAccountId(xdr.ReadFixedOpaque(KeyLength, field));
        }

        private static string ReadMemo(XdrReader xdr)
        {
            byte[] bytes = xdr.ReadVariableOpaque(XdrCodes.MaxMemoTextBytes, "memo");
            try
            {
                return PayoutTransaction.MemoFromBytes(bytes);
            }
            catch (ArgumentException e)
            {
                throw new FormatException("The envelope's memo is malformed: it is not valid UTF-8 text.", e);
            }
        }
    }
}
