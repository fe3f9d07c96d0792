// Admin → Schedules: each clinician's services and weekly working hours (clinicians.setSchedule).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../api/contract';
import { useProcedure } from '../../api/useProcedure';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DataTable, type Column } from '../../components/DataTable';
import { errorText } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { ScheduleDialog } from './ScheduleDialog';

export type Clinician = OutputOf<'clinicians.list'>['clinicians'][number];

export function SchedulesScreen() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Clinician | null>(null);
  const [news, setNews] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const { value: listed, error } = useProcedure('clinicians.list', {}, version);
  const clinicians: Clinician[] | null = listed?.clinicians ?? null;

  const columns = useMemo<Column<Clinician>[]>(
    () => [
      { id: 'name', header: t('schedules.clinician'), cell: (c) => <span className="cell-strong">{c.displayName}</span> },
      {
        id: 'services',
        header: t('schedules.services'),
        cell: (c) => (c.services.length ? c.services.map((s) => t(`codes.service.${s}`)).join(', ') : <span className="badge badge-warning">{t('schedules.noServices')}</span>),
      },
      {
        id: 'hours',
        header: t('schedules.hours'),
        cell: (c) =>
          c.hours.length ? (
            <ul className="plain-list">
              {[1, 2, 3, 4, 5, 6, 7]
                .filter((d) => c.hours.some((h) => h.weekday === d))
                .map((d) => (
                  <li key={d}>
                    <span className="weekday">{t(`codes.weekday.d${d as 1}`)}</span>{' '}
                    {c.hours
                      .filter((h) => h.weekday === d)
                      .map((h) => `${h.start}–${h.end}`)
                      .join(', ')}
                  </li>
                ))}
            </ul>
          ) : (
            <span className="badge badge-warning">{t('schedules.noHours')}</span>
          ),
      },
      {
        id: 'actions',
        header: t('users.actions'),
        cell: (c) => (
          <Button
            aria-label={`${t('schedules.edit')}: ${c.displayName}`}
            onClick={() => {
              setNews(null);
              setEditing(c);
            }}
          >
            {t('schedules.edit')}
          </Button>
        ),
      },
    ],
    [t],
  );

  return (
    <>
      <PageHeader title={t('schedules.title')} intro={t('schedules.intro')} />
      {news ? <Alert tone="success">{news}</Alert> : null}
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      {clinicians ? (
        <DataTable caption={t('schedules.caption')} columns={columns} rows={clinicians} rowKey={(c) => c.id} empty={t('schedules.empty')} />
      ) : error ? null : (
        <p className="muted">{t('app.loading')}</p>
      )}
      {editing ? (
        <ScheduleDialog
          clinician={editing}
          onClose={() => setEditing(null)}
          onSaved={(c) => {
            setEditing(null);
            setNews(t('schedules.saved', { name: c.displayName }));
            setVersion((v) => v + 1);
          }}
        />
      ) : null}
    </>
  );
}
