// Admin → Backups: back up now (one at a time: a 409 while another runs, the automatic one included),
// the progress of a running backup, the last backup and the last automatic one, and the files kept.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, BackupFileInfo, BackupStatusOutput } from '../../../api/contract';
import { call } from '../../../api/client';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { DataTable, type Column } from '../../../components/DataTable';
import { formatNumber } from '../../../components/charts/format';
import { errorText } from '../../../components/errors';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import '../admin.css';
import { ProgressBar } from '../exports/ProgressBar';

const POLL_MS = 500;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  if (bytes < 1024 ** 3) return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
  return `${formatNumber(bytes / 1024 ** 3, 2)} GB`;
}

export function BackupsScreen() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<BackupStatusOutput | null>(null);
  const [list, setList] = useState<{ directory: string; backups: BackupFileInfo[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [creating, setCreating] = useState(false);
  const [done, setDone] = useState<BackupFileInfo | null>(null);

  const refresh = useCallback(async () => {
    const [s, l] = await Promise.all([call('backups.status', {}), call('backups.list', {})]);
    if (s.ok) setStatus(s.value);
    if (l.ok) setList(l.value);
    const failed = !s.ok ? s.error : !l.ok ? l.error : null;
    if (failed) setError(failed);
  }, []);

  useEffect(() => {
    let current = true;
    void Promise.all([call('backups.status', {}), call('backups.list', {})]).then(([s, l]) => {
      if (!current) return;
      if (s.ok) setStatus(s.value);
      if (l.ok) setList(l.value);
      const failed = !s.ok ? s.error : !l.ok ? l.error : null;
      if (failed) setError(failed);
    });
    return () => {
      current = false;
    };
  }, []);

  // While a backup runs (ours or the automatic one), follow its progress.
  const running = creating || status?.running === true;
  useEffect(() => {
    if (!running) return;
    let current = true;
    const timer = window.setInterval(() => {
      void call('backups.status', {}).then((result) => {
        if (current && result.ok) setStatus(result.value);
      });
    }, POLL_MS);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, [running]);

  const wasRunning = status?.running;
  useEffect(() => {
    if (wasRunning === false && !creating) {
      void call('backups.list', {}).then((result) => {
        if (result.ok) setList(result.value);
      });
    }
  }, [wasRunning, creating]);

  const backUp = async () => {
    setCreating(true);
    setError(null);
    setDone(null);
    const result = await call('backups.create', {});
    setCreating(false);
    if (result.ok) setDone(result.value);
    else setError(result.error);
    await refresh();
  };

  const columns: Column<BackupFileInfo>[] = [
    { id: 'file', header: t('backups.file'), cell: (b) => <code>{b.file}</code> },
    { id: 'at', header: t('backups.at'), cell: (b) => formatDateTime(b.at), className: 'cell-nowrap' },
    { id: 'size', header: t('backups.size'), cell: (b) => formatBytes(b.bytes), className: 'cell-num' },
  ];

  return (
    <>
      <PageHeader
        title={t('backups.title')}
        intro={t('backups.intro')}
        actions={
          <Button variant="primary" busy={running} busyLabel={t('backups.running')} onClick={() => void backUp()}>
            {t('backups.now')}
          </Button>
        }
      />
      {error ? <Alert tone="error">{error.code === 'conflict' ? `${t('backups.conflict')} ${errorText(t, error)}` : errorText(t, error)}</Alert> : null}
      {done ? <Alert tone="success">{t('backups.done', { file: done.file, size: formatBytes(done.bytes) })}</Alert> : null}

      <section className="section" aria-labelledby="backup-status">
        <h2 id="backup-status">{t('backups.status')}</h2>
        {status ? (
          <div className="card">
            {status.running || creating ? (
              <ProgressBar label={t('backups.inProgress')} value={status.progress ?? 0} />
            ) : (
              <p className="muted">{t('backups.idle')}</p>
            )}
            <dl className="facts">
              <div>
                <dt>{t('backups.lastBackup')}</dt>
                <dd>{formatDateTime(status.lastBackupAt) ?? t('backups.never')}</dd>
              </div>
              <div>
                <dt>{t('backups.lastAutomatic')}</dt>
                <dd>{formatDateTime(status.lastAutomaticAt) ?? t('backups.never')}</dd>
              </div>
              <div>
                <dt>{t('backups.keep')}</dt>
                <dd>{t('backups.keepValue', { count: status.keep })}</dd>
              </div>
              {list ? (
                <div>
                  <dt>{t('backups.directory')}</dt>
                  <dd>
                    <code>{list.directory}</code>
                  </dd>
                </div>
              ) : null}
            </dl>
          </div>
        ) : error ? null : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </section>

      <section className="section" aria-labelledby="backup-list">
        <h2 id="backup-list">{t('backups.list')}</h2>
        <p className="muted">{t('backups.listIntro')}</p>
        {list ? <DataTable caption={t('backups.list')} columns={columns} rows={list.backups} rowKey={(b) => b.file} empty={t('backups.none')} /> : null}
      </section>
    </>
  );
}
