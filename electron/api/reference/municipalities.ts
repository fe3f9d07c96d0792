import { DEPARTMENTS, MUNICIPALITIES } from './divipola';

export { DEPARTMENTS, MUNICIPALITIES };

/** DIVIPOLA code → municipality name. */
export const MUNICIPALITY_NAMES: ReadonlyMap<string, string> = new Map(MUNICIPALITIES.map(([code, name]) => [code, name]));

export function departmentOf(municipalityCode: string): string {
  return municipalityCode.slice(0, 2);
}

/** "SAN JOSÉ DE CÚCUTA (NORTE DE SANTANDER)" */
export function municipalityLabel(code: string): string {
  const name = MUNICIPALITY_NAMES.get(code);
  return name ? `${name} (${DEPARTMENTS[departmentOf(code)] ?? ''})` : code;
}
