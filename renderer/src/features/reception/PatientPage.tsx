// One patient: demographics, consents, no-shows, appointments, the change history; Edit and Book.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { municipalityLabel, type ApiError, type Appointment, type Patient } from '../../api/contract';
import { call } from '../../api/client';
import { useNavigate } from '../../app/navigation';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { errorText } from '../../components/errors';
import { addDays, formatDateTime, formatDay, unitToday } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { ClinicalRecord } from '../clinical/ClinicalRecord';
import { VisitsSection } from '../clinical/VisitsSection';
import { AgendaTable } from './AgendaTable';
import { historyColumns, type HistoryEntry } from './history-columns';
import { birthText, documentText } from './PatientSummaryLine';
import { countryName } from './reference';

/** Appointments shown: the last two months and the next two (the list answers at most 62 days a call). */
const WINDOW_DAYS = 61;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function PatientPage({ patientId, notice }: { patientId: number; notice?: 'registered' | 'updated' }) {
  const { t, i18n } = useTranslation();
  const go = useNavigate();
  const { auth } = useSession();
  const role = auth.user.role;
  const [patient, setPatient] = useState<Patient | null>(null);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [appointments, setAppointments] = useState<Appointment[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  const today = unitToday();

  useEffect(() => {
    let current = true;
    void Promise.all([
      call('patients.get', { patientId }),
      call('patients.history', { patientId }),
      call('appointments.list', { from: addDays(today, -WINDOW_DAYS), to: today, patientId }),
      call('appointments.list', { from: addDays(today, 1), to: addDays(today, 1 + WINDOW_DAYS), patientId }),
    ]).then(([p, h, past, next]) => {
      if (!current) return;
      if (!p.ok) {
        setError(p.error);
        return;
      }
      setPatient(p.value.patient);
      if (h.ok) setHistory(h.value.entries);
      if (past.ok && next.ok) setAppointments([...past.value.appointments, ...next.value.appointments].sort((a, b) => b.startsAt.localeCompare(a.startsAt)));
    });
    return () => {
      current = false;
    };
  }, [patientId, today, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const columns = useMemo(() => historyColumns(t), [t]);
  const appointmentColumnOptions = useMemo(() => ({ date: true, patient: false }), []);

  if (error) {
    return (
      <>
        <PageHeader title={t('patientPage.title')} />
        <Alert tone="error">{errorText(t, error)}</Alert>
      </>
    );
  }
  if (!patient) return <p className="muted">{t('app.loading')}</p>;

  const name = `${patient.givenNames} ${patient.familyNames}`;
  const canEdit = role !== 'clinician' && patient.mergedIntoId === null;
  const consent = (c: Patient['consentToCare']) =>
    c.given ? t('patientPage.consentGiven', { who: c.byName, when: formatDateTime(c.at), version: c.version }) : t('patientPage.consentNotGiven', { who: c.byName, when: formatDateTime(c.at) });

  return (
    <>
      <PageHeader
        title={name}
        intro={
          <>
            <span className="record-number">{patient.recordNumber}</span> · {documentText(t, patient.documentType, patient.documentNumber)} · {birthText(t, patient)}
          </>
        }
        actions={
          patient.mergedIntoId === null ? (
            <>
              {canEdit ? <Button onClick={() => go({ page: 'patientEdit', patientId: patient.id })}>{t('patientPage.edit')}</Button> : null}
              <Button variant="primary" onClick={() => go({ page: 'book', patientId: patient.id })}>
                {t('patientPage.book')}
              </Button>
            </>
          ) : null
        }
      />
      {notice === 'registered' ? <Alert tone="success">{t('patientPage.registered', { record: patient.recordNumber })}</Alert> : null}
      {notice === 'updated' ? <Alert tone="success">{t('patientPage.updated')}</Alert> : null}
      {patient.mergedIntoId !== null ? (
        <div className="alert alert-warning" role="status">
          <p>{t('patientPage.mergedBanner')}</p>
          <Button variant="primary" onClick={() => go({ page: 'patient', patientId: patient.mergedIntoId! })}>
            {t('patientPage.openKept')}
          </Button>
        </div>
      ) : null}

      <div className="cards cards-3">
        <section className="card" aria-labelledby="pp-identity">
          <h2 id="pp-identity">{t('intake.identity')}</h2>
          <dl className="facts facts-compact">
            <Fact label={t('patient.sex')}>{t(`codes.sex.${patient.sex}`)}</Fact>
            {patient.genderIdentity ? <Fact label={t('patient.genderIdentity')}>{patient.genderIdentity}</Fact> : null}
            <Fact label={t('patientPage.birth')}>{birthText(t, patient)}</Fact>
            <Fact label={t('patient.nationality')}>{countryName(patient.nationality, i18n.language)}</Fact>
            <Fact label={t('patient.populationGroup')}>{t(`codes.populationGroup.${patient.populationGroup}`)}</Fact>
            <Fact label={t('patient.arrivalDate')}>{formatDay(patient.arrivalDate) ?? t('common.none')}</Fact>
          </dl>
        </section>
        <section className="card" aria-labelledby="pp-contact">
          <h2 id="pp-contact">{t('intake.contact')}</h2>
          <dl className="facts facts-compact">
            <Fact label={t('patientPage.phones')}>
              {patient.phones.length
                ? patient.phones.map((p) => (
                    <span key={p.number} className="block">
                      {p.number}
                      {p.whatsapp ? <span className="badge badge-ok">WhatsApp</span> : null}
                    </span>
                  ))
                : t('common.none')}
            </Fact>
            <Fact label={t('patient.municipality')}>{municipalityLabel(patient.municipalityCode)}</Fact>
            <Fact label={t('patient.neighbourhood')}>{patient.neighbourhood ?? t('common.none')}</Fact>
            <Fact label={t('patient.address')}>{patient.address ?? t('common.none')}</Fact>
            <Fact label={t('patient.zone')}>{patient.zone ? t(`codes.zone.${patient.zone}`) : t('common.none')}</Fact>
            <Fact label={t('intake.emergencyContact')}>
              {patient.emergencyContact ? `${patient.emergencyContact.name} (${patient.emergencyContact.relationship})${patient.emergencyContact.phone ? ` · ${patient.emergencyContact.phone}` : ''}` : t('common.none')}
            </Fact>
            {patient.guardian ? (
              <Fact label={t('intake.guardian')}>
                {`${patient.guardian.name} (${patient.guardian.relationship})${patient.guardian.phone ? ` · ${patient.guardian.phone}` : ''}`}
              </Fact>
            ) : null}
          </dl>
        </section>
        <section className="card" aria-labelledby="pp-health">
          <h2 id="pp-health">{t('intake.insurance')}</h2>
          <dl className="facts facts-compact">
            <Fact label={t('patient.insuranceRegime')}>{t(`codes.insuranceRegime.${patient.insuranceRegime}`)}</Fact>
            <Fact label={t('patient.eps')}>{patient.eps ?? t('common.none')}</Fact>
            <Fact label={t('patient.sisbenGroup')}>{patient.sisbenGroup ?? t('common.none')}</Fact>
            <Fact label={t('patient.referralSource')}>{t(`codes.referralSource.${patient.referralSource}`)}</Fact>
            <Fact label={t('patientPage.conditions')}>
              {[
                patient.pregnant ? t('patient.pregnant') : null,
                patient.disability ? t('patient.disability') : null,
                patient.unaccompaniedMinor ? t('patient.unaccompaniedMinor') : null,
                patient.ethnicity !== 'none' ? t(`codes.ethnicity.${patient.ethnicity}`) : null,
                patient.lgbtiq === 'yes' ? t('patientPage.lgbtiqYes') : null,
              ]
                .filter(Boolean)
                .join(' · ') || t('common.none')}
            </Fact>
            <Fact label={t('patientPage.noShows')}>
              <span className={patient.noShowCount > 0 ? 'badge badge-warning' : undefined}>{patient.noShowCount}</span>
            </Fact>
          </dl>
        </section>
      </div>

      <section className="card section" aria-labelledby="pp-consents">
        <h2 id="pp-consents">{t('intake.consents')}</h2>
        <dl className="facts">
          <Fact label={t('patientPage.consentCare')}>{consent(patient.consentToCare)}</Fact>
          <Fact label={t('patientPage.consentData')}>{consent(patient.consentToDataProcessing)}</Fact>
          <Fact label={t('patientPage.registeredAt')}>{formatDateTime(patient.createdAt)}</Fact>
        </dl>
      </section>

      {role === 'clinician' ? <ClinicalRecord patientId={patient.id} patientName={name} merged={patient.mergedIntoId !== null} /> : <VisitsSection patientId={patient.id} patientName={name} />}

      <section className="section" aria-labelledby="pp-appointments">
        <h2 id="pp-appointments">{t('patientPage.appointments')}</h2>
        {appointments ? (
          <AgendaTable
            caption={t('patientPage.appointmentsCaption', { name })}
            appointments={appointments}
            empty={t('patientPage.noAppointments')}
            onChanged={reload}
            columns={appointmentColumnOptions}
          />
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </section>

      <section className="section" aria-labelledby="pp-history">
        <h2 id="pp-history">{t('patientPage.history')}</h2>
        {history ? (
          <DataTable caption={t('patientPage.historyCaption', { name })} columns={columns} rows={history} rowKey={(e) => e.id} empty={t('patientPage.noHistory')} />
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </section>
    </>
  );
}
