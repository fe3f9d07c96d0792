// The period of a report: a preset (this month, last month, this year) or two dates.
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/Field';
import { formatDay } from '../../../components/format';
import { PERIOD_PRESETS, periodProblem, presetPeriod, type Period, type PeriodPreset } from './period';

export function PeriodPicker({ value, onChange, maxDays, presets = PERIOD_PRESETS }: { value: Period; onChange: (period: Period) => void; maxDays: number; presets?: readonly PeriodPreset[] }) {
  const { t } = useTranslation();
  const problem = periodProblem(value, maxDays);
  return (
    <fieldset className="period-picker">
      <legend className="visually-hidden">{t('stats.period')}</legend>
      <div className="period-fields">
        <SelectField label={t('stats.periodPreset')} value={value.preset} onChange={(event) => onChange(presetPeriod(event.target.value as PeriodPreset, value))}>
          {presets.map((preset) => (
            <option key={preset} value={preset}>
              {t(`stats.presets.${preset}`)}
            </option>
          ))}
        </SelectField>
        {value.preset === 'custom' ? (
          <>
            <TextField type="date" label={t('stats.from')} value={value.from} max={value.to || undefined} onChange={(event) => onChange({ ...value, from: event.target.value })} />
            <TextField
              type="date"
              label={t('stats.to')}
              value={value.to}
              min={value.from || undefined}
              onChange={(event) => onChange({ ...value, to: event.target.value })}
              error={problem && problem !== 'missing' ? t(`stats.periodProblems.${problem}`, { days: maxDays }) : undefined}
            />
          </>
        ) : (
          <p className="period-dates">
            {t('stats.periodDates', { from: formatDay(value.from), to: formatDay(value.to) })}
          </p>
        )}
      </div>
    </fieldset>
  );
}
