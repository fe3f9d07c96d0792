// Labels of the codes the statistics count by, in the user's language, in a stable order.
import type { TFunction } from 'i18next';
import { AGE_BANDS, MODALITIES, POPULATION_GROUPS, SERVICES, SESSION_FORMATS, SEXES } from '../../../api/contract';
import type { BarDatum } from '../../../components/charts/BarChart';
import { countryName } from '../../reception/reference';

type Counts = Record<string, number>;

/** Bars for every code of a known list (zeros included, so periods compare), then any other code the data holds. */
function ordered(counts: Counts, codes: readonly string[], label: (code: string) => string): BarDatum[] {
  const extra = Object.keys(counts).filter((k) => !codes.includes(k));
  return [...codes, ...extra].map((code) => ({ key: code, label: label(code), value: counts[code] ?? 0 }));
}

export const serviceBars = (t: TFunction, counts: Counts) => ordered(counts, SERVICES, (c) => t(`codes.service.${c as (typeof SERVICES)[number]}`, { defaultValue: c }));
export const formatBars = (t: TFunction, counts: Counts) => ordered(counts, SESSION_FORMATS, (c) => t(`clinicalCodes.format.${c as (typeof SESSION_FORMATS)[number]}`, { defaultValue: c }));
export const modalityBars = (t: TFunction, counts: Counts) => ordered(counts, MODALITIES, (c) => t(`clinicalCodes.modality.${c as (typeof MODALITIES)[number]}`, { defaultValue: c }));
export const sexBars = (t: TFunction, counts: Counts) => ordered(counts, SEXES, (c) => t(`codes.sex.${c as (typeof SEXES)[number]}`, { defaultValue: c }));
export const ageBandBars = (t: TFunction, counts: Counts) => ordered(counts, AGE_BANDS, (c) => t('stats.ageBand', { band: c }));
export const ageGroupBars = (t: TFunction, counts: Counts) => {
  const bars = ordered(counts, ['under18', 'adults'], (c) => t(`stats.ageGroups.${c as 'under18' | 'adults'}`));
  // People without a birth date only appear when there are some.
  return bars.filter((b) => b.key !== 'unknown' || b.value > 0).map((b) => (b.key === 'unknown' ? { ...b, label: t('stats.ageGroups.unknown') } : b));
};
export const populationBars = (t: TFunction, counts: Counts) => ordered(counts, POPULATION_GROUPS, (c) => t(`codes.populationGroup.${c as (typeof POPULATION_GROUPS)[number]}`, { defaultValue: c }));
/** Nationalities by count, largest first (ties by name). */
export const nationalityBars = (counts: Counts, language: string): BarDatum[] =>
  Object.entries(counts)
    .map(([code, value]) => ({ key: code, label: countryName(code, language), value }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, language));
