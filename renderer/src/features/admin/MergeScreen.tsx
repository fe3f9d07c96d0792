// Admin → Merge records: find the record to keep and the duplicate, compare them side by side,
// give the reason and confirm (patients.merge). The duplicate stays readable and points to the kept one.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { municipalityLabel, patientsProcedures, type Patient } from '../../api/contract';
import { call } from '../../api/client';
import { useProcedure } from '../../api/useProcedure';
import { useNavigate } from '../../app/navigation';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { errorText, serverFailure } from '../../components/errors';
import { TextAreaField } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { PatientSearch } from '../reception/PatientSearch';
import { birthText, documentText } from '../reception/PatientSummaryLine';
import { countryName } from '../reception/reference';

const mergeInput = patientsProcedures['patients.merge'].input;
type MergeOutput = z.output<typeof mergeInput>;
interface Values {
  keepPatientId: number;
  mergePatientId: number;
  reason: string;
}

function usePatient(id: number | null) {
  const { value } = useProcedure('patients.get', id === null ? null : { patientId: id });
  const patient = value?.patient ?? null;
  return id === null || patient?.id !== id ? null : patient;
}

function Side({ title, patient, onClear }: { title: string; patient: Patient; onClear: () => void }) {
  const { t, i18n } = useTranslation();
  const rows: [string, string][] = [
    [t('patient.recordNumber'), patient.recordNumber],
    [t('patient.givenNames'), patient.givenNames],
    [t('patient.familyNames'), patient.familyNames],
    [t('patient.documentType'), documentText(t, patient.documentType, patient.documentNumber)],
    [t('patientPage.birth'), birthText(t, patient)],
    [t('patient.nationality'), countryName(patient.nationality, i18n.language)],
    [t('patientPage.phones'), patient.phones.map((p) => p.number).join(', ') || t('common.none')],
    [t('patient.municipality'), municipalityLabel(patient.municipalityCode)],
    [t('patientPage.registeredAt'), formatDateTime(patient.createdAt) ?? ''],
  ];
  return (
    <section className="card merge-side" aria-label={title}>
      <h2>{title}</h2>
      {patient.mergedIntoId !== null ? <Alert tone="warning">{t('merge.alreadyMerged')}</Alert> : null}
      <dl className="facts facts-compact">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Button variant="link" onClick={onClear}>
        {t('merge.change')}
      </Button>
    </section>
  );
}

export function MergeScreen() {
  const { t } = useTranslation();
  const go = useNavigate();
  const [keepId, setKeepId] = useState<number | null>(null);
  const [mergeId, setMergeId] = useState<number | null>(null);
  const keep = usePatient(keepId);
  const merge = usePatient(mergeId);
  const [confirming, setConfirming] = useState<MergeOutput | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<Patient | null>(null);

  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Values, unknown, MergeOutput>({
    resolver: zodResolver(mergeInput) as unknown as Resolver<Values, unknown, MergeOutput>,
    values: { keepPatientId: keepId ?? 0, mergePatientId: mergeId ?? 0, reason: '' },
    resetOptions: { keepDirtyValues: true },
  });

  const onSubmit = handleSubmit((values) => {
    setFailure(null);
    setConfirming(values);
  });

  const confirm = async () => {
    if (!confirming) return;
    setBusy(true);
    const result = await call('patients.merge', confirming);
    setBusy(false);
    setConfirming(null);
    if (result.ok) {
      setDone(result.value.patient);
      setKeepId(null);
      setMergeId(null);
      return;
    }
    setFailure(serverFailure(t, result.error, ['reason', 'mergePatientId'], setError) ?? errorText(t, result.error));
  };

  return (
    <>
      <PageHeader title={t('merge.title')} intro={t('merge.intro')} />
      {done ? (
        <div className="alert alert-success" role="status">
          <p>{t('merge.done', { record: done.recordNumber })}</p>
          <Button onClick={() => go({ page: 'patient', patientId: done.id })}>{t('merge.openKept')}</Button>
        </div>
      ) : null}
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <div className="merge-grid">
        {keep ? (
          <Side title={t('merge.keep')} patient={keep} onClear={() => setKeepId(null)} />
        ) : (
          <section className="card" aria-labelledby="merge-keep">
            <h2 id="merge-keep">{t('merge.keep')}</h2>
            <PatientSearch label={t('merge.searchKeep')} onPick={(p) => setKeepId(p.id)} />
          </section>
        )}
        {merge ? (
          <Side title={t('merge.duplicate')} patient={merge} onClear={() => setMergeId(null)} />
        ) : (
          <section className="card" aria-labelledby="merge-duplicate">
            <h2 id="merge-duplicate">{t('merge.duplicate')}</h2>
            <PatientSearch label={t('merge.searchDuplicate')} onPick={(p) => setMergeId(p.id)} />
          </section>
        )}
      </div>
      {keep && merge ? (
        <form className="form card section" noValidate onSubmit={onSubmit} aria-label={t('merge.title')}>
          {keep.id === merge.id ? <Alert tone="warning">{t('merge.same')}</Alert> : null}
          <TextAreaField label={t('merge.reason')} hint={t('merge.reasonHint')} rows={3} error={errors.reason?.message ?? errors.mergePatientId?.message} {...register('reason')} />
          <div className="form-actions">
            <Button type="submit" variant="danger">
              {t('merge.submit')}
            </Button>
          </div>
        </form>
      ) : null}
      {confirming && keep && merge ? (
        <ConfirmDialog
          title={t('merge.confirmTitle')}
          body={<p>{t('merge.confirmBody', { merge: merge.recordNumber, keep: keep.recordNumber })}</p>}
          confirmLabel={t('merge.confirm')}
          danger
          busy={busy}
          onConfirm={() => void confirm()}
          onClose={() => setConfirming(null)}
        />
      ) : null}
    </>
  );
}
