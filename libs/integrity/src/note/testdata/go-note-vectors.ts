// Sources, copied verbatim (BSD-3-Clause / Apache-2.0):
//  - github.com/golang/mod, sumdb/note/note_test.go (TestNewVerifier, TestNewSigner, TestSign,
//    TestVerifierList, TestOpen): the PeterNeumann and EnochRoot keys and signatures.
//  - github.com/transparency-dev/formats, log/note_test.go (TestSumDBNoteParsing, key pairs):
//    a real sum.golang.org checkpoint and its verifier key; the Log / Known key pairs.

/** note_test.go: the key pair of "PeterNeumann". */
export const PETER_SIGNER_KEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
export const PETER_VERIFIER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
/** note_test.go TestVerifierList / TestOpen: the verifier key of "EnochRoot" (no signer key published). */
export const ENOCH_VERIFIER_KEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';

/** note_test.go TestNewVerifier: mangled keys that must be refused. */
export const BAD_VERIFIER_KEYS = [
  'PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==', // wrong length key, with adjusted key hash
  'PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // unknown algorithm, with adjusted key hash
];

/** note_test.go TestSign / TestOpen: the text, and the signature lines the Go implementation made. */
export const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
export const PETER_SIG_LINE = '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
export const ENOCH_SIG_LINE = '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';
/** note_test.go TestSign `want`: note.Sign(&Note{Text: TEXT}, PeterNeumann signer). */
export const PETER_SIGNED_NOTE =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

/** formats log/note_test.go TestSumDBNoteParsing: a checkpoint signed by sum.golang.org. */
export const SUMDB_VERIFIER_KEY = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8';
export const SUMDB_CHECKPOINT_NOTE =
  'go.sum database tree\n6476701\nmb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=\n\n— sum.golang.org Az3grsLX85Gz+s1SiTbgkuqxgItqFq7gsMUEyVnrsa9LM7Us9S+1xbFIGu95949rj4nPRYfvimWEPWL+o3GeoWwOoAw=\n';

/** formats log/note_test.go: key pairs whose key data contains '+' characters. */
export const FORMATS_KEY_PAIRS = [
  { signer: 'PRIVATE+KEY+Log+2271c621+AdEIq9FLRQni54Wg68T96VJO+iayOaulswav2DUMKgvQ', verifier: 'Log+2271c621+AemuH5ooBpEPcr+W8onrjA1NfuzBVHdezakU81Ekarvs' },
  { signer: 'PRIVATE+KEY+Known+451c786d+AQPRoE2+Z+Ed1HaHBA9F/FfracvcZ2rDU39kCecMEoci', verifier: 'Known+451c786d+AXAQ0T7lbwuY4ABJ9/MYY9bWV3hmSyOGVt2x42NkmdUH' },
  { signer: 'PRIVATE+KEY+KnownAgain+4893b26c+ARhZda/l25zjGZswYLDZsLNRzNpmv5wYTN9IoTr1OJ2+', verifier: 'KnownAgain+4893b26c+AQ+LR7BFF/F/dkpIBjBpSvT0crkteizuUkavAoGeaYMj' },
  { signer: 'PRIVATE+KEY+Unknown+fdbb2e08+Aav2knTC6orbhXX8pMWuNiWgO+Wwk2DB+h1eU2Q1W1nU', verifier: 'Unknown+fdbb2e08+AWgRIYZ+8x1Vl+1Q+sR8zciNHiYI1SdlBjNw+RV0rots' },
];

/** formats log/checkpoint_test.go TestMarshal / TestUnmarshalLogState (hashes there are not 32 bytes). */
export const CHECKPOINT_BODIES = [
  { text: 'Log\n123\nYmFuYW5hcw==\n', origin: 'Log', size: 123, hash: 'bananas' },
  { text: 'Banana\n9944\ndGhlIHZpZXcgZnJvbSB0aGUgdHJlZSB0b3BzIGlzIGdyZWF0IQ==\n', origin: 'Banana', size: 9944, hash: 'the view from the tree tops is great!' },
];
