namespace PiPlatform.Stellar
{
    /// <summary>
    /// The union tags and limits of stellar-xdr that a payment uses, with the .x file each comes from
    /// (github.com/stellar/stellar-xdr), so that every number here can be checked against its source.
    /// </summary>
    internal static class XdrCodes
    {
        // Stellar-types.x: enum CryptoKeyType; MuxedAccount switches on it (Stellar-transaction.x).
        public const int KeyTypeEd25519 = 0;
        public const int KeyTypeMuxedEd25519 = 0x100;

        // Stellar-ledger-entries.x: enum EnvelopeType. ENVELOPE_TYPE_TX tags both the v1 envelope and the signature payload.
        public const int EnvelopeTypeTxV0 = 0;
        public const int EnvelopeTypeTx = 2;
        public const int EnvelopeTypeTxFeeBump = 5;

        // Stellar-transaction.x: enum PreconditionType.
        public const int PrecondNone = 0;
        public const int PrecondTime = 1;
        public const int PrecondV2 = 2;

        // Stellar-transaction.x: enum MemoType; Memo's MEMO_TEXT is string text<28>.
        public const int MemoNone = 0;
        public const int MemoText = 1;
        public const int MaxMemoTextBytes = 28;

        // Stellar-transaction.x: enum OperationType; Transaction.operations<MAX_OPS_PER_TX = 100>.
        public const int OperationPayment = 1;
        public const int MaxOperations = 100;

        // Stellar-ledger-entries.x: enum AssetType.
        public const int AssetTypeNative = 0;

        // Stellar-transaction.x: TransactionV1Envelope.signatures<20>; Stellar-types.x: SignatureHint opaque[4], Signature opaque<64>.
        public const int MaxSignatures = 20;
        public const int SignatureHintLength = 4;
        public const int MaxSignatureLength = 64;
    }
}
