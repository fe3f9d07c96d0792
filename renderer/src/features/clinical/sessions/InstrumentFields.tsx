// One screening instrument inside the session form: every item as a fieldset of radio buttons (arrow
// keys move inside an item, Tab to the next), the C-SSRS skip logic applied live, a preview total
// while answering and the total and band the service computed at the last save.
import { useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { InstrumentId, OutputOf, ScoredInstrument, SessionFields } from '../../../api/contract';
import { Button } from '../../../components/Button';
import { BandBadge } from '../instruments/BandBadge';
import { cssrsAsked, instrumentComplete, type SessionFormValues } from './session-form';
import { serverText } from '../../../i18n/server-messages';

export type CatalogEntry = OutputOf<'instruments.catalog'>['instruments'][number];

const CSSRS_LABELS = ['1', '2', '3', '4', '5', '6', '6b'];

export function itemLabel(instrument: InstrumentId, index: number): string {
  return instrument === 'cssrs' ? CSSRS_LABELS[index]! : String(index + 1);
}

export function InstrumentFields({
  index,
  entry,
  control,
  register,
  errors,
  saved,
  savedCurrent,
  onRemove,
}: {
  index: number;
  entry: CatalogEntry;
  control: Control<SessionFormValues, unknown, SessionFields>;
  register: UseFormRegister<SessionFormValues>;
  errors: FieldErrors<SessionFormValues>;
  /** The service's result at the last save, if this instrument was in it. */
  saved: ScoredInstrument | undefined;
  /** Whether the answers on screen are the ones the service scored. */
  savedCurrent: boolean;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const answers = useWatch({ control, name: `instruments.${index}.answers` }) ?? [];
  const itemErrors = errors.instruments?.[index]?.answers;
  const listError = serverText(errors.instruments?.[index]?.answers?.message ?? errors.instruments?.[index]?.instrument?.message);
  const isCssrs = entry.kind === 'cssrs';
  const answered = answers.filter((a) => a !== '').length;
  const preview = isCssrs ? null : answers.reduce((sum, a) => (a === '' ? sum : sum + Number(a)), 0);
  const complete = instrumentComplete({ instrument: entry.id, answers });
  const headingId = `instrument-${entry.id}-title`;

  return (
    <section className="instrument" aria-labelledby={headingId}>
      <div className="instrument-header">
        <h3 id={headingId}>{entry.name}</h3>
        <Button variant="link" onClick={onRemove} aria-label={t('sessionForm.removeInstrument', { name: entry.name })}>
          {t('sessionForm.remove')}
        </Button>
      </div>
      <p className="instrument-stem">{entry.stem}</p>
      {listError ? <p className="field-error">{listError}</p> : null}
      <ol className="instrument-items">
        {entry.items.map((item, i) => {
          const label = itemLabel(entry.id, i);
          if (isCssrs && !cssrsAsked(answers, i)) {
            // Q3–Q5 follow a "yes" to Q2; Q6b follows a "yes" to Q6. The skipped ones are said once.
            if (i === 3 || i === 4) return null;
            return (
              <li key={i} className="instrument-skipped">
                {i === 2 ? t('instrument.cssrsSkipped345') : t('instrument.cssrsSkipped6b')}
              </li>
            );
          }
          const error = serverText((itemErrors as Record<number, { message?: string }> | undefined)?.[i]?.message);
          const errorId = `instrument-${entry.id}-${i}-error`;
          return (
            <li key={i}>
              <fieldset className={error ? 'instrument-item field-invalid' : 'instrument-item'}>
                <legend>
                  <span className="instrument-number">{label}.</span> {item}
                </legend>
                <div className="instrument-options">
                  {entry.options.map((option, k) => {
                    const value = isCssrs ? (k === 1 ? 'yes' : 'no') : String(entry.min + k);
                    return (
                      <label key={value} className="instrument-option">
                        <input
                          type="radio"
                          value={value}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? errorId : undefined}
                          {...register(`instruments.${index}.answers.${i}`)}
                        />
                        <span>
                          {isCssrs ? null : <span className="instrument-value">{value}</span>} {option}
                        </span>
                      </label>
                    );
                  })}
                </div>
                {error ? (
                  <p id={errorId} className="field-error">
                    {error}
                  </p>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="instrument-result">
        {preview !== null ? (
          <p className="muted">
            {t('instrument.preview', { answered, items: entry.items.length, total: preview })}
          </p>
        ) : null}
        {saved && savedCurrent ? (
          <p className="instrument-scored" data-testid={`scored-${entry.id}`}>
            <span className="cell-strong">{t('instrument.scoredLabel')}</span>{' '}
            {saved.total !== null ? t('instrument.total', { total: saved.total, max: entry.items.length * entry.max }) : null}
            {saved.percentage !== null ? ` (${saved.percentage} %)` : null} <BandBadge band={saved.band} instrument={entry.id} />
          </p>
        ) : (
          <p className="muted">{complete ? t('instrument.scoredAfterSave') : t('instrument.answerAll')}</p>
        )}
      </div>
    </section>
  );
}
