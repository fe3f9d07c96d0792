// keyring.json: the data key, never stored in clear, wrapped (AES-256-GCM) once per unlock method.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hashRaw } from '@node-rs/argon2';
import { StoreError } from './errors';
import { decodeRecoveryKey } from './recovery-key';

/** OWASP Password Storage Cheat Sheet: Argon2id, m ≥ 19 MiB, t ≥ 2, p = 1. We spend more: unlock is rare. */
export const PASSPHRASE_KDF = { memoryKiB: 65536, iterations: 3, parallelism: 1 } as const;

const ARGON2ID = 2; // @node-rs/argon2 Algorithm.Argon2id (a const enum, not importable under isolatedModules)

interface Wrapped {
  iv: string;
  tag: string;
  ciphertext: string;
}

export type KeyringSlot =
  | ({ kind: 'passphrase'; kdf: { name: 'argon2id'; memoryKiB: number; iterations: number; parallelism: number; salt: string } } & Wrapped)
  | ({ kind: 'recovery'; kdf: { name: 'hkdf-sha256'; salt: string } } & Wrapped)
  | { kind: 'os-keystore'; blob: string };

export interface Keyring {
  format: 'acogida-keyring';
  version: 1;
  createdAt: string;
  /** Identifies the data key without revealing it: a backup made with another key is told apart. */
  keyId: string;
  slots: KeyringSlot[];
}

export function keyIdOf(dataKey: Buffer): string {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'acogida key id', 8)).toString('hex');
}

function wrap(dataKey: Buffer, kek: Buffer, kind: string): Wrapped {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(`acogida-keyring-v1:${kind}`));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

/** Answers null when the key-encryption key is wrong (the GCM tag does not verify). */
function unwrap(slot: Wrapped, kek: Buffer, kind: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(Buffer.from(`acogida-keyring-v1:${kind}`));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(slot.ciphertext, 'base64')), decipher.final()]);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
}

async function passphraseKek(passphrase: string, kdf: { memoryKiB: number; iterations: number; parallelism: number; salt: string }): Promise<Buffer> {
  return hashRaw(passphrase.normalize('NFC'), {
    algorithm: ARGON2ID,
    memoryCost: kdf.memoryKiB,
    timeCost: kdf.iterations,
    parallelism: kdf.parallelism,
    outputLen: 32,
    salt: Buffer.from(kdf.salt, 'base64'),
  });
}

function recoveryKek(recoveryKey: Buffer, salt: string): Buffer {
  return Buffer.from(hkdfSync('sha256', recoveryKey, Buffer.from(salt, 'base64'), 'acogida recovery', 32));
}

export async function passphraseSlot(dataKey: Buffer, passphrase: string): Promise<KeyringSlot> {
  const kdf = { name: 'argon2id' as const, ...PASSPHRASE_KDF, salt: randomBytes(16).toString('base64') };
  return { kind: 'passphrase', kdf, ...wrap(dataKey, await passphraseKek(passphrase, kdf), 'passphrase') };
}

export function recoverySlot(dataKey: Buffer, recoveryKey: Buffer): KeyringSlot {
  const salt = randomBytes(16).toString('base64');
  return { kind: 'recovery', kdf: { name: 'hkdf-sha256', salt }, ...wrap(dataKey, recoveryKek(recoveryKey, salt), 'recovery') };
}

export function newKeyring(dataKey: Buffer, slots: KeyringSlot[]): Keyring {
  return { format: 'acogida-keyring', version: 1, createdAt: new Date().toISOString(), keyId: keyIdOf(dataKey), slots };
}

export function readKeyring(file: string): Keyring {
  if (!existsSync(file)) throw new StoreError('not_initialised', `No hay archivo de claves en ${file}: inicialice primero con "npm run cli -- init".`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new StoreError('keyring_damaged', `El archivo de claves ${file} está dañado (no es JSON válido). Restaure una copia o use la copia de seguridad.`);
  }
  if (!isKeyring(parsed)) {
    throw new StoreError('keyring_damaged', `El archivo de claves ${file} está dañado o no es de Acogida.`);
  }
  return parsed;
}

function isKeyring(value: unknown): value is Keyring {
  if (typeof value !== 'object' || value === null) return false;
  const k = value as Partial<Keyring>;
  return k.format === 'acogida-keyring' && k.version === 1 && typeof k.keyId === 'string' && Array.isArray(k.slots) && k.slots.every(isSlot);
}

function isSlot(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  if (s.kind === 'os-keystore') return typeof s.blob === 'string';
  if (s.kind !== 'passphrase' && s.kind !== 'recovery') return false;
  return typeof s.iv === 'string' && typeof s.tag === 'string' && typeof s.ciphertext === 'string' && typeof s.kdf === 'object' && s.kdf !== null;
}

/** Write-then-rename so that a crash never leaves half a keyring. */
export function writeKeyring(file: string, keyring: Keyring): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(keyring, null, 2) + '\n', { mode: 0o600, flag: 'w' });
  renameSync(tmp, file);
}

function checked(keyring: Keyring, key: Buffer | null): Buffer | null {
  return key && keyIdOf(key) === keyring.keyId ? key : null;
}

export async function unlockWithPassphrase(keyring: Keyring, passphrase: string): Promise<Buffer> {
  const slots = keyring.slots.filter((s) => s.kind === 'passphrase');
  if (slots.length === 0) throw new StoreError('keyring_damaged', 'El archivo de claves no tiene frase de acceso.');
  for (const slot of slots) {
    if (slot.kind !== 'passphrase') continue;
    const key = checked(keyring, unwrap(slot, await passphraseKek(passphrase, slot.kdf), 'passphrase'));
    if (key) return key;
  }
  throw new StoreError('wrong_passphrase', 'La frase de acceso no es correcta. No se modificó ningún archivo.');
}

export function unlockWithRecoveryKey(keyring: Keyring, recoveryKeyText: string): Buffer {
  const recoveryKey = decodeRecoveryKey(recoveryKeyText);
  if (recoveryKey) {
    for (const slot of keyring.slots) {
      if (slot.kind !== 'recovery') continue;
      const key = checked(keyring, unwrap(slot, recoveryKek(recoveryKey, slot.kdf.salt), 'recovery'));
      if (key) return key;
    }
  }
  throw new StoreError('wrong_recovery_key', 'La clave de recuperación no es correcta. No se modificó ningún archivo.');
}

/** The OS keystore (Electron safeStorage) decrypts an opaque blob; Electron's main process supplies `decrypt`. */
export function unlockWithOsKeystore(keyring: Keyring, decrypt: (blob: Buffer) => Buffer): Buffer | null {
  for (const slot of keyring.slots) {
    if (slot.kind !== 'os-keystore') continue;
    try {
      const key = checked(keyring, decrypt(Buffer.from(slot.blob, 'base64')));
      if (key) return key;
    } catch {
      // A keystore from another OS account cannot decrypt it: fall back to the passphrase.
    }
  }
  return null;
}
