// A session page: a new session (optionally from an appointment), a draft to continue, or a signed
// session to read, amend and follow up. The patient's name and record number head the page.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Patient, Service, Session } from '../../../api/contract';
import { call } from '../../../api/client';
import { useNavigate } from '../../../app/navigation';
import { useSession } from '../../../app/session';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { errorText } from '../../../components/errors';
import { unitNow } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { formatLocalDateTime } from '../clinical-format';
import '../clinical.css';
import type { CatalogEntry } from './InstrumentFields';
import { newSessionForm, sessionToForm, type SessionFormValues } from './session-form';
import { SessionForm } from './SessionForm';
import { SignedSession } from './SignedSession';

interface Loaded {
  patient: Patient;
  catalog: CatalogEntry[];
  session: Session | null;
  initial: SessionFormValues | null;
}

export function SessionScreen({ sessionId, patientId, appointment }: { sessionId?: number; patientId?: number; appointment?: { id: number; service: Service; startsAt: string } }) {
  const { t } = useTranslation();
  const go = useNavigate();
  const { auth } = useSession();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [justSigned, setJustSigned] = useState(false);

  useEffect(() => {
    let current = true;
    const load = async () => {
      const catalog = await call('instruments.catalog', {});
      if (!catalog.ok) return setError(catalog.error);
      if (sessionId !== undefined) {
        const got = await call('sessions.get', { sessionId });
        if (!got.ok) return setError(got.error);
        const patient = await call('patients.get', { patientId: got.value.session.patientId });
        if (!patient.ok) return setError(patient.error);
        const s = got.value.session;
        if (!current) return;
        setSession(s);
        setLoaded({ patient: patient.value.patient, catalog: catalog.value.instruments, session: s, initial: s.status === 'draft' ? sessionToForm(s) : null });
        return;
      }
      const [patient, previous, clinicians] = await Promise.all([
        call('patients.get', { patientId: patientId! }),
        call('sessions.listForPatient', { patientId: patientId! }),
        call('clinicians.list', {}),
      ]);
      if (!patient.ok) return setError(patient.error);
      const own = clinicians.ok ? clinicians.value.clinicians.find((c) => c.id === auth.user.id) : undefined;
      const initial = newSessionForm({
        patientId: patientId!,
        appointmentId: appointment?.id ?? null,
        startsAt: appointment ? appointment.startsAt.slice(0, 16) : unitNow(),
        service: appointment?.service ?? own?.services[0] ?? 'psychology',
        visitKind: previous.ok && previous.value.sessions.some((s) => s.status === 'signed') ? 'follow_up' : 'first',
      });
      if (current) setLoaded({ patient: patient.value.patient, catalog: catalog.value.instruments, session: null, initial });
    };
    void load();
    return () => {
      current = false;
    };
  }, [sessionId, patientId, appointment, auth.user.id]);

  if (error) {
    return (
      <>
        <PageHeader title={t('sessionForm.title')} />
        <Alert tone="error">{errorText(t, error)}</Alert>
      </>
    );
  }
  if (!loaded) return <p className="muted">{t('app.loading')}</p>;

  const { patient } = loaded;
  const name = `${patient.givenNames} ${patient.familyNames}`;
  const signed = session?.status === 'signed' ? session : null;
  const intro = (
    <>
      <span className="record-number">{patient.recordNumber}</span> · {name}
      {session ? ` · ${formatLocalDateTime(session.startsAt)} · ${session.clinicianName}` : null}
    </>
  );

  return (
    <>
      <PageHeader
        title={signed ? t('sessionView.title') : session ? t('sessionForm.draftTitle') : t('sessionForm.title')}
        intro={intro}
        actions={<Button onClick={() => go({ page: 'patient', patientId: patient.id })}>{t('sessionForm.backToPatient')}</Button>}
      />
      {justSigned ? <Alert tone="success">{t('sessionView.signedNotice')}</Alert> : null}
      {signed ? (
        <SignedSession session={signed} onChanged={setSession} />
      ) : (
        <SessionForm
          initial={loaded.initial!}
          draft={loaded.session}
          catalog={loaded.catalog}
          onSigned={(s) => {
            window.history.replaceState({ acogida: { page: 'session', sessionId: s.id } }, '');
            setSession(s);
            setJustSigned(true);
            window.scrollTo(0, 0);
          }}
        />
      )}
    </>
  );
}
