// Prints the known-answer vectors of tests/PiPlatform.Client.Tests/Stellar/ReferenceVectors.cs, made by Stellar's
// reference JavaScript library (@stellar/stellar-base, pinned in package.json), so the C# encoder is checked
// against an implementation it shares no code with. Output is C# to paste; nothing here runs in CI.
'use strict';
const crypto = require('crypto');
const sb = require('@stellar/stellar-base');
const { Keypair, Account, Asset, Memo, Operation, TransactionBuilder, Transaction, xdr } = sb;

const sha256 = (text) => crypto.createHash('sha256').update(text, 'utf8').digest();
const wallet = Keypair.fromRawEd25519Seed(sha256('PiPlatform sandbox app wallet'));
const user = Keypair.fromRawEd25519Seed(sha256('PiPlatform test user'));
const sep23 = 'GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZ';

// What a payout looks like: TransactionBuilder always writes PRECOND_TIME (setTimeout(0) means max 0).
function built(c) {
  // Account holds the current sequence; the builder uses the next one.
  const account = new Account(wallet.publicKey(), (BigInt(c.sequence) - 1n).toString());
  const builder = new TransactionBuilder(account, {
    fee: String(c.fee),
    networkPassphrase: c.network,
    timebounds: { minTime: c.minTime, maxTime: c.maxTime },
    memo: Memo.text(c.memo),
  });
  builder.addOperation(Operation.payment({ destination: c.destination, asset: Asset.native(), amount: c.amount }));
  return builder.build();
}

// PRECOND_NONE: the builder will not write it, so the Transaction is assembled from the library's XDR types.
function withoutTimeBounds(c) {
  const op = Operation.payment({ destination: c.destination, asset: Asset.native(), amount: c.amount });
  const tx = new xdr.Transaction({
    sourceAccount: sb.decodeAddressToMuxedAccount(wallet.publicKey()),
    fee: c.fee,
    seqNum: xdr.SequenceNumber.fromString(c.sequence),
    cond: xdr.Preconditions.precondNone(),
    memo: Memo.text(c.memo).toXDRObject(),
    operations: [op],
    ext: new xdr.TransactionExt(0),
  });
  const envelope = xdr.TransactionEnvelope.envelopeTypeTx(new xdr.TransactionV1Envelope({ tx, signatures: [] }));
  return new Transaction(envelope, c.network);
}

const cases = [
  { name: 'OnePiOnTestnet', network: 'Pi Testnet', sequence: '1234567890123', fee: 100000,
    minTime: 1750000000, maxTime: 1750000180, memo: 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4', destination: user.publicKey(), amount: '1' },
  { name: 'OneStroopOnMainnetNoMaxTime', network: 'Pi Network', sequence: '1', fee: 100000,
    minTime: 0, maxTime: 0, memo: 'x', destination: sep23, amount: '0.0000001' },
  { name: 'SevenDecimalsUtf8Memo', network: 'Pi Testnet', sequence: '98765432109876', fee: 100,
    minTime: 0, maxTime: 1750000180, memo: 'Pi \u2713 payout', destination: user.publicKey(), amount: '123.4567891' },
  { name: 'LargestValuesNoTimeBounds', network: 'Pi Network', sequence: '9223372036854775807', fee: 4294967295,
    noTimeBounds: true, memo: '\u03c0'.repeat(14), destination: sep23, amount: '922337203685.4775807' },
];

const lines = [];
lines.push(`// @stellar/stellar-base ${require('@stellar/stellar-base/package.json').version}, node ${process.version}`);
lines.push('// SHA-256 of "PiPlatform sandbox app wallet" as a raw ed25519 seed, and its keys in StrKey form:');
lines.push(`public const string WalletSeed = "${wallet.secret()}";`);
lines.push(`public const string WalletAccountId = "${wallet.publicKey()}";`);
lines.push(`public const string UserAccountId = "${user.publicKey()}"; // seed: SHA-256 of "PiPlatform test user"`);
lines.push(`public const string Sep23AccountId = "${sep23}";`);
lines.push(`public const string PiNetworkId = "${sb.hash(Buffer.from('Pi Network', 'utf8')).toString('hex')}";`);
lines.push(`public const string PiTestnetId = "${sb.hash(Buffer.from('Pi Testnet', 'utf8')).toString('hex')}";`);
for (const c of cases) {
  const tx = c.noTimeBounds ? withoutTimeBounds(c) : built(c);
  tx.sign(wallet);
  const hash = tx.hash();
  const signature = tx.signatures[0].signature();
  if (!wallet.verify(hash, signature)) throw new Error(`${c.name}: the library's own signature does not verify`);
  const envelope = tx.toEnvelope().toXDR('base64');
  // Decode what was printed, so a vector that stellar-base itself would not read back is never printed.
  const back = TransactionBuilder.fromXDR(envelope, c.network);
  if (back.hash().toString('hex') !== hash.toString('hex')) throw new Error(`${c.name}: no round trip`);
  lines.push(`public static readonly Vector ${c.name} = new Vector(`);
  lines.push(`    Network: ${JSON.stringify(c.network)}, Sequence: ${c.sequence}, Fee: ${c.fee}u,`);
  lines.push(c.noTimeBounds ? '    MinTime: null, MaxTime: null,' : `    MinTime: ${c.minTime}, MaxTime: ${c.maxTime},`);
  lines.push(`    Memo: ${JSON.stringify(c.memo).replace(/[\u0080-\uffff]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'))},`);
  lines.push(`    Destination: ${c.destination === sep23 ? 'Sep23AccountId' : 'UserAccountId'}, Amount: "${c.amount}", Formatted: "${tx.operations[0].amount}", Stroops: ${tx.tx.operations()[0].body().paymentOp().amount().toString()},`);
  lines.push(`    TransactionXdr: "${tx.tx.toXDR('base64')}",`);
  lines.push(`    Hash: "${hash.toString('hex')}",`);
  lines.push(`    Signature: "${signature.toString('base64')}",`);
  lines.push(`    EnvelopeXdr: "${envelope}");`);
}
console.log(lines.join('\n'));
