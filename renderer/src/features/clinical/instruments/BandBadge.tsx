// An instrument's band as a coloured badge: the words say it, the colour only repeats it.
import { useTranslation } from 'react-i18next';
import type { Band, InstrumentId } from '../../../api/contract';

const TONE: Record<Band, 'ok' | 'info' | 'warning' | 'danger' | 'muted'> = {
  minimal: 'ok',
  none: 'ok',
  adequate: 'ok',
  below_threshold: 'ok',
  no_bands: 'muted',
  mild: 'info',
  low: 'info',
  moderate: 'warning',
  poor: 'warning',
  moderately_severe: 'danger',
  severe: 'danger',
  high: 'danger',
  very_high: 'danger',
  likely_depression: 'danger',
  probable_ptsd: 'danger',
};

export function bandTone(band: string): string {
  return TONE[band as Band] ?? 'muted';
}

/** "Moderada", "Riesgo alto"…: C-SSRS levels read as risk levels, the others as severity bands. */
export function useBandLabel(): (band: string, instrument: InstrumentId) => string {
  const { t } = useTranslation();
  return (band, instrument) => (instrument === 'cssrs' ? t(`clinicalCodes.cssrsLevel.${band as 'none'}`) : t(`clinicalCodes.band.${band as Band}`));
}

export function BandBadge({ band, instrument }: { band: string; instrument: InstrumentId }) {
  const label = useBandLabel();
  return <span className={`badge badge-${bandTone(band)}`}>{label(band, instrument)}</span>;
}
