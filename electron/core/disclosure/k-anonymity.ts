// k-anonymity for row-level de-identified exports (issue 5 item 3): every combination of
// quasi-identifiers in the output is shared by at least k distinct people. Pure: no I/O.
//
// Choice: local recoding. Only the rows of classes with fewer than k people have their place
// generalised from municipality to department; classes that are already large keep the
// municipality. Granularity is therefore mixed, so classes are counted again on the
// generalised values (a "54" row forms a class with every other "54" row, whatever its
// origin) before suppression; k is always measured on the output itself.
//
// Limits: k counts people per class of one row set. When one person's rows fall in different
// classes (an age band crossed, a move), an attacker who links rows by pseudonym can intersect
// those classes; an exporter limits this by keeping one person's quasi-identifiers constant
// within an export, which this module does not check. Sensitive attributes may still be homogeneous within a
// class (no l-diversity).
import { departmentOf, isMunicipalityCode } from './generalise';

export const DEFAULT_K = 5;

export interface QuasiIdentifiers {
  ageBand: string;
  sex: string;
  nationality: string;
  populationGroup: string;
  /** A 5-digit DIVIPOLA municipality code, or a 2-digit department code once generalised. */
  place: string;
}

export interface KRow extends QuasiIdentifiers {
  /** The person key (a pseudonym): classes count distinct people, not rows. */
  person: string;
}

export interface KAnonymityReport {
  /** The k asked for. */
  target: number;
  /** The smallest number of distinct people in any class of the output; null when the output is empty. */
  k: number | null;
  rowsIn: number;
  rowsOut: number;
  /** Rows of the output whose place was generalised to the department. */
  generalised: number;
  /** Rows left out (rowsIn − rowsOut), generalised first or not. */
  suppressed: number;
  personsIn: number;
  personsOut: number;
}

/** The equivalence class of a row; JSON so that no value can run into the next. */
export function classKey(row: QuasiIdentifiers): string {
  return JSON.stringify([row.ageBand, row.sex, row.nationality, row.populationGroup, row.place]);
}

/** Distinct people per class. */
function peoplePerClass(rows: readonly KRow[]): Map<string, number> {
  const people = new Map<string, Set<string>>();
  for (const row of rows) {
    const key = classKey(row);
    let set = people.get(key);
    if (!set) people.set(key, (set = new Set()));
    set.add(row.person);
  }
  return new Map([...people].map(([key, set]) => [key, set.size]));
}

/** The k that a row set actually has: the fewest distinct people in any class, or null if empty. */
export function minimumClassSize(rows: readonly KRow[]): number | null {
  const sizes = [...peoplePerClass(rows).values()];
  return sizes.length === 0 ? null : Math.min(...sizes);
}

/**
 * Generalises place, then suppresses rows, until every class has at least k people. Rows come
 * out in their input order, unchanged except for `place`; the input is not modified.
 */
export function kAnonymise<R extends KRow>(rows: readonly R[], options: { k?: number } = {}): { rows: R[]; report: KAnonymityReport } {
  const target = options.k ?? DEFAULT_K;
  if (!Number.isInteger(target) || target < 2) throw new RangeError(`k is an integer of at least 2, got ${target}`);
  for (const row of rows) if (typeof row.person !== 'string' || row.person.length === 0) throw new RangeError('every row needs a person key');

  const before = peoplePerClass(rows);
  const generalised = rows.map((row) =>
    before.get(classKey(row))! < target && isMunicipalityCode(row.place) ? { row: { ...row, place: departmentOf(row.place) }, changed: true } : { row, changed: false },
  );
  const after = peoplePerClass(generalised.map((g) => g.row));
  const kept = generalised.filter((g) => after.get(classKey(g.row))! >= target);
  const out = kept.map((g) => g.row);

  return {
    rows: out,
    report: {
      target,
      k: minimumClassSize(out),
      rowsIn: rows.length,
      rowsOut: out.length,
      generalised: kept.filter((g) => g.changed).length,
      suppressed: rows.length - out.length,
      personsIn: new Set(rows.map((r) => r.person)).size,
      personsOut: new Set(out.map((r) => r.person)).size,
    },
  };
}
