// For reception and administration: that sessions happened (date, service, clinician), for scheduling.
// No clinical content reaches these roles (sessions.listVisits answers nothing more).
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../api/contract';
import { useProcedure } from '../../api/useProcedure';
import { Alert } from '../../components/Alert';
import { DataTable, type Column } from '../../components/DataTable';
import { errorText } from '../../components/errors';
import { formatLocalDateTime } from './clinical-format';

type Visit = OutputOf<'sessions.listVisits'>['visits'][number];

export function VisitsSection({ patientId, patientName }: { patientId: number; patientName: string }) {
  const { t } = useTranslation();
  const { value: listed, error } = useProcedure('sessions.listVisits', { patientId });
  const visits: Visit[] | null = listed?.visits ?? null;

  const columns: Column<Visit>[] = [
    { id: 'date', header: t('record.date'), className: 'cell-nowrap', cell: (v) => formatLocalDateTime(v.startsAt) },
    { id: 'service', header: t('record.service'), cell: (v) => t(`codes.service.${v.service}`) },
    { id: 'clinician', header: t('visits.clinician'), cell: (v) => v.clinicianName },
    { id: 'status', header: t('record.status'), cell: (v) => t(`clinicalCodes.sessionStatus.${v.status}`) },
  ];

  return (
    <section className="section" aria-labelledby="pp-visits">
      <h2 id="pp-visits">{t('visits.title')}</h2>
      <p className="muted">{t('visits.intro')}</p>
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      {visits ? (
        <DataTable caption={t('visits.caption', { name: patientName })} columns={columns} rows={visits} rowKey={(v) => v.id} empty={t('visits.none')} />
      ) : error ? null : (
        <p className="muted">{t('app.loading')}</p>
      )}
    </section>
  );
}
