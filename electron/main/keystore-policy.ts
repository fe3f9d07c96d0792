// Whether the OS keystore (Electron safeStorage) may hold a copy of the data key.
// Plain values, no 'electron'; keystore.ts asks Electron and applies this.
import type { DeviceStatus } from '../api/device';

export type KeystoreState = DeviceStatus['osKeystore'];

/**
 * 'available' when the OS protects the secret; 'insecure' on Linux when Chromium fell back to
 * 'basic_text' (a key hard-coded in Chromium: anyone with the disk could decrypt) or cannot tell
 * ('unknown'); 'unavailable' when encryption is not offered at all. Only 'available' gets a
 * keyring slot: otherwise the passphrase (or the recovery key) opens the database.
 */
export function keystoreState(platform: NodeJS.Platform, encryptionAvailable: boolean, linuxBackend: string | null): KeystoreState {
  if (!encryptionAvailable) return 'unavailable';
  if (platform === 'linux' && (linuxBackend === null || linuxBackend === 'basic_text' || linuxBackend === 'unknown')) return 'insecure';
  return 'available';
}

/** What the device controller needs from the OS keystore; keystore.ts implements it with safeStorage. */
export interface OsKeystore {
  state(): KeystoreState;
  /** Encrypts a string for this OS account; only called when state() is 'available'. */
  encryptString(plain: string): Buffer;
  decryptString(blob: Buffer): string;
}

/** The keyring slot's blob: the data key in hex, encrypted by the OS keystore, base64. */
export function osKeystoreBlob(keystore: OsKeystore, dataKey: Buffer): string {
  return keystore.encryptString(dataKey.toString('hex')).toString('base64');
}

/** The inverse, for db/store's unlock { osKeystore }: blob bytes → the 32-byte data key. */
export function osKeystoreDecrypter(keystore: OsKeystore): (blob: Buffer) => Buffer {
  return (blob) => {
    const hex = keystore.decryptString(blob);
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('The OS keystore answered something that is not a data key');
    return Buffer.from(hex, 'hex');
  };
}
