// Community and group activities of a period (this month by default): what, where, who facilitated,
// how many people attended; record a new one or correct one.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { municipalityLabel, type Activity } from '../../../api/contract';
import { useProcedure } from '../../../api/useProcedure';
import { useNavigate } from '../../../app/navigation';
import { useSession } from '../../../app/session';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { DataTable, type Column } from '../../../components/DataTable';
import { errorText } from '../../../components/errors';
import { TextField } from '../../../components/Field';
import { formatDay, unitToday } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import '../clinical.css';

function monthStart(day: string): string {
  return `${day.slice(0, 8)}01`;
}

export function ActivitiesScreen({ notice }: { notice?: 'recorded' | 'updated' }) {
  const { t } = useTranslation();
  const go = useNavigate();
  const { auth } = useSession();
  const today = unitToday();
  const [period, setPeriod] = useState({ from: monthStart(today), to: today });
  const [draft, setDraft] = useState(period);
  const { value: listed, error } = useProcedure('activities.list', period);
  const activities: Activity[] | null = listed?.activities ?? null;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setPeriod(draft);
  };

  const mayEdit = (a: Activity) => auth.user.role === 'admin' || a.recordedByName === auth.user.displayName;
  const columns: Column<Activity>[] = [
    { id: 'date', header: t('activities.date'), className: 'cell-nowrap', cell: (a) => <span className="cell-strong">{formatDay(a.date)}</span> },
    {
      id: 'activity',
      header: t('activities.activity'),
      cell: (a) => (
        <>
          <span className="cell-strong">{a.topic}</span>
          <span className="cell-sub">{t(`clinicalCodes.activityKind.${a.kind}`)}</span>
        </>
      ),
    },
    {
      id: 'place',
      header: t('activities.place'),
      cell: (a) => (
        <>
          {a.place}
          <span className="cell-sub">{municipalityLabel(a.municipalityCode)}</span>
        </>
      ),
    },
    { id: 'attendance', header: t('activities.attendance'), className: 'cell-num', cell: (a) => <span className="cell-strong">{a.totalAttendance}</span> },
    {
      id: 'facilitators',
      header: t('activities.facilitators'),
      cell: (a) => [...a.facilitators.map((f) => f.name), ...(a.otherFacilitators ? [a.otherFacilitators] : [])].join(', '),
    },
    {
      id: 'actions',
      header: t('activities.actions'),
      cell: (a) =>
        mayEdit(a) ? (
          <Button onClick={() => go({ page: 'activityForm', activity: a })} aria-label={t('activities.editOf', { topic: a.topic, date: formatDay(a.date) })}>
            {t('activities.edit')}
          </Button>
        ) : null,
    },
  ];
  const total = (activities ?? []).reduce((sum, a) => sum + a.totalAttendance, 0);

  return (
    <>
      <PageHeader
        title={t('activities.title')}
        intro={t('activities.intro')}
        actions={
          <Button variant="primary" onClick={() => go({ page: 'activityForm' })}>
            {t('activities.record')}
          </Button>
        }
      />
      {notice ? <Alert tone="success">{notice === 'recorded' ? t('activities.recorded') : t('activities.updated')}</Alert> : null}
      <form className="filters" onSubmit={apply} aria-label={t('activities.periodLabel')}>
        <TextField type="date" label={t('activities.from')} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        <TextField type="date" label={t('activities.to')} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        <div className="filters-actions">
          <Button type="submit">{t('activities.show')}</Button>
        </div>
      </form>
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      {activities ? (
        <>
          <p className="muted" role="status">
            {t('activities.summary', { count: activities.length, people: total })}
          </p>
          <DataTable caption={t('activities.caption', { from: formatDay(period.from), to: formatDay(period.to) })} columns={columns} rows={activities} rowKey={(a) => a.id} empty={t('activities.none')} />
        </>
      ) : error ? null : (
        <p className="muted">{t('app.loading')}</p>
      )}
    </>
  );
}
