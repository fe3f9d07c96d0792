// Errors of the storage layer, each with a message an administrator can act on.
export type StoreErrorCode =
  | 'already_initialised'
  | 'not_initialised'
  | 'wrong_passphrase'
  | 'wrong_recovery_key'
  | 'keyring_damaged'
  | 'database_missing'
  | 'database_unreadable'
  | 'database_busy'
  | 'keystore_unavailable'
  | 'backup_failed'
  | 'backup_missing'
  | 'backup_not_database'
  | 'backup_plaintext'
  | 'backup_other_key'
  | 'backup_damaged'
  | 'backup_not_acogida'
  | 'backup_newer_schema'
  | 'backup_audit_broken'
  | 'database_in_use'
  | 'disk_space'
  | 'compaction_failed';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
