// The clinical part of a patient's page, for clinicians only: start a session (from today's checked-in
// appointment when there is one), the patient's open risk alerts, the sessions with their scores, and
// each instrument's scores over time.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUMENTS, type ApiError, type Appointment, type OutputOf } from '../../api/contract';
import { call } from '../../api/client';
import { useNavigate } from '../../app/navigation';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DataTable, type Column } from '../../components/DataTable';
import { errorText } from '../../components/errors';
import { formatTime, unitToday } from '../../components/format';
import { RiskAlerts } from './alerts/RiskAlerts';
import { formatLocalDateTime } from './clinical-format';
import './clinical.css';
import { BandBadge } from './instruments/BandBadge';
import { ScoreChart, ScoreTable } from './instruments/ScoreChart';

type SessionSummary = OutputOf<'sessions.listForPatient'>['sessions'][number];
type Series = OutputOf<'instruments.history'>['series'][number];

export function ClinicalRecord({ patientId, patientName, merged }: { patientId: number; patientName: string; merged: boolean }) {
  const { t } = useTranslation();
  const go = useNavigate();
  const { auth } = useSession();
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [series, setSeries] = useState<Series[] | null>(null);
  const [waiting, setWaiting] = useState<Appointment[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const today = unitToday();

  useEffect(() => {
    let current = true;
    void Promise.all([
      call('sessions.listForPatient', { patientId }),
      call('instruments.history', { patientId }),
      call('appointments.list', { from: today, to: today, patientId, status: 'checked_in' }),
    ]).then(([list, history, appointments]) => {
      if (!current) return;
      if (list.ok) setSessions(list.value.sessions);
      else setError(list.error);
      if (history.ok) setSeries(history.value.series);
      if (appointments.ok) setWaiting(appointments.value.appointments.filter((a) => a.clinicianId === auth.user.id));
    });
    return () => {
      current = false;
    };
  }, [patientId, today, auth.user.id]);

  const columns: Column<SessionSummary>[] = [
    { id: 'date', header: t('record.date'), className: 'cell-nowrap', cell: (s) => <span className="cell-strong">{formatLocalDateTime(s.startsAt)}</span> },
    {
      id: 'service',
      header: t('record.service'),
      cell: (s) => (
        <>
          {t(`codes.service.${s.service}`)}
          <span className="cell-sub">
            {s.clinicianName} · {t(`clinicalCodes.visitKind.${s.visitKind}`)}
          </span>
        </>
      ),
    },
    {
      id: 'status',
      header: t('record.status'),
      cell: (s) => <span className={s.status === 'signed' ? 'badge badge-ok' : 'badge badge-warning'}>{t(`clinicalCodes.sessionStatus.${s.status}`)}</span>,
    },
    {
      id: 'scores',
      header: t('record.scores'),
      cell: (s) =>
        s.instruments.length ? (
          <ul className="score-list">
            {s.instruments.map((i) => (
              <li key={i.instrument}>
                <span className="cell-strong">{t(`clinicalCodes.instrumentShort.${i.instrument}`)}</span> {i.total ?? ''} <BandBadge band={i.band} instrument={i.instrument} />
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('common.none')}</span>
        ),
    },
    { id: 'amendments', header: t('record.amendments'), className: 'cell-num', cell: (s) => s.amendmentCount },
    {
      id: 'open',
      header: t('record.open'),
      cell: (s) => (
        <Button onClick={() => go({ page: 'session', sessionId: s.id })} aria-label={t('record.openSessionOf', { date: formatLocalDateTime(s.startsAt) })}>
          {s.status === 'draft' ? t('record.continue') : t('record.view')}
        </Button>
      ),
    },
  ];

  const withScores = (series ?? []).filter((s) => s.points.length > 0);

  return (
    <section className="section clinical-record" aria-labelledby="pp-clinical">
      <div className="section-header">
        <h2 id="pp-clinical">{t('record.title')}</h2>
        {merged ? null : (
          <div className="page-actions">
            {waiting.map((a) => (
              <Button key={a.id} variant="primary" onClick={() => go({ page: 'sessionNew', patientId, appointment: { id: a.id, service: a.service, startsAt: a.startsAt } })}>
                {t('record.startFromAppointment', { time: a.startsAt.slice(11, 16), arrived: formatTime(a.checkedInAt) })}
              </Button>
            ))}
            <Button variant={waiting.length ? 'secondary' : 'primary'} onClick={() => go({ page: 'sessionNew', patientId })}>
              {t('record.newSession')}
            </Button>
          </div>
        )}
      </div>
      <p className="muted">{t('record.confidential')}</p>
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}

      <RiskAlerts patientId={patientId} headingLevel={3} />

      <section className="section" aria-labelledby="pp-sessions">
        <h3 id="pp-sessions">{t('record.sessions')}</h3>
        {sessions ? (
          <DataTable caption={t('record.sessionsCaption', { name: patientName })} columns={columns} rows={sessions} rowKey={(s) => s.id} empty={t('record.noSessions')} />
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </section>

      <section className="section" aria-labelledby="pp-charts">
        <h3 id="pp-charts">{t('record.charts')}</h3>
        <p className="muted">{t('record.chartsIntro')}</p>
        {series === null ? (
          <p className="muted">{t('app.loading')}</p>
        ) : withScores.length === 0 ? (
          <p className="muted">{t('record.noScores')}</p>
        ) : (
          <div className="chart-grid">
            {withScores.map((s) => {
              const def = INSTRUMENTS[s.instrument];
              if (def.kind === 'cssrs') {
                return (
                  <figure key={s.instrument} className="chart-figure">
                    <figcaption className="chart-figure-title">{def.name}</figcaption>
                    <ScoreTable instrument={s.instrument} name={def.name} points={s.points} />
                  </figure>
                );
              }
              return <ScoreChart key={s.instrument} instrument={s.instrument} name={def.name} min={def.min * def.items.length} max={def.max * def.items.length} points={s.points} />;
            })}
          </div>
        )}
      </section>
    </section>
  );
}
