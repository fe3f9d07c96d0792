// Edit one clinician's services and weekly hours over the contract's clinicians.setSchedule schema.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fallbackMessages, formSchema } from '../../components/form-schema';
import { appointmentsProcedures, SERVICES } from '../../api/contract';
import { call } from '../../api/client';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import { serverFailure } from '../../components/errors';
import { SelectField, TextField } from '../../components/Field';
import type { Clinician } from './SchedulesScreen';
import { serverText } from '../../i18n/server-messages';

const scheduleInput = appointmentsProcedures['clinicians.setSchedule'].input;
type Output = z.output<typeof scheduleInput>;

interface Values {
  clinicianId: number;
  services: string[];
  hours: { weekday: string; start: string; end: string }[];
}

const scheduleSchema = formSchema(
  (v: Values) => ({ clinicianId: v.clinicianId, services: v.services || [], hours: v.hours.map((h) => ({ weekday: Number(h.weekday), start: h.start, end: h.end })) }),
  scheduleInput,
);

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Monday to Friday, 7:00–12:00 and 13:00–17:00: a usual day at the unit. */
const USUAL_WEEK = [1, 2, 3, 4, 5].flatMap((d) => [
  { weekday: String(d), start: '07:00', end: '12:00' },
  { weekday: String(d), start: '13:00', end: '17:00' },
]);

export function ScheduleDialog({ clinician, onClose, onSaved }: { clinician: Clinician; onClose: () => void; onSaved: (c: Clinician) => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, Output>({
    resolver: zodResolver(scheduleSchema, fallbackMessages(() => t('errors.invalidField'))),
    defaultValues: {
      clinicianId: clinician.id,
      services: clinician.services,
      hours: clinician.hours.map((h) => ({ weekday: String(h.weekday), start: h.start, end: h.end })),
    },
  });
  const hours = useFieldArray({ control, name: 'hours' });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await call('clinicians.setSchedule', values);
    if (result.ok) onSaved(result.value.clinician);
    else setFailure(serverFailure(t, result.error, (path) => path === 'services' || /^hours\.\d+\.(weekday|start|end)$/.test(path), setError));
  });

  return (
    <FormDialog title={t('schedules.editTitle', { name: clinician.displayName })} failure={failure} submitLabel={t('common.save')} busy={isSubmitting} onSubmit={onSubmit} onClose={onClose} wide>
      <fieldset aria-describedby={errors.services?.message ? 'services-error' : undefined}>
        <legend>{t('schedules.services')}</legend>
        <div className="check-grid">
          {SERVICES.map((s) => (
            <label key={s} className="checkbox-row">
              <input type="checkbox" value={s} {...register('services')} />
              {t(`codes.service.${s}`)}
            </label>
          ))}
        </div>
        {errors.services?.message ? (
          <p id="services-error" className="field-error">
            {serverText(errors.services.message)}
          </p>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{t('schedules.hours')}</legend>
        {hours.fields.length === 0 ? <p className="muted">{t('schedules.noHours')}</p> : null}
        {hours.fields.map((field, index) => (
          <div key={field.id} className="hours-row" role="group" aria-label={t('schedules.rangeN', { n: index + 1 })}>
            <SelectField label={t('schedules.weekday')} error={errors.hours?.[index]?.weekday?.message} {...register(`hours.${index}.weekday`)}>
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {t(`codes.weekday.d${d}`)}
                </option>
              ))}
            </SelectField>
            <TextField type="time" label={t('schedules.start')} error={errors.hours?.[index]?.start?.message} {...register(`hours.${index}.start`)} />
            <TextField type="time" label={t('schedules.end')} error={errors.hours?.[index]?.end?.message} {...register(`hours.${index}.end`)} />
            <Button variant="link" aria-label={t('schedules.removeRangeN', { n: index + 1 })} onClick={() => hours.remove(index)}>
              {t('schedules.removeRange')}
            </Button>
          </div>
        ))}
        <div className="form-actions">
          <Button onClick={() => hours.append({ weekday: '1', start: '08:00', end: '12:00' })}>{t('schedules.addRange')}</Button>
          <Button onClick={() => hours.replace(USUAL_WEEK)}>{t('schedules.usualWeek')}</Button>
        </div>
      </fieldset>
    </FormDialog>
  );
}
