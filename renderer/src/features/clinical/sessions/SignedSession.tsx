// A signed session, read-only: what was recorded, the scores, the signature (time and hash), the
// amendments appended under the original, and the follow-up of its referrals.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract, dottedIcd10, INSTRUMENTS, REFERRAL_STATUSES, type Session } from '../../../api/contract';
import { call } from '../../../api/client';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { FormDialog } from '../../../components/Dialog';
import { errorText, serverFailure } from '../../../components/errors';
import { TextAreaField, TextField } from '../../../components/Field';
import { fallbackMessages, formSchema } from '../../../components/form-schema';
import { formatDateTime } from '../../../components/format';
import { formatLocalDateTime } from '../clinical-format';
import { BandBadge } from '../instruments/BandBadge';
import { RiskBanner } from './RiskBanner';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function SignedSession({ session, onChanged }: { session: Session; onChanged: (session: Session) => void }) {
  const { t } = useTranslation();
  const [amending, setAmending] = useState(false);
  const [news, setNews] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyReferral, setBusyReferral] = useState<number | null>(null);
  const none = t('common.none');
  const alerts = session.instruments.filter((i) => i.riskAlert);

  const advance = async (referralId: number, status: (typeof REFERRAL_STATUSES)[number]) => {
    setNews(null);
    setError(null);
    setBusyReferral(referralId);
    const result = await call('referrals.updateStatus', { referralId, status });
    setBusyReferral(null);
    if (!result.ok) {
      setError(errorText(t, result.error));
      return;
    }
    setNews(t('sessionView.referralUpdated', { status: t(`clinicalCodes.referralStatus.${status}`) }));
    onChanged(result.value.session);
  };

  return (
    <>
      {news ? <Alert tone="success">{news}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {alerts.length > 0 ? <RiskBanner results={alerts} /> : null}

      <section className="card signature" aria-labelledby="sv-signature">
        <h2 id="sv-signature">{t('sessionView.signatureTitle')}</h2>
        <dl className="facts facts-compact">
          <Fact label={t('sessionView.signedBy')}>{session.clinicianName}</Fact>
          <Fact label={t('sessionView.signedAt')}>{formatDateTime(session.signedAt)}</Fact>
          <Fact label={t('sessionView.hash')}>
            <code title={session.signatureHash ?? undefined} aria-label={t('sessionView.hashLabel', { hash: session.signatureHash ?? '' })}>
              {session.signatureHash ? `${session.signatureHash.slice(0, 16)}…` : none}
            </code>
          </Fact>
        </dl>
        <p className="muted signature-note">{t('sessionView.lockedNote')}</p>
        <Button variant="primary" onClick={() => setAmending(true)}>
          {t('sessionView.amend')}
        </Button>
      </section>

      <section className="card section" aria-labelledby="sv-encounter">
        <h2 id="sv-encounter">{t('sessionForm.encounter')}</h2>
        <dl className="facts facts-compact">
          <Fact label={t('sessionForm.startsAt')}>{formatLocalDateTime(session.startsAt)}</Fact>
          <Fact label={t('sessionForm.duration')}>{t('sessionView.minutes', { minutes: session.durationMinutes })}</Fact>
          <Fact label={t('sessionForm.service')}>{t(`codes.service.${session.service}`)}</Fact>
          <Fact label={t('sessionForm.visitKind')}>{t(`clinicalCodes.visitKind.${session.visitKind}`)}</Fact>
          <Fact label={t('sessionForm.modality')}>{t(`clinicalCodes.modality.${session.modality}`)}</Fact>
          <Fact label={t('sessionForm.format')}>{t(`clinicalCodes.format.${session.format}`)}</Fact>
          <Fact label={t('sessionForm.interventions')}>{session.interventions.map((i) => t(`clinicalCodes.intervention.${i}`)).join(' · ') || none}</Fact>
          <Fact label={t('sessionForm.presentingConcerns')}>
            <span className="prewrap">{session.presentingConcerns ?? none}</span>
          </Fact>
        </dl>
      </section>

      <section className="card section" aria-labelledby="sv-risk">
        <h2 id="sv-risk">{t('sessionForm.risk')}</h2>
        <dl className="facts facts-compact">
          <Fact label={t('sessionForm.violence')}>{t(`clinicalCodes.riskLevel.${session.risk.violence}`)}</Fact>
          <Fact label={t('sessionForm.genderBasedViolence')}>{t(`clinicalCodes.riskLevel.${session.risk.genderBasedViolence}`)}</Fact>
          <Fact label={t('sessionForm.protectionConcerns')}>
            <span className="prewrap">{session.risk.protectionConcerns ?? none}</span>
          </Fact>
        </dl>
      </section>

      <section className="section" aria-labelledby="sv-instruments">
        <h2 id="sv-instruments">{t('sessionForm.instruments')}</h2>
        {session.instruments.length ? (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('sessionView.instrumentsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sessionView.instrument')}</th>
                  <th scope="col" className="cell-num">
                    {t('sessionView.total')}
                  </th>
                  <th scope="col">{t('sessionView.band')}</th>
                </tr>
              </thead>
              <tbody>
                {session.instruments.map((i) => (
                  <tr key={i.instrument}>
                    <td className="cell-strong">{INSTRUMENTS[i.instrument].name}</td>
                    <td className="cell-num">{i.total === null ? none : i.percentage !== null ? `${i.total} (${i.percentage} %)` : i.total}</td>
                    <td>
                      <BandBadge band={i.band} instrument={i.instrument} />
                      {i.riskAlert ? <span className="badge badge-danger">{t('sessionView.riskAlert')}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t('sessionForm.noInstruments')}</p>
        )}
      </section>

      <section className="card section" aria-labelledby="sv-diagnoses">
        <h2 id="sv-diagnoses">{t('sessionForm.diagnoses')}</h2>
        {session.diagnoses.length ? (
          <ul className="plain-list">
            {session.diagnoses.map((d) => (
              <li key={d.code}>
                <span className="cell-strong">{dottedIcd10(d.code)}</span> {d.description}
                {d.primary ? <span className="badge badge-info">{t('sessionForm.primary')}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('sessionForm.noDiagnoses')}</p>
        )}
      </section>

      <section className="card section note-card" aria-labelledby="sv-note">
        <h2 id="sv-note">{t('sessionForm.note')}</h2>
        <p className="prewrap">{session.note ?? none}</p>
        <h3>{t('sessionForm.plan')}</h3>
        <p className="prewrap">{session.plan ?? none}</p>
      </section>

      <section className="section" aria-labelledby="sv-amendments">
        <h2 id="sv-amendments">{t('sessionView.amendments')}</h2>
        {session.amendments.length ? (
          <ol className="amendments">
            {session.amendments.map((a) => (
              <li key={a.id} className="card amendment">
                <p className="amendment-meta">{t('sessionView.amendmentMeta', { who: a.authorName, when: formatDateTime(a.at) })}</p>
                <p>
                  <span className="cell-strong">{t('sessionView.amendReason')}:</span> {a.reason}
                </p>
                <p className="prewrap">{a.text}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t('sessionView.noAmendments')}</p>
        )}
      </section>

      <section className="section" aria-labelledby="sv-referrals">
        <h2 id="sv-referrals">{t('sessionForm.referrals')}</h2>
        {session.referrals.length ? (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('sessionView.referralsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sessionView.referredTo')}</th>
                  <th scope="col">{t('sessionForm.referralReason')}</th>
                  <th scope="col">{t('sessionForm.referralStatus')}</th>
                  <th scope="col">{t('sessionView.followUp')}</th>
                </tr>
              </thead>
              <tbody>
                {session.referrals.map((r, index) => {
                  const next = REFERRAL_STATUSES[REFERRAL_STATUSES.indexOf(r.status) + 1];
                  const to = r.kind === 'internal' && r.service ? t(`codes.service.${r.service}`) : (r.organisation ?? none);
                  return (
                    <tr key={r.id ?? index}>
                      <td>
                        <span className="cell-strong">{to}</span>
                        <span className="cell-sub">{t(`clinicalCodes.referralKind.${r.kind}`)}</span>
                      </td>
                      <td className="prewrap">{r.reason}</td>
                      <td>
                        <span className={r.status === 'attended' ? 'badge badge-ok' : 'badge badge-info'}>{t(`clinicalCodes.referralStatus.${r.status}`)}</span>
                        {r.statusUpdatedAt ? <span className="cell-sub">{formatDateTime(r.statusUpdatedAt)}</span> : null}
                      </td>
                      <td>
                        {next && r.id !== null ? (
                          <Button busy={busyReferral === r.id} busyLabel={t('common.saving')} onClick={() => void advance(r.id!, next)} aria-label={t('sessionView.advanceTo', { status: t(`clinicalCodes.referralStatus.${next}`), to })}>
                            {t(`sessionView.mark.${next as 'accepted' | 'attended'}`)}
                          </Button>
                        ) : (
                          <span className="muted">{t('sessionView.referralDone')}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t('sessionForm.noReferrals')}</p>
        )}
      </section>

      {amending ? (
        <AmendDialog
          sessionId={session.id}
          onClose={() => setAmending(false)}
          onDone={(updated) => {
            setAmending(false);
            setNews(t('sessionView.amended'));
            onChanged(updated);
          }}
        />
      ) : null}
    </>
  );
}

interface AmendValues {
  reason: string;
  text: string;
}

function AmendDialog({ sessionId, onClose, onDone }: { sessionId: number; onClose: () => void; onDone: (session: Session) => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const schema = formSchema<AmendValues, typeof contract['sessions.amend']['input']>((v) => ({ sessionId, reason: v.reason, text: v.text }), contract['sessions.amend'].input);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<AmendValues, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema, fallbackMessages(() => t('errors.invalidField'))),
    defaultValues: { reason: '', text: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await call('sessions.amend', values);
    if (result.ok) onDone(result.value.session);
    else setFailure(serverFailure(t, result.error, ['reason', 'text'], setError));
  });

  return (
    <FormDialog title={t('sessionView.amendTitle')} intro={<p>{t('sessionView.amendIntro')}</p>} failure={failure} submitLabel={t('sessionView.amendSubmit')} busy={isSubmitting} onSubmit={onSubmit} onClose={onClose} wide>
      <TextField label={t('sessionView.amendReason')} autoComplete="off" error={errors.reason?.message} {...register('reason')} />
      <TextAreaField label={t('sessionView.amendText')} rows={6} error={errors.text?.message} {...register('text')} />
    </FormDialog>
  );
}
