// The patient search index (FTS5 table patient_search) keeps each person under rowid
// SEARCH_ROWID_BASE − patient id, so that the newest people come first in rowid order. A page of
// name candidates is the newest matches, and FTS5 reads its lists about twice as fast in ascending
// rowid order as in descending (measured on a million patients: a name prefix 0.70 → 0.44 ms, a
// full name 3.1 → 1.8 ms, a name with a typo 0.35 → 0.09 ms, the same rows).
export const SEARCH_ROWID_BASE = 2 ** 32;

export function searchRowid(patientId: number): number {
  if (!Number.isSafeInteger(patientId) || patientId <= 0 || patientId >= SEARCH_ROWID_BASE) throw new RangeError(`No search index row for patient id ${patientId}`);
  return SEARCH_ROWID_BASE - patientId;
}

export function patientIdOfSearchRowid(rowid: number): number {
  return SEARCH_ROWID_BASE - rowid;
}
