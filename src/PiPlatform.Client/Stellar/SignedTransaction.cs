using System;

namespace PiPlatform.Stellar
{
    /// <summary>
    /// A <see cref="PayoutTransaction"/> signed for one network, in the form Horizon takes it (the base64
    /// TransactionEnvelope: ENVELOPE_TYPE_TX, the transaction, one decorated signature) and the hash that names it.
    /// Resending a payout means resending this same envelope, never a rebuilt one: the same envelope cannot pay twice.
    /// </summary>
    public sealed class SignedTransaction
    {
        // A single-payment envelope is under 260 bytes (about 350 characters of base64); this allows white space and
        // refuses a huge input before anything is decoded.
        private const int MaxEnvelopeCharacters = 4096;

        private readonly byte[] _hint;
        private readonly byte[] _signature;
        private readonly byte[] _envelope;

        internal SignedTransaction(PayoutTransaction transaction, string networkPassphrase, byte[] hint, byte[] signature)
        {
            Transaction = transaction;
            NetworkPassphrase = networkPassphrase;
            _hint = hint;
            _signature = signature;
            _envelope = Envelope();
            Hash = Sha256Hash.ToHex(transaction.Hash(networkPassphrase));
            EnvelopeXdr = Convert.ToBase64String(_envelope);
        }

        /// <summary>The transaction that is signed.</summary>
        public PayoutTransaction Transaction { get; }

        /// <summary>The network the transaction was signed (or parsed) for, such as "Pi Testnet".</summary>
        public string NetworkPassphrase { get; }

        /// <summary>The transaction hash in lowercase hex: Horizon's hash and id, Pi's txid.</summary>
        public string Hash { get; }

        /// <summary>The base64 TransactionEnvelope XDR, what Horizon's POST /transactions takes as <c>tx</c>.</summary>
        public string EnvelopeXdr { get; }

        /// <summary>A copy of the 64-byte ed25519 signature.</summary>
        public byte[] Signature => (byte[])_signature.Clone();

        /// <summary>
        /// Reads an envelope of exactly the payout shape: a v1 envelope (ENVELOPE_TYPE_TX) of one native payment with
        /// ed25519 (not muxed) accounts, a text memo, time bounds or none, no extension, and exactly one 64-byte
        /// signature. Anything else, bytes left over, non-zero padding or a length over its limit is refused. The
        /// hash is computed again for <paramref name="networkPassphrase"/>; the signature is not checked here (see
        /// <see cref="IsSignedBy"/>).
        /// </summary>
        /// <exception cref="FormatException">The text is not base64 or not an envelope of that shape; the message says where.</exception>
        public static SignedTransaction Parse(string envelopeXdrBase64, string networkPassphrase)
        {
            if (envelopeXdrBase64 == null) throw new ArgumentNullException(nameof(envelopeXdrBase64));
            StellarNetwork.NetworkId(networkPassphrase); // refuses a missing passphrase before the envelope is read
            if (envelopeXdrBase64.Length > MaxEnvelopeCharacters)
            {
                throw new FormatException($"The envelope is {envelopeXdrBase64.Length} characters long; a single-payment envelope is under {MaxEnvelopeCharacters}.");
            }
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(envelopeXdrBase64.Trim());
            }
            catch (FormatException e)
            {
                throw new FormatException("The envelope is not base64 text.", e);
            }
            var xdr = new XdrReader(bytes);
            int type = xdr.ReadInt32("envelope type");
            if (type != XdrCodes.EnvelopeTypeTx)
            {
                throw XdrReader.Malformed("envelope type", type == XdrCodes.EnvelopeTypeTxV0 ? "v0 envelopes (before protocol 13) are not supported"
                    : type == XdrCodes.EnvelopeTypeTxFeeBump ? "fee-bump envelopes are not a payout" : $"{type} is not ENVELOPE_TYPE_TX");
            }
            PayoutTransaction transaction = TransactionXdr.Read(xdr);
            uint signatures = xdr.ReadUInt32("signature count");
            if (signatures != 1)
            {
                throw XdrReader.Malformed("signatures", signatures > XdrCodes.MaxSignatures
                    ? $"{signatures} is over the limit of {XdrCodes.MaxSignatures}" : $"a payout has exactly one signature, this has {signatures}");
            }
            byte[] hint = xdr.ReadFixedOpaque(XdrCodes.SignatureHintLength, "signature hint");
            byte[] signature = xdr.ReadVariableOpaque(XdrCodes.MaxSignatureLength, "signature");
            if (signature.Length != Ed25519Keys.SignatureLength)
            {
                throw XdrReader.Malformed("signature", $"an ed25519 signature has {Ed25519Keys.SignatureLength} bytes, this has {signature.Length}");
            }
            xdr.EnsureEnd();
            var parsed = new SignedTransaction(transaction, networkPassphrase, hint, signature);
            // The reader and the writer are meant to be exact inverses; this makes it so, whatever either gets wrong,
            // because the hash is computed from what was re-encoded and must be the hash of what was given.
            if (!EqualBytes(parsed._envelope, bytes))
            {
                throw new FormatException("The envelope is not in the canonical form PiPlatform writes, so its hash could not be trusted.");
            }
            return parsed;
        }

        /// <summary>
        /// Whether the signature is the ed25519 signature, by the key, of the transaction's hash on the network:
        /// the hint must be the key's last 4 bytes and the signature must verify.
        /// </summary>
        /// <exception cref="ArgumentException">The key is not 32 bytes, or the passphrase is empty.</exception>
        public bool IsSignedBy(byte[] publicKey, string networkPassphrase)
        {
            if (publicKey == null) throw new ArgumentNullException(nameof(publicKey));
            if (publicKey.Length != Ed25519Keys.PublicKeyLength)
            {
                throw new ArgumentException($"An ed25519 public key has {Ed25519Keys.PublicKeyLength} bytes, not {publicKey.Length}.", nameof(publicKey));
            }
            byte[] hash = Transaction.Hash(networkPassphrase);
            byte[] hint = HintOf(publicKey);
            for (int i = 0; i < hint.Length; i++)
            {
                if (hint[i] != _hint[i]) return false;
            }
            return Ed25519Keys.Verify(publicKey, hash, _signature);
        }

        /// <summary>The hash: what names the transaction on Horizon.</summary>
        public override string ToString() => Hash;

        /// <summary>DecoratedSignature.hint: the last 4 bytes of the public key, so a verifier can tell which key signed.</summary>
        internal static byte[] HintOf(byte[] publicKey)
        {
            var hint = new byte[XdrCodes.SignatureHintLength];
            Buffer.BlockCopy(publicKey, publicKey.Length - hint.Length, hint, 0, hint.Length);
            return hint;
        }

        private static bool EqualBytes(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i]) return false;
            }
            return true;
        }

        private byte[] Envelope()
        {
            var xdr = new XdrWriter();
            xdr.WriteInt32(XdrCodes.EnvelopeTypeTx);               // TransactionEnvelope: ENVELOPE_TYPE_TX → TransactionV1Envelope
            xdr.WriteEncoded(Transaction.ToXdr());                 //   Transaction tx
            xdr.WriteUInt32(1);                                    //   DecoratedSignature signatures<20>: one
            xdr.WriteFixedOpaque(_hint, XdrCodes.SignatureHintLength); // SignatureHint hint (opaque[4])
            xdr.WriteVariableOpaque(_signature, XdrCodes.MaxSignatureLength); // Signature signature (opaque<64>)
            return xdr.ToArray();
        }
    }
}
