// The OS keystore through Electron's safeStorage (DPAPI on Windows, Keychain on macOS,
// libsecret/KWallet on Linux). Linux's 'basic_text' fallback is refused: see keystore-policy.ts.
// Use only after app 'ready'.
import { safeStorage } from 'electron';
import { keystoreState, type KeystoreState, type OsKeystore } from './keystore-policy';

export function currentKeystoreState(): KeystoreState {
  const available = safeStorage.isEncryptionAvailable();
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null;
  return keystoreState(process.platform, available, backend);
}

export const electronKeystore: OsKeystore = {
  state: currentKeystoreState,
  encryptString(plain) {
    if (currentKeystoreState() !== 'available') throw new Error('The OS keystore is not available or not secure');
    return safeStorage.encryptString(plain);
  },
  decryptString(blob) {
    if (currentKeystoreState() !== 'available') throw new Error('The OS keystore is not available or not secure');
    return safeStorage.decryptString(blob);
  },
};
