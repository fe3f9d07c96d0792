// The signed-in clinician's unsigned drafts, newest first, each opened to continue.
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../api/contract';
import { useProcedure } from '../../../api/useProcedure';
import { useNavigate } from '../../../app/navigation';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { DataTable, type Column } from '../../../components/DataTable';
import { errorText } from '../../../components/errors';
import { formatLocalDateTime } from '../clinical-format';

type Draft = OutputOf<'sessions.listDrafts'>['sessions'][number];

export function DraftsPanel() {
  const { t } = useTranslation();
  const go = useNavigate();
  const { value: listed, error } = useProcedure('sessions.listDrafts', {});
  const drafts: Draft[] | null = listed?.sessions ?? null;

  const columns: Column<Draft>[] = [
    { id: 'date', header: t('record.date'), className: 'cell-nowrap', cell: (d) => formatLocalDateTime(d.startsAt) },
    {
      id: 'patient',
      header: t('alerts.patient'),
      cell: (d) => (
        <a
          href={`#patient-${d.patientId}`}
          className="cell-strong"
          onClick={(event) => {
            event.preventDefault();
            go({ page: 'patient', patientId: d.patientId });
          }}
        >
          {d.patientName}
        </a>
      ),
    },
    { id: 'service', header: t('record.service'), cell: (d) => t(`codes.service.${d.service}`) },
    {
      id: 'open',
      header: t('record.open'),
      cell: (d) => (
        <Button variant="primary" onClick={() => go({ page: 'session', sessionId: d.id })} aria-label={t('drafts.continueFor', { name: d.patientName })}>
          {t('record.continue')}
        </Button>
      ),
    },
  ];

  return (
    <section className="section" aria-labelledby="clinical-drafts">
      <h2 id="clinical-drafts">
        {t('drafts.title')} <span className={drafts && drafts.length ? 'badge badge-warning' : 'badge badge-ok'}>{drafts?.length ?? '…'}</span>
      </h2>
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      {drafts ? <DataTable caption={t('drafts.caption')} columns={columns} rows={drafts} rowKey={(d) => d.id} empty={t('drafts.none')} /> : error ? null : <p className="muted">{t('app.loading')}</p>}
    </section>
  );
}
