// Pseudonymous person keys for de-identified exports (issue 5 item 3): HMAC-SHA-256 under a
// unit export key, so the same key gives the same token across exports (a researcher can
// follow a person over months) while without the key tokens cannot be linked back to patient
// ids — nor guessed by hashing candidate ids, as a plain hash could be. Pure: no I/O.
import { createHmac, randomBytes, scrypt } from 'node:crypto';

export const PSEUDONYM_CONTEXT = 'acogida-export-v1';
/** 10 bytes = 80 bits: at 100 000 people the chance of any collision is about 4·10⁻¹⁵. */
export const PSEUDONYM_BYTES = 10;
export const EXPORT_KEY_BYTES = 32;
export const EXPORT_SALT_BYTES = 16;
/**
 * scrypt, not HKDF: HKDF only spreads entropy that is already there, and an admin passphrase
 * has little, so the derivation must make each guess expensive (memory-hard, ~32 MiB).
 */
export const EXPORT_KEY_SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding: case-insensitive and free of look-alike punctuation for spreadsheets. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

function checkKey(key: Uint8Array): void {
  if (key.length < EXPORT_KEY_BYTES) throw new RangeError(`an export key has at least ${EXPORT_KEY_BYTES} bytes, got ${key.length}`);
}

/**
 * A 16-character token for a patient id. The context separates uses of one key (another
 * context gives unrelated tokens), so different exports can be made unlinkable on purpose.
 */
export function pseudonym(key: Buffer, patientId: number, context: string = PSEUDONYM_CONTEXT): string {
  checkKey(key);
  if (!Number.isSafeInteger(patientId) || patientId < 0) throw new RangeError(`a patient id is a non-negative integer, got ${patientId}`);
  // The NUL separator keeps (context, id) pairs from running into each other.
  if (context.length === 0 || context.includes('\0')) throw new RangeError('the context is a non-empty string without NUL');
  const mac = createHmac('sha256', key).update(`${context}\0${patientId}`, 'utf8').digest();
  return base32(mac.subarray(0, PSEUDONYM_BYTES));
}

/** A random unit export key (kept like the database key, never written into an export). */
export function newUnitExportKey(): Buffer {
  return randomBytes(EXPORT_KEY_BYTES);
}

/** The random per-unit salt stored next to the unit's settings; it is not secret. */
export function newExportSalt(): Buffer {
  return randomBytes(EXPORT_SALT_BYTES);
}

/** The export key from an admin's export passphrase and the unit's salt (same inputs → same key). */
export function deriveExportKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  if (passphrase.length === 0) return Promise.reject(new RangeError('the export passphrase is empty'));
  if (salt.length < EXPORT_SALT_BYTES) return Promise.reject(new RangeError(`the salt has at least ${EXPORT_SALT_BYTES} bytes, got ${salt.length}`));
  return new Promise((resolve, reject) => {
    // NFC so that the same passphrase typed on different keyboards gives the same key.
    scrypt(passphrase.normalize('NFC'), salt, EXPORT_KEY_BYTES, EXPORT_KEY_SCRYPT, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
