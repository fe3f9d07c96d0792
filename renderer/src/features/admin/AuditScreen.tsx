// Admin → Audit: the hash-chained log, filtered by user, patient, action and period, paged with beforeId; chain verification.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { auditListInput, type ApiError, type AuditEntry, type AuditListInput, type Envelope, type OutputOf, type User } from '../../api/contract';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { errorText } from '../../components/errors';
import { SelectField, TextField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { PatientSearch } from '../reception/PatientSearch';
import './admin.css';
import { actionLabel, auditActions, auditColumns } from './audit-columns';
import { serverText } from '../../i18n/server-messages';

const PAGE_SIZE = 50;

interface PatientFilter {
  id: number;
  name: string;
  recordNumber: string;
}

interface Filters {
  userId: string;
  patient: PatientFilter | null;
  action: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { userId: '', patient: null, action: '', from: '', to: '' };

/** A YYYY-MM-DD day of the date input, as the UTC instant its local start or end falls on. */
function dayBound(day: string, end: boolean): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d, 0, 0, 0, 0);
  return date.toISOString();
}

function toInput(filters: Filters): AuditListInput {
  return {
    limit: PAGE_SIZE,
    ...(filters.userId ? { userId: Number(filters.userId) } : {}),
    ...(filters.patient ? { patientId: filters.patient.id } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from ? { from: dayBound(filters.from, false) } : {}),
    ...(filters.to ? { to: dayBound(filters.to, true) } : {}),
  };
}

export function AuditScreen() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [nextBeforeId, setNextBeforeId] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [users, setUsers] = useState<User[]>([]);
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<OutputOf<'audit.verify'> | null>(null);

  const showPage = useCallback((result: Envelope<OutputOf<'audit.list'>>, append: boolean) => {
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setEntries((previous) => (append && previous ? [...previous, ...result.value.entries] : result.value.entries));
    setNextBeforeId(result.value.nextBeforeId);
  }, []);

  // The first page, again whenever the filters change.
  useEffect(() => {
    let current = true;
    void call('audit.list', auditListInput.parse(toInput(filters))).then((result) => {
      if (current) showPage(result, false);
    });
    return () => {
      current = false;
    };
  }, [filters, showPage]);

  const loadMore = async (beforeId: number) => {
    setLoading(true);
    const result = await call('audit.list', auditListInput.parse({ ...toInput(filters), beforeId }));
    setLoading(false);
    showPage(result, true);
  };

  useEffect(() => {
    void call('users.list', { includeInactive: true }).then((result) => {
      if (result.ok) setUsers(result.value.users);
    });
  }, []);

  const verify = async () => {
    setVerifying(true);
    setVerification(null);
    const result = await call('audit.verify', {});
    setVerifying(false);
    if (result.ok) setVerification(result.value);
    else setError(result.error);
  };

  const columns = useMemo(() => auditColumns(t), [t]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...draft });
  };
  // A patient chosen or removed filters at once; the other filters wait for "Filtrar".
  const setPatient = (patient: PatientFilter | null) => {
    setDraft({ ...draft, patient });
    setFilters({ ...filters, patient });
  };
  const set = (key: Exclude<keyof Filters, 'patient'>) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        intro={t('audit.intro')}
        actions={
          <Button variant="primary" busy={verifying} busyLabel={t('audit.verifying')} onClick={() => void verify()}>
            {t('audit.verify')}
          </Button>
        }
      />
      {verification ? (
        verification.ok ? (
          <Alert tone="success">{t('audit.verifyOk', { count: verification.checked })}</Alert>
        ) : (
          <Alert tone="error">{t('audit.verifyBroken', { id: verification.firstBrokenId, reason: serverText(verification.reason ?? ''), count: verification.checked })}</Alert>
        )
      ) : null}

      <form className="filters" onSubmit={apply} aria-label={t('audit.filters')}>
        <SelectField label={t('audit.user')} value={draft.userId} onChange={set('userId')}>
          <option value="">{t('audit.anyUser')}</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.displayName} ({user.username})
            </option>
          ))}
        </SelectField>
        <SelectField label={t('audit.action')} value={draft.action} onChange={set('action')}>
          <option value="">{t('audit.anyAction')}</option>
          {auditActions().map((action) => (
            <option key={action} value={action}>
              {actionLabel(t, action)}
            </option>
          ))}
        </SelectField>
        <TextField type="date" label={t('audit.from')} value={draft.from} onChange={set('from')} max={draft.to || undefined} />
        <TextField type="date" label={t('audit.to')} value={draft.to} onChange={set('to')} min={draft.from || undefined} />
        <div className="filters-actions">
          <Button type="submit" variant="primary">
            {t('audit.apply')}
          </Button>
          <Button
            onClick={() => {
              setDraft(NO_FILTERS);
              setFilters(NO_FILTERS);
            }}
          >
            {t('audit.clear')}
          </Button>
        </div>
      </form>

      <section className="filters audit-patient" aria-labelledby="audit-patient-heading">
        <h2 id="audit-patient-heading" className="filters-heading">
          {t('auditPatient.heading')}
        </h2>
        {filters.patient ? (
          <p className="audit-patient-chosen">
            <span>{t('auditPatient.chosen', { name: filters.patient.name, record: filters.patient.recordNumber })}</span>
            <Button onClick={() => setPatient(null)}>{t('auditPatient.remove')}</Button>
          </p>
        ) : (
          <PatientSearch
            label={t('auditPatient.search')}
            hint={t('auditPatient.hint')}
            onPick={(p) => setPatient({ id: p.id, name: `${p.givenNames} ${p.familyNames}`, recordNumber: p.recordNumber })}
          />
        )}
      </section>

      {error ? <Alert tone="error">{errorText(t, error)}</Alert> : null}
      {entries ? (
        <>
          <p className="muted" role="status">
            {t('audit.shown', { count: entries.length })}
          </p>
          <DataTable caption={t('audit.tableCaption')} columns={columns} rows={entries} rowKey={(entry) => entry.id} empty={t('audit.empty')} />
          {nextBeforeId ? (
            <div className="table-more">
              <Button busy={loading} busyLabel={t('app.loading')} onClick={() => void loadMore(nextBeforeId)}>
                {t('audit.loadMore')}
              </Button>
            </div>
          ) : null}
        </>
      ) : error ? null : (
        <p className="muted">{t('app.loading')}</p>
      )}
    </>
  );
}
