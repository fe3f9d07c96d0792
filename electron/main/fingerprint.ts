// Certificate pinning for the LAN host: SHA-256 fingerprints as the host prints them ("AB:CD:…").
// Plain Node, no 'electron'.

/** "ab cd:EF…" → "AB:CD:EF:…" (64 hex digits), or null when it is not a SHA-256 fingerprint. */
export function normaliseFingerprint(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const hex = text.replace(/[\s:-]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

/** True only when both are valid SHA-256 fingerprints of the same certificate. */
export function fingerprintsMatch(presented: string | null | undefined, pinned: string | null | undefined): boolean {
  const a = normaliseFingerprint(presented);
  const b = normaliseFingerprint(pinned);
  return a !== null && b !== null && a === b;
}

export class PinMismatchError extends Error {
  readonly code = 'ACOGIDA_PIN_MISMATCH';
  constructor(
    readonly presented: string | null,
    readonly pinned: string,
  ) {
    super('El certificado del host no coincide con la huella guardada en este equipo.');
    this.name = 'PinMismatchError';
  }
}

/** Error or undefined, like tls.checkServerIdentity: refuses any certificate but the pinned one. */
export function checkPinnedCertificate(cert: { fingerprint256?: string } | null | undefined, pinned: string): Error | undefined {
  const presented = cert?.fingerprint256 ?? null;
  return fingerprintsMatch(presented, pinned) ? undefined : new PinMismatchError(normaliseFingerprint(presented), pinned);
}
