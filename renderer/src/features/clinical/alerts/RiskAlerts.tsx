// Open risk alerts (PHQ-9 item 9, C-SSRS moderate/high): every clinician sees them until one of them
// acknowledges the alert with what was done. On the home page for the whole unit, on a patient's page
// for that patient.
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract, type RiskAlert } from '../../../api/contract';
import { call } from '../../../api/client';
import { useProcedure } from '../../../api/useProcedure';
import { useNavigate } from '../../../app/navigation';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { DataTable, type Column } from '../../../components/DataTable';
import { FormDialog } from '../../../components/Dialog';
import { errorText, serverFailure } from '../../../components/errors';
import { TextAreaField } from '../../../components/Field';
import { fallbackMessages, formSchema } from '../../../components/form-schema';
import { formatDateTime } from '../../../components/format';
import '../clinical.css';

export function RiskAlerts({ patientId, headingLevel = 2 }: { patientId?: number; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const go = useNavigate();
  const [open, setOpen] = useState<RiskAlert | null>(null);
  const [news, setNews] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const { value: listed, error } = useProcedure('alerts.list', patientId === undefined ? {} : { patientId }, version);
  const alerts: RiskAlert[] | null = listed?.alerts ?? null;

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = patientId === undefined ? 'alerts-open' : `alerts-patient-${patientId}`;

  const columns: Column<RiskAlert>[] = [
    {
      id: 'level',
      header: t('alerts.level'),
      cell: (a) => <span className={a.level === 'high' ? 'badge badge-danger' : 'badge badge-warning'}>{t(`clinicalCodes.alertLevel.${a.level}`)}</span>,
    },
    ...(patientId === undefined
      ? [
          {
            id: 'patient',
            header: t('alerts.patient'),
            cell: (a: RiskAlert) => (
              <>
                <a
                  href={`#patient-${a.patientId}`}
                  className="cell-strong"
                  onClick={(event) => {
                    event.preventDefault();
                    go({ page: 'patient', patientId: a.patientId });
                  }}
                >
                  {a.patientName}
                </a>
                <span className="cell-sub">{a.patientRecordNumber}</span>
              </>
            ),
          },
        ]
      : []),
    { id: 'source', header: t('alerts.source'), cell: (a) => t(`clinicalCodes.alertSource.${a.source}`) },
    {
      id: 'raised',
      header: t('alerts.raised'),
      className: 'cell-nowrap',
      cell: (a) => (
        <>
          {formatDateTime(a.raisedAt)}
          <span className="cell-sub">{a.raisedByName}</span>
        </>
      ),
    },
    {
      id: 'actions',
      header: t('alerts.actions'),
      className: 'cell-actions',
      cell: (a) => (
        <div className="row-actions">
          <Button onClick={() => go({ page: 'session', sessionId: a.sessionId })} aria-label={t('alerts.openSessionOf', { name: a.patientName })}>
            {t('alerts.openSession')}
          </Button>
          <Button variant="primary" onClick={() => setOpen(a)} aria-label={t('alerts.acknowledgeOf', { name: a.patientName })}>
            {t('alerts.acknowledge')}
          </Button>
        </div>
      ),
    },
  ];

  return (
    <section className="section" aria-labelledby={headingId}>
      <Heading id={headingId}>
        {patientId === undefined ? t('alerts.title') : t('alerts.patientTitle')}{' '}
        <span className={alerts && alerts.length > 0 ? 'badge badge-danger' : 'badge badge-ok'}>{alerts?.length ?? '…'}</span>
      </Heading>
      {news ? <Alert tone="success">{news}</Alert> : null}
      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      {alerts ? (
        <DataTable caption={patientId === undefined ? t('alerts.caption') : t('alerts.patientCaption')} columns={columns} rows={alerts} rowKey={(a) => a.id} empty={t('alerts.none')} rowClassName={(a) => (a.level === 'high' ? 'row-alert-high' : undefined)} />
      ) : error ? null : (
        <p className="muted">{t('app.loading')}</p>
      )}
      {open ? (
        <AcknowledgeDialog
          alert={open}
          onClose={() => setOpen(null)}
          onDone={() => {
            setNews(t('alerts.acknowledged', { name: open.patientName }));
            setOpen(null);
            reload();
          }}
        />
      ) : null}
    </section>
  );
}

interface AckValues {
  note: string;
}

function AcknowledgeDialog({ alert, onClose, onDone }: { alert: RiskAlert; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const schema = formSchema<AckValues, (typeof contract)['alerts.acknowledge']['input']>((v) => ({ alertId: alert.id, note: v.note }), contract['alerts.acknowledge'].input);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<AckValues, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema, fallbackMessages(() => t('errors.invalidField'))),
    defaultValues: { note: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await call('alerts.acknowledge', values);
    if (result.ok) onDone();
    else setFailure(serverFailure(t, result.error, ['note'], setError));
  });

  return (
    <FormDialog
      title={t('alerts.acknowledgeTitle')}
      intro={
        <p>
          {t('alerts.acknowledgeIntro', {
            name: alert.patientName,
            source: t(`clinicalCodes.alertSource.${alert.source}`),
            level: t(`clinicalCodes.alertLevel.${alert.level}`),
          })}
        </p>
      }
      failure={failure}
      submitLabel={t('alerts.acknowledgeSubmit')}
      busy={isSubmitting}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <TextAreaField label={t('alerts.note')} hint={t('alerts.noteHint')} rows={4} error={errors.note?.message} {...register('note')} />
    </FormDialog>
  );
}
