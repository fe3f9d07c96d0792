// Errors of the storage layer, each with a message an administrator can act on.
export type StoreErrorCode =
  | 'already_initialised'
  | 'not_initialised'
  | 'wrong_passphrase'
  | 'wrong_recovery_key'
  | 'keyring_damaged'
  | 'database_missing'
  | 'database_unreadable'
  | 'keystore_unavailable';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
