// Diagnoses of a session: an ICD-10 combobox searched by code ("F32", "f320", "F32.0") or Spanish
// description, accents and case forgiven; each chosen code in a list where one is marked primary.
import { useCallback, useMemo } from 'react';
import { useFieldArray, useWatch, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { dottedIcd10, ICD10, ICD10_DESCRIPTIONS, type SessionFields } from '../../../api/contract';
import { Button } from '../../../components/Button';
import { Combobox, type ComboOption } from '../../../components/Combobox';
import { fold } from '../../reception/reference';
import type { SessionFormValues } from './session-form';
import { serverText } from '../../../i18n/server-messages';

const INDEX = ICD10.map(([code, description]) => ({ code, description, key: fold(`${code} ${dottedIcd10(code)} ${description}`) }));

/**
 * Codes whose code or description contain every word typed. Ranked: codes that start with the text,
 * then descriptions that start with it, then those with the words together, then the rest.
 */
export function searchDiagnoses(text: string, limit = 40): ComboOption[] {
  const phrase = fold(text);
  const words = phrase.split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const compact = phrase.replace(/[.\s]/g, '');
  const rank = (d: (typeof INDEX)[number]) => {
    if (fold(d.code).startsWith(compact)) return 0;
    const description = fold(d.description);
    if (description.startsWith(phrase)) return 1;
    return description.includes(phrase) ? 2 : 3;
  };
  return INDEX.filter((d) => words.every((w) => d.key.includes(w)) || fold(d.code).startsWith(compact))
    .map((d, i) => ({ d, i, r: rank(d) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, limit)
    .map(({ d }) => ({ value: d.code, label: `${dottedIcd10(d.code)} ${d.description}` }));
}

export function diagnosisLabel(code: string): string {
  return `${dottedIcd10(code)} ${ICD10_DESCRIPTIONS.get(code) ?? ''}`.trim();
}

export function DiagnosisFields({ control, errors, onChanged }: { control: Control<SessionFormValues, unknown, SessionFields>; errors: FieldErrors<SessionFormValues>; onChanged: () => void }) {
  const { t } = useTranslation();
  const { fields, append, remove, update } = useFieldArray({ control, name: 'diagnoses' });
  const watched = useWatch({ control, name: 'diagnoses' });
  const values = useMemo(() => watched ?? [], [watched]);
  const search = useCallback((text: string) => searchDiagnoses(text).filter((o) => !values.some((d) => d.code === o.value)), [values]);
  const rootError = serverText(errors.diagnoses?.message ?? errors.diagnoses?.root?.message);

  return (
    <fieldset>
      <legend>{t('sessionForm.diagnoses')}</legend>
      {fields.length > 0 ? (
        <ul className="diagnosis-list">
          {fields.map((field, index) => {
            const value = values[index] ?? field;
            const error = serverText(errors.diagnoses?.[index]?.code?.message);
            return (
              <li key={field.id} className={error ? 'diagnosis field-invalid' : 'diagnosis'}>
                <span className="diagnosis-label">
                  <span className="cell-strong">{dottedIcd10(value.code)}</span> {ICD10_DESCRIPTIONS.get(value.code)}
                </span>
                <label className="radio">
                  <input
                    type="radio"
                    name="primary-diagnosis"
                    checked={value.primary}
                    onChange={() => {
                      values.forEach((d, k) => update(k, { code: d.code, primary: k === index }));
                      onChanged();
                    }}
                  />
                  {t('sessionForm.primary')}
                </label>
                <Button
                  variant="link"
                  aria-label={t('sessionForm.removeDiagnosis', { code: dottedIcd10(value.code) })}
                  onClick={() => {
                    remove(index);
                    onChanged();
                  }}
                >
                  {t('sessionForm.remove')}
                </Button>
                {error ? <p className="field-error">{error}</p> : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t('sessionForm.noDiagnoses')}</p>
      )}
      {rootError ? <p className="field-error">{rootError}</p> : null}
      {fields.length < 10 ? (
        <Combobox
          label={t('sessionForm.addDiagnosis')}
          hint={t('sessionForm.diagnosisHint')}
          value=""
          onChange={(code) => {
            if (!code) return;
            append({ code, primary: values.length === 0 });
            onChanged();
          }}
          search={search}
          labelOf={diagnosisLabel}
          noMatches={t('sessionForm.noDiagnosisMatch')}
        />
      ) : null}
    </fieldset>
  );
}
