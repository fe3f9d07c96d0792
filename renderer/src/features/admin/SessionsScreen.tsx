// Admin → Open sessions: who is signed in, from which workstation, since when and until when; end
// one session (a workstation left signed in, a stolen laptop) or every session of a person.
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActiveSession, ApiError } from '../../api/contract';
import { call } from '../../api/client';
import { useProcedure } from '../../api/useProcedure';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DataTable, type Column } from '../../components/DataTable';
import { ConfirmDialog } from '../../components/Dialog';
import { errorText } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';

type Ending = { kind: 'one'; session: ActiveSession } | { kind: 'all'; session: ActiveSession } | null;

export function SessionsScreen() {
  const { t } = useTranslation();
  const [news, setNews] = useState<string | null>(null);
  const [ending, setEnding] = useState<Ending>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);

  const { value: listed, error: loadError } = useProcedure('users.sessions', {}, version);
  const sessions = listed?.sessions ?? null;

  const close = () => {
    setEnding(null);
    setActionError(null);
  };

  const end = async (what: NonNullable<Ending>) => {
    setBusy(true);
    const result = await call('users.endSessions', what.kind === 'one' ? { sessionId: what.session.id } : { userId: what.session.userId });
    setBusy(false);
    if (!result.ok) {
      setActionError(result.error);
      return;
    }
    close();
    setNews(t('sessions.ended', { count: result.value.ended, name: what.session.displayName }));
    setVersion((v) => v + 1);
  };

  const columns = useMemo<Column<ActiveSession>[]>(
    () => [
      {
        id: 'person',
        header: t('sessions.person'),
        cell: (s) => (
          <>
            <span className="cell-strong">{s.displayName}</span> <code>{s.username}</code>
            {s.current ? <span className="badge badge-ok">{t('sessions.thisSession')}</span> : null}
          </>
        ),
      },
      { id: 'role', header: t('sessions.role'), cell: (s) => t(`roleNames.${s.role}`) },
      { id: 'origin', header: t('sessions.origin'), cell: (s) => originText(t, s.origin) },
      {
        id: 'activity',
        header: t('sessions.activity'),
        cell: (s) => (
          <>
            <div>{t('sessions.createdAt', { time: formatDateTime(s.createdAt) })}</div>
            <div className="muted">{t('sessions.lastSeenAt', { time: formatDateTime(s.lastSeenAt) })}</div>
          </>
        ),
      },
      {
        id: 'closes',
        header: t('sessions.closes'),
        cell: (s) => (
          <>
            <div>{t('sessions.idleExpiresAt', { time: formatDateTime(s.idleExpiresAt) })}</div>
            <div className="muted">{t('sessions.expiresAt', { time: formatDateTime(s.expiresAt) })}</div>
          </>
        ),
      },
      {
        id: 'actions',
        header: t('sessions.actions'),
        className: 'cell-actions',
        cell: (s) =>
          s.current ? (
            <span className="muted">{t('sessions.ownHint')}</span>
          ) : (
            <div className="row-actions">
              <Button variant="danger" aria-label={`${t('sessions.endOne')}: ${s.displayName}, ${originText(t, s.origin)}`} onClick={() => open({ kind: 'one', session: s })}>
                {t('sessions.endOne')}
              </Button>
              <Button aria-label={t('sessions.endAllOf', { name: s.displayName })} onClick={() => open({ kind: 'all', session: s })}>
                {t('sessions.endAll')}
              </Button>
            </div>
          ),
      },
    ],
    [t],
  );

  function open(what: NonNullable<Ending>) {
    setNews(null);
    setActionError(null);
    setEnding(what);
  }

  return (
    <>
      <PageHeader
        title={t('sessions.title')}
        intro={t('sessions.intro')}
        actions={
          <Button
            onClick={() => {
              setNews(null);
              setVersion((v) => v + 1);
            }}
          >
            {t('sessions.refresh')}
          </Button>
        }
      />
      {news ? <Alert tone="success">{news}</Alert> : null}
      {loadError ? <Alert tone="error">{errorText(t, loadError)}</Alert> : null}
      {sessions ? (
        <DataTable caption={t('sessions.tableCaption')} columns={columns} rows={sessions} rowKey={(s) => s.id} empty={t('sessions.empty')} />
      ) : loadError ? null : (
        <p className="muted">{t('app.loading')}</p>
      )}
      {ending ? (
        <ConfirmDialog
          title={ending.kind === 'one' ? t('sessions.endOneTitle', { name: ending.session.displayName }) : t('sessions.endAllTitle', { name: ending.session.displayName })}
          body={<p>{ending.kind === 'one' ? t('sessions.endOneBody', { origin: originText(t, ending.session.origin) }) : t('sessions.endAllBody')}</p>}
          confirmLabel={ending.kind === 'one' ? t('sessions.endOne') : t('sessions.endAll')}
          danger
          busy={busy}
          error={actionError ? <Alert tone="error">{errorText(t, actionError)}</Alert> : null}
          onConfirm={() => void end(ending)}
          onClose={close}
        />
      ) : null}
    </>
  );
}

/** "ipc": the desktop app on the host itself; "http 192.168.1.23": a workstation on the network. */
function originText(t: TFunction, origin: string | null): string {
  if (!origin) return t('sessions.originUnknown');
  if (origin === 'ipc') return t('sessions.originDesktop');
  const address = /^https? (.+)$/.exec(origin)?.[1];
  return address ? t('sessions.originNetwork', { address }) : origin;
}
