// Record or correct a community activity: date, municipality and place, kind and topic, facilitators,
// attendance counted by sex × age band × population group (totals by row and column as they are
// typed), registered patients who attended (optional) and notes.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useFieldArray, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_KINDS,
  activityFields,
  AGE_BANDS,
  POPULATION_GROUPS,
  SEXES,
  type Activity,
  type ActivityFields,
  type OutputOf,
} from '../../../api/contract';
import { call } from '../../../api/client';
import { useNavigate } from '../../../app/navigation';
import { useSession } from '../../../app/session';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { serverFailure } from '../../../components/errors';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { fallbackMessages, formSchema } from '../../../components/form-schema';
import { unitToday } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { MunicipalityCombobox } from '../../reception/MunicipalityCombobox';
import '../clinical.css';
import { AttendanceGrid, cellKey, cellOrder } from './AttendanceGrid';
import { serverText } from '../../../i18n/server-messages';

type SearchResult = OutputOf<'patients.search'>['results'][number];

export interface ActivityFormValues {
  date: string;
  municipalityCode: string;
  place: string;
  kind: string;
  topic: string;
  durationMinutes: string;
  facilitatorIds: string[];
  otherFacilitators: string;
  /** Counts as typed, by cellKey(sex, ageBand, group); "" when none. */
  attendance: Record<string, string>;
  patients: { patientId: number; label: string }[];
  notes: string;
}

const FORM_FIELDS = ['date', 'municipalityCode', 'place', 'kind', 'topic', 'durationMinutes', 'facilitatorIds', 'otherFacilitators', 'attendance', 'patientIds', 'notes'];

function toActivityInput(v: ActivityFormValues) {
  return {
    date: v.date,
    municipalityCode: v.municipalityCode,
    place: v.place,
    kind: v.kind || undefined,
    topic: v.topic,
    durationMinutes: v.durationMinutes.trim() === '' ? null : Number(v.durationMinutes),
    facilitatorIds: (Array.isArray(v.facilitatorIds) ? v.facilitatorIds : []).map(Number),
    otherFacilitators: v.otherFacilitators,
    attendance: cellOrder(v.attendance).map((c) => ({ sex: c.sex, ageBand: c.ageBand, populationGroup: c.populationGroup, count: Number(v.attendance[c.key]) })),
    patientIds: v.patients.map((p) => p.patientId),
    notes: v.notes,
  };
}

const activitySchema = formSchema<ActivityFormValues, typeof activityFields>(toActivityInput, activityFields);

function emptyAttendance(): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const group of POPULATION_GROUPS) for (const band of AGE_BANDS) for (const sex of SEXES) cells[cellKey(sex, band, group)] = '';
  return cells;
}

function activityToForm(a: Activity, labels: Map<number, string>): ActivityFormValues {
  const attendance = emptyAttendance();
  for (const c of a.attendance) attendance[cellKey(c.sex, c.ageBand, c.populationGroup)] = String(c.count);
  return {
    date: a.date,
    municipalityCode: a.municipalityCode,
    place: a.place,
    kind: a.kind,
    topic: a.topic,
    durationMinutes: a.durationMinutes === null ? '' : String(a.durationMinutes),
    facilitatorIds: a.facilitators.map((f) => String(f.id)),
    otherFacilitators: a.otherFacilitators ?? '',
    attendance,
    patients: a.patientIds.map((id) => ({ patientId: id, label: labels.get(id) ?? `#${id}` })),
    notes: a.notes ?? '',
  };
}

interface Staff {
  id: number;
  name: string;
}

export function ActivityFormScreen({ activity }: { activity?: Activity }) {
  const { t } = useTranslation();
  const { auth } = useSession();
  const [staff, setStaff] = useState<Staff[] | null>(null);
  const [labels, setLabels] = useState<Map<number, string> | null>(activity && activity.patientIds.length ? null : new Map());

  useEffect(() => {
    let current = true;
    void call('clinicians.list', {}).then((result) => {
      if (!current) return;
      const clinicians = result.ok ? result.value.clinicians.map((c) => ({ id: c.id, name: c.displayName })) : [];
      const self = { id: auth.user.id, name: auth.user.displayName };
      // Facilitators already on the activity stay choosable even if they are not clinicians.
      const recorded = activity?.facilitators ?? [];
      const all = [...clinicians];
      for (const s of [self, ...recorded]) if (!all.some((c) => c.id === s.id)) all.push(s);
      setStaff(all.sort((a, b) => a.name.localeCompare(b.name)));
    });
    if (activity && activity.patientIds.length) {
      void Promise.all(activity.patientIds.map((patientId) => call('patients.get', { patientId }))).then((results) => {
        if (!current) return;
        const map = new Map<number, string>();
        results.forEach((r) => {
          if (r.ok) map.set(r.value.patient.id, `${r.value.patient.givenNames} ${r.value.patient.familyNames} · ${r.value.patient.recordNumber}`);
        });
        setLabels(map);
      });
    }
    return () => {
      current = false;
    };
  }, [activity, auth.user.id, auth.user.displayName]);

  const title = activity ? t('activityForm.editTitle') : t('activityForm.newTitle');
  if (!staff || !labels) return <p className="muted">{t('app.loading')}</p>;
  return (
    <>
      <PageHeader title={title} intro={t('activityForm.intro')} />
      <ActivityForm activity={activity} staff={staff} labels={labels} title={title} />
    </>
  );
}

function ActivityForm({ activity, staff, labels, title }: { activity?: Activity; staff: Staff[]; labels: Map<number, string>; title: string }) {
  const { t } = useTranslation();
  const go = useNavigate();
  const { auth } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<ActivityFormValues, unknown, ActivityFields>({
    resolver: zodResolver(activitySchema, fallbackMessages(() => t('errors.invalidField'))),
    defaultValues: activity
      ? activityToForm(activity, labels)
      : {
          date: unitToday(),
          municipalityCode: '54001',
          place: '',
          kind: '',
          topic: '',
          durationMinutes: '',
          facilitatorIds: [String(auth.user.id)],
          otherFacilitators: '',
          attendance: emptyAttendance(),
          patients: [],
          notes: '',
        },
  });
  const patients = useFieldArray({ control, name: 'patients' });
  const municipalityCode = useWatch({ control, name: 'municipalityCode' });
  const e = errors as FieldErrors<ActivityFormValues> & { patientIds?: { message?: string } };

  const onSubmit = handleSubmit(
    async (values) => {
      setFailure(null);
      const result = activity ? await call('activities.update', { activityId: activity.id, activity: values }) : await call('activities.record', values);
      if (result.ok) {
        go({ page: 'activities', notice: activity ? 'updated' : 'recorded' });
        return;
      }
      setFailure(
        serverFailure(t, result.error, (path) => FORM_FIELDS.includes(path.split('.')[0]!) && !path.startsWith('attendance.') && !path.startsWith('patientIds.'), setError, activity ? 'activity.' : ''),
      );
    },
    () => setFailure(t('activityForm.fixMarked')),
  );

  const search = async () => {
    if (!query.trim()) return;
    const result = await call('patients.search', { query, pageSize: 10 });
    setResults(result.ok ? result.value.results : []);
  };

  return (
    <form className="form activity-form" noValidate onSubmit={onSubmit} aria-label={title}>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <fieldset>
        <legend>{t('activityForm.what')}</legend>
        <div className="form-grid">
          <TextField type="date" label={t('activities.date')} error={e.date?.message} {...register('date')} />
          <SelectField label={t('activityForm.kind')} error={e.kind?.message} {...register('kind')}>
            <option value="">{t('sessionForm.choose')}</option>
            {ACTIVITY_KINDS.map((code) => (
              <option key={code} value={code}>
                {t(`clinicalCodes.activityKind.${code}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('activityForm.topic')} autoComplete="off" error={e.topic?.message} {...register('topic')} />
          <TextField type="number" min={10} max={600} inputMode="numeric" label={t('activityForm.duration')} hint={t('activityForm.optional')} error={e.durationMinutes?.message} {...register('durationMinutes')} />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('activityForm.where')}</legend>
        <div className="form-grid">
          <MunicipalityField
            value={municipalityCode}
            error={e.municipalityCode?.message}
            onChange={(code) => setValue('municipalityCode', code, { shouldDirty: true, shouldValidate: Boolean(e.municipalityCode) })}
            registerRef={register('municipalityCode').ref}
          />
          <TextField label={t('activities.place')} hint={t('activityForm.placeHint')} autoComplete="off" error={e.place?.message} {...register('place')} />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('activities.facilitators')}</legend>
        <div className="check-grid">
          {staff.map((s) => (
            <CheckboxField key={s.id} label={s.name} value={String(s.id)} {...register('facilitatorIds')} />
          ))}
        </div>
        {e.facilitatorIds?.message ? <p className="field-error">{serverText(e.facilitatorIds.message)}</p> : null}
        <TextField label={t('activityForm.otherFacilitators')} hint={t('activityForm.otherFacilitatorsHint')} autoComplete="off" error={e.otherFacilitators?.message} {...register('otherFacilitators')} />
      </fieldset>

      <AttendanceGrid control={control} register={register} errors={e} />

      <fieldset>
        <legend>{t('activityForm.patients')}</legend>
        <p className="muted">{t('activityForm.patientsIntro')}</p>
        {patients.fields.length ? (
          <ul className="linked-patients">
            {patients.fields.map((p, index) => (
              <li key={p.id}>
                <span>{p.label}</span>
                <Button variant="link" aria-label={t('activityForm.unlinkOf', { name: p.label })} onClick={() => patients.remove(index)}>
                  {t('sessionForm.remove')}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
        {e.patientIds?.message ? <p className="field-error">{serverText(e.patientIds.message)}</p> : null}
        <div className="patient-link-search">
          <TextField
            type="search"
            label={t('activityForm.searchPatient')}
            autoComplete="off"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                void search();
              }
            }}
          />
          <Button onClick={() => void search()}>{t('activityForm.search')}</Button>
        </div>
        {results ? (
          results.length ? (
            <ul className="linked-patients" aria-label={t('activityForm.searchResults')}>
              {results.map((r) => {
                const label = `${r.givenNames} ${r.familyNames} · ${r.recordNumber}`;
                const linked = patients.fields.some((p) => p.patientId === r.id);
                return (
                  <li key={r.id}>
                    <span>{label}</span>
                    <Button
                      disabled={linked}
                      aria-label={t('activityForm.linkOf', { name: label })}
                      onClick={() => {
                        patients.append({ patientId: r.id, label });
                      }}
                    >
                      {linked ? t('activityForm.linked') : t('activityForm.link')}
                    </Button>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="muted">{t('activityForm.noPatients')}</p>
          )
        ) : null}
      </fieldset>

      <fieldset>
        <legend>{t('activityForm.notes')}</legend>
        <TextAreaField label={t('activityForm.notes')} hint={t('activityForm.notesHint')} rows={3} error={e.notes?.message} {...register('notes')} />
      </fieldset>

      <div className="form-actions form-actions-end">
        <Button onClick={() => go({ page: 'activities' })}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" busy={isSubmitting} busyLabel={t('common.saving')}>
          {activity ? t('activityForm.saveChanges') : t('activityForm.submit')}
        </Button>
      </div>
    </form>
  );
}

function MunicipalityField({ value, error, onChange, registerRef }: { value: string; error?: string; onChange: (code: string) => void; registerRef: (element: HTMLInputElement | null) => void }) {
  const { t } = useTranslation();
  return (
    <MunicipalityCombobox
      ref={registerRef}
      label={t('activityForm.municipality')}
      hint={t('activityForm.municipalityHint')}
      value={value}
      onChange={onChange}
      error={error}
      noMatches={t('activityForm.noMunicipality')}
    />
  );
}
