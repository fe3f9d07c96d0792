import { ICD10 } from './icd10';

export { ICD10 };
export const ICD10_DESCRIPTIONS: ReadonlyMap<string, string> = new Map(ICD10.map(([code, description]) => [code, description]));

/** F320 → F32.0; F99X → F99. */
export function dottedIcd10(code: string): string {
  const base = code.replace(/X$/, '');
  return base.length > 3 ? `${base.slice(0, 3)}.${base.slice(3)}` : base;
}
