// Agenda: a day or a week, of the whole unit or one clinician, navigable by date.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment, OutputOf } from '../../api/contract';
import { call } from '../../api/client';
import { useProcedure } from '../../api/useProcedure';
import { useNavigate } from '../../app/navigation';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { errorText } from '../../components/errors';
import { SelectField, TextField } from '../../components/Field';
import { addDays, formatDay, unitToday, weekStart } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { AgendaTable } from './AgendaTable';
import { statusBadge, timeRange } from './appointment-columns';

type Clinician = OutputOf<'clinicians.list'>['clinicians'][number];
type View = 'day' | 'week';

export function AgendaScreen() {
  const { t } = useTranslation();
  const go = useNavigate();
  const { auth } = useSession();
  const [view, setView] = useState<View>('day');
  const [day, setDay] = useState(unitToday());
  const [clinicianId, setClinicianId] = useState(auth.user.role === 'clinician' ? String(auth.user.id) : '');
  const [clinicians, setClinicians] = useState<Clinician[]>([]);
  const [version, setVersion] = useState(0);

  const from = view === 'day' ? day : weekStart(day);
  const to = view === 'day' ? day : addDays(from, 6);

  useEffect(() => {
    void call('clinicians.list', {}).then((result) => {
      if (result.ok) setClinicians(result.value.clinicians);
    });
  }, []);

  const { value: listed, error } = useProcedure('appointments.list', { from, to, ...(clinicianId ? { clinicianId: Number(clinicianId) } : {}) }, version);
  const appointments = useMemo<Appointment[] | null>(() => (listed ? [...listed.appointments].sort((a, b) => a.startsAt.localeCompare(b.startsAt)) : null), [listed]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const step = view === 'day' ? 1 : 7;
  const who = clinicianId ? (clinicians.find((c) => String(c.id) === clinicianId)?.displayName ?? '') : t('agenda.wholeUnit');
  const period = view === 'day' ? formatDay(day, 'long') : t('agenda.weekOf', { from: formatDay(from), to: formatDay(to) });
  const dayColumns = useMemo(() => ({ clinician: !clinicianId }), [clinicianId]);

  return (
    <>
      <PageHeader title={t('agenda.title')} intro={t('agenda.intro')} />
      <div className="filters agenda-controls" role="group" aria-label={t('agenda.controls')}>
        <div className="segmented" role="group" aria-label={t('agenda.view')}>
          <Button variant={view === 'day' ? 'primary' : 'secondary'} aria-pressed={view === 'day'} onClick={() => setView('day')}>
            {t('agenda.day')}
          </Button>
          <Button variant={view === 'week' ? 'primary' : 'secondary'} aria-pressed={view === 'week'} onClick={() => setView('week')}>
            {t('agenda.week')}
          </Button>
        </div>
        <SelectField label={t('agenda.clinician')} value={clinicianId} onChange={(event) => setClinicianId(event.target.value)}>
          <option value="">{t('agenda.wholeUnit')}</option>
          {clinicians.map((c) => (
            <option key={c.id} value={c.id}>
              {c.displayName}
            </option>
          ))}
        </SelectField>
        <TextField type="date" label={t('agenda.date')} value={day} onChange={(event) => event.target.value && setDay(event.target.value)} />
        <div className="filters-actions">
          <Button aria-label={view === 'day' ? t('agenda.previousDay') : t('agenda.previousWeek')} onClick={() => setDay(addDays(day, -step))}>
            ←
          </Button>
          <Button onClick={() => setDay(unitToday())}>{t('agenda.today')}</Button>
          <Button aria-label={view === 'day' ? t('agenda.nextDay') : t('agenda.nextWeek')} onClick={() => setDay(addDays(day, step))}>
            →
          </Button>
        </div>
      </div>
      <h2 className="agenda-period" aria-live="polite">
        {period} · {who}
      </h2>
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      {appointments === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : view === 'day' ? (
        <AgendaTable caption={t('agenda.dayCaption', { period, who })} appointments={appointments} empty={t('agenda.emptyDay')} onChanged={reload} columns={dayColumns} />
      ) : (
        <div className="week-grid">
          {Array.from({ length: 7 }, (_, i) => addDays(from, i)).map((d) => {
            const items = appointments.filter((a) => a.startsAt.startsWith(d));
            return (
              <section key={d} className={d === unitToday() ? 'week-day week-today' : 'week-day'} aria-label={formatDay(d, 'long') ?? d}>
                <h3>
                  <button type="button" className="week-day-link" onClick={() => { setDay(d); setView('day'); }}>
                    {formatDay(d, 'short')}
                  </button>
                </h3>
                {items.length === 0 ? (
                  <p className="muted week-empty">{t('agenda.none')}</p>
                ) : (
                  <ul>
                    {items.map((a) => (
                      <li key={a.id} className={`week-item status-${a.status}`}>
                        <span className="cell-strong">{timeRange(a)}</span>
                        <a
                          href={`#patient-${a.patientId}`}
                          onClick={(event) => {
                            event.preventDefault();
                            go({ page: 'patient', patientId: a.patientId });
                          }}
                        >
                          {a.patientName}
                        </a>
                        <span className="cell-sub">
                          {t(`codes.service.${a.service}`)}
                          {clinicianId ? '' : ` · ${a.clinicianName}`}
                        </span>
                        <span>{statusBadge(t, a)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
