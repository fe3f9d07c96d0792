// The risk alert of a saved session: PHQ-9 item 9 above 0 or a moderate/high C-SSRS. Announced at once
// (role="alert"); a high C-SSRS asks for immediate evaluation.
import { useTranslation } from 'react-i18next';
import type { ScoredInstrument } from '../../../api/contract';

export function RiskBanner({ results }: { results: ScoredInstrument[] }) {
  const { t } = useTranslation();
  const immediate = results.some((r) => r.immediate);
  return (
    <div className={immediate ? 'risk-banner risk-banner-immediate' : 'risk-banner'} role="alert">
      <p className="risk-banner-title">{immediate ? t('risk.immediateTitle') : t('risk.title')}</p>
      <ul>
        {results.map((r) => (
          <li key={r.instrument}>{r.instrument === 'phq9' ? t('risk.phq9Item9', { answer: r.answers[8] }) : t(`risk.cssrs.${r.band === 'high' ? 'high' : 'moderate'}`)}</li>
        ))}
      </ul>
      <p>{immediate ? t('risk.immediateAction') : t('risk.action')}</p>
    </div>
  );
}
