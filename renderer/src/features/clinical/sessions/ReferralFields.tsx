// Referrals of a session: to a service of the hospital or to an outside organisation, with the reason
// and where the referral stands.
import { useFieldArray, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { REFERRAL_KINDS, REFERRAL_STATUSES, SERVICES, type SessionFields } from '../../../api/contract';
import { Button } from '../../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import type { SessionFormValues } from './session-form';
import { serverText } from '../../../i18n/server-messages';

export function ReferralFields({
  control,
  register,
  errors,
  onChanged,
}: {
  control: Control<SessionFormValues, unknown, SessionFields>;
  register: UseFormRegister<SessionFormValues>;
  errors: FieldErrors<SessionFormValues>;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'referrals' });
  const values = useWatch({ control, name: 'referrals' }) ?? [];
  const rootError = serverText(errors.referrals?.message ?? errors.referrals?.root?.message);

  return (
    <fieldset>
      <legend>{t('sessionForm.referrals')}</legend>
      {fields.length === 0 ? <p className="muted">{t('sessionForm.noReferrals')}</p> : null}
      {fields.map((field, index) => {
        const e = errors.referrals?.[index];
        const kind = values[index]?.kind ?? field.kind;
        return (
          <div key={field.id} className="referral-row" role="group" aria-label={t('sessionForm.referralN', { n: index + 1 })}>
            <div className="form-grid form-grid-3">
              <SelectField label={t('sessionForm.referralKind')} error={e?.kind?.message} {...register(`referrals.${index}.kind`)}>
                {REFERRAL_KINDS.map((code) => (
                  <option key={code} value={code}>
                    {t(`clinicalCodes.referralKind.${code}`)}
                  </option>
                ))}
              </SelectField>
              {kind === 'internal' ? (
                <SelectField label={t('sessionForm.referralService')} error={e?.service?.message} {...register(`referrals.${index}.service`)}>
                  <option value="">{t('sessionForm.choose')}</option>
                  {SERVICES.map((code) => (
                    <option key={code} value={code}>
                      {t(`codes.service.${code}`)}
                    </option>
                  ))}
                </SelectField>
              ) : (
                <TextField label={t('sessionForm.referralOrganisation')} autoComplete="off" error={e?.organisation?.message} {...register(`referrals.${index}.organisation`)} />
              )}
              <SelectField label={t('sessionForm.referralStatus')} error={e?.status?.message} {...register(`referrals.${index}.status`)}>
                {REFERRAL_STATUSES.map((code) => (
                  <option key={code} value={code}>
                    {t(`clinicalCodes.referralStatus.${code}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <TextAreaField label={t('sessionForm.referralReason')} rows={2} error={e?.reason?.message} {...register(`referrals.${index}.reason`)} />
            <div>
              <Button
                variant="link"
                aria-label={t('sessionForm.removeReferralN', { n: index + 1 })}
                onClick={() => {
                  remove(index);
                  onChanged();
                }}
              >
                {t('sessionForm.removeReferral')}
              </Button>
            </div>
          </div>
        );
      })}
      {rootError ? <p className="field-error">{rootError}</p> : null}
      {fields.length < 10 ? (
        <div>
          <Button
            onClick={() => {
              append({ kind: 'internal', service: '', organisation: '', reason: '', status: 'sent' });
              onChanged();
            }}
          >
            {t('sessionForm.addReferral')}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}
