// The session form: every field of the contract in sections, validated with the service's own schema.
// Drafts save themselves (sessions.create the first time, then sessions.update) a moment after each
// change; leaving with unsaved changes asks first. The service's refusals go next to their fields and
// nothing typed is lost. Signing asks for confirmation, then the session is read-only.
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useFieldArray, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { INSTRUMENT_IDS, INTERVENTIONS, MODALITIES, RISK_LEVELS, SERVICES, SESSION_FORMATS, VISIT_KINDS, type InstrumentId, type Session, type SessionFields } from '../../../api/contract';
import { call } from '../../../api/client';
import { setLeaveGuard } from '../../../app/navigation';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/Dialog';
import { serverFailure } from '../../../components/errors';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { fallbackMessages } from '../../../components/form-schema';
import { formatTime } from '../../../components/format';
import { sessionFields } from '../../../api/contract';
import { DiagnosisFields } from './DiagnosisFields';
import { InstrumentFields, type CatalogEntry } from './InstrumentFields';
import { ReferralFields } from './ReferralFields';
import { RiskBanner } from './RiskBanner';
import { emptyAnswers, instrumentInput, sessionFormSchema, toDraftInput, toSessionInput, type SessionFormValues } from './session-form';
import { serverText } from '../../../i18n/server-messages';

const AUTOSAVE_DELAY_MS = 1200;
const TOP_FIELDS = ['patientId', 'appointmentId', 'startsAt', 'durationMinutes', 'visitKind', 'modality', 'format', 'service', 'interventions', 'presentingConcerns', 'risk', 'instruments', 'diagnoses', 'note', 'plan', 'referrals'];

/** Server paths this form can show next to a field ("instruments.0.answers.8", "risk.violence"). */
function isFormPath(path: string): boolean {
  return TOP_FIELDS.includes(path.split('.')[0]!);
}

type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: string; partial: boolean }
  | { state: 'waiting' }
  | { state: 'invalid' }
  | { state: 'failed'; message: string };

const key = (input: unknown) => JSON.stringify(input);

export function SessionForm({
  initial,
  draft,
  catalog,
  onSigned,
}: {
  initial: SessionFormValues;
  /** The draft as last saved, when continuing one. */
  draft: Session | null;
  catalog: CatalogEntry[];
  onSigned: (session: Session) => void;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<Session | null>(draft);
  const [status, setStatus] = useState<SaveStatus>(draft ? { state: 'saved', at: draft.updatedAt, partial: false } : { state: 'idle' });
  const [failure, setFailure] = useState<string | null>(null);
  const [signing, setSigning] = useState<'confirm' | 'busy' | null>(null);
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const [adding, setAdding] = useState<InstrumentId | ''>('');

  const {
    register,
    control,
    handleSubmit,
    getValues,
    setError,
    clearErrors,
    subscribe,
    formState: { errors },
  } = useForm<SessionFormValues, unknown, SessionFields>({
    resolver: zodResolver(sessionFormSchema, fallbackMessages(() => t('errors.invalidField'))),
    defaultValues: initial,
  });
  const instruments = useFieldArray({ control, name: 'instruments' });
  const instrumentValues = useWatch({ control, name: 'instruments' }) ?? [];

  const sessionId = useRef<number | null>(draft?.id ?? null);
  const savedAt = useRef<string | null>(draft?.updatedAt ?? null);
  const savedKey = useRef(key(toSessionInput(initial)));
  const running = useRef<Promise<boolean> | null>(null);
  const again = useRef(false);
  const timer = useRef<number | null>(null);
  /** Saves again once a save in flight ends, when changes came in meanwhile. */
  const rerun = useRef<(() => void) | null>(null);

  const unsaved = useCallback(() => key(toSessionInput(getValues())) !== savedKey.current, [getValues]);

  /** Saves the draft now. Autosave leaves out what is half-typed; a manual save sends everything. */
  const save = useCallback(
    async (mode: 'auto' | 'manual'): Promise<boolean> => {
      if (running.current) {
        again.current = true;
        await running.current;
        if (mode === 'auto') return true;
      }
      const values = getValues();
      const input = mode === 'auto' ? toDraftInput(values) : toSessionInput(values);
      const partial = key(input) !== key(toSessionInput(values));
      if (key(input) === savedKey.current && (sessionId.current !== null || !partial)) {
        const at = savedAt.current;
        setStatus(at ? { state: 'saved', at, partial } : { state: 'idle' });
        return true;
      }
      if (!sessionFields.safeParse(input).success) {
        if (mode === 'auto') setStatus({ state: 'invalid' });
        return false;
      }
      const work = (async () => {
        setStatus({ state: 'saving' });
        const result = sessionId.current === null ? await call('sessions.create', input) : await call('sessions.update', { sessionId: sessionId.current, session: input });
        if (!result.ok) {
          const text = serverFailure(t, result.error, isFormPath, setError, sessionId.current === null ? '' : 'session.');
          setFailure(text);
          setStatus({ state: 'failed', message: text ?? t('sessionForm.fixMarked') });
          return false;
        }
        const session = result.value.session;
        if (sessionId.current === null) {
          // The page now shows a saved draft: Back and reload reach it by its id.
          window.history.replaceState({ acogida: { page: 'session', sessionId: session.id } }, '');
        }
        sessionId.current = session.id;
        savedKey.current = key(input);
        savedAt.current = session.updatedAt;
        setSaved(session);
        setFailure(null);
        setStatus({ state: 'saved', at: session.updatedAt, partial });
        return true;
      })();
      running.current = work;
      const ok = await work;
      running.current = null;
      if (again.current) {
        again.current = false;
        rerun.current?.();
      }
      return ok;
    },
    [getValues, setError, t],
  );

  useEffect(() => {
    rerun.current = () => {
      if (unsaved()) void save('auto');
    };
  }, [save, unsaved]);

  const schedule = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    setStatus((s) => (s.state === 'saving' ? s : { state: 'waiting' }));
    timer.current = window.setTimeout(() => {
      timer.current = null;
      void save('auto');
    }, AUTOSAVE_DELAY_MS);
  }, [save]);

  useEffect(() => subscribe({ formState: { values: true }, callback: () => schedule() }), [subscribe, schedule]);
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  // Leaving: the browser asks on close or reload; the app asks on a page change.
  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!unsaved()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', beforeUnload);
    setLeaveGuard((proceed) => {
      if (!unsaved()) return false;
      setLeaving(() => proceed);
      return true;
    });
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      setLeaveGuard(null);
    };
  }, [unsaved]);

  const invalid = () => setFailure(t('sessionForm.fixMarked'));

  const saveNow = (event: FormEvent<HTMLFormElement>) =>
    void handleSubmit(async () => {
      setFailure(null);
      await save('manual');
    }, invalid)(event);

  const startSigning = () =>
    void handleSubmit(async () => {
      setFailure(null);
      if (!(await save('manual'))) return;
      setSigning('confirm');
    }, invalid)();

  const sign = async () => {
    if (sessionId.current === null) return;
    setSigning('busy');
    const result = await call('sessions.sign', { sessionId: sessionId.current });
    if (!result.ok) {
      const text = serverFailure(t, result.error, isFormPath, setError);
      setSigning(null);
      if (text) setFailure(text);
      return;
    }
    savedKey.current = key(toSessionInput(getValues()));
    setLeaveGuard(null);
    setSigning(null);
    onSigned(result.value.session);
  };

  const addInstrument = () => {
    if (!adding) return;
    instruments.append({ instrument: adding, answers: emptyAnswers(adding) });
    setAdding('');
    schedule();
  };

  const e = errors as FieldErrors<SessionFormValues>;
  const present = new Set(instrumentValues.map((i) => i.instrument));
  const scoredNow = (index: number) => {
    const values = instrumentValues[index];
    const result = saved?.instruments.find((s) => s.instrument === values?.instrument);
    return { result, current: Boolean(values && result && key(instrumentInput(values).answers) === key(result.answers)) };
  };
  const alerts = (saved?.instruments ?? []).filter((s) => s.riskAlert);

  return (
    <form className="form session-form" noValidate onSubmit={saveNow} aria-label={t('sessionForm.formLabel')}>
      {alerts.length > 0 ? <RiskBanner results={alerts} /> : null}
      {failure ? <Alert tone="error">{failure}</Alert> : null}

      <fieldset>
        <legend>{t('sessionForm.encounter')}</legend>
        <div className="form-grid form-grid-3">
          <TextField type="datetime-local" label={t('sessionForm.startsAt')} error={e.startsAt?.message} {...register('startsAt')} />
          <TextField type="number" min={5} max={480} inputMode="numeric" label={t('sessionForm.duration')} error={e.durationMinutes?.message} {...register('durationMinutes')} />
          <SelectField label={t('sessionForm.service')} error={e.service?.message} {...register('service')}>
            {SERVICES.map((code) => (
              <option key={code} value={code}>
                {t(`codes.service.${code}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('sessionForm.visitKind')} error={e.visitKind?.message} {...register('visitKind')}>
            {VISIT_KINDS.map((code) => (
              <option key={code} value={code}>
                {t(`clinicalCodes.visitKind.${code}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('sessionForm.modality')} error={e.modality?.message} {...register('modality')}>
            {MODALITIES.map((code) => (
              <option key={code} value={code}>
                {t(`clinicalCodes.modality.${code}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('sessionForm.format')} error={e.format?.message} {...register('format')}>
            {SESSION_FORMATS.map((code) => (
              <option key={code} value={code}>
                {t(`clinicalCodes.format.${code}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('sessionForm.interventions')}</legend>
        <div className="check-grid">
          {INTERVENTIONS.map((code) => (
            <CheckboxField key={code} label={t(`clinicalCodes.intervention.${code}`)} value={code} {...register('interventions')} />
          ))}
        </div>
        {e.interventions?.message ? <p className="field-error">{serverText(e.interventions.message)}</p> : null}
      </fieldset>

      <fieldset>
        <legend>{t('sessionForm.concerns')}</legend>
        <TextAreaField label={t('sessionForm.presentingConcerns')} rows={3} error={e.presentingConcerns?.message} {...register('presentingConcerns')} />
      </fieldset>

      <fieldset>
        <legend>{t('sessionForm.risk')}</legend>
        <div className="form-grid">
          <SelectField label={t('sessionForm.violence')} error={e.risk?.violence?.message} {...register('risk.violence')}>
            {RISK_LEVELS.map((code) => (
              <option key={code} value={code}>
                {t(`clinicalCodes.riskLevel.${code}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('sessionForm.genderBasedViolence')} error={e.risk?.genderBasedViolence?.message} {...register('risk.genderBasedViolence')}>
            {RISK_LEVELS.map((code) => (
              <option key={code} value={code}>
                {t(`clinicalCodes.riskLevel.${code}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <TextAreaField label={t('sessionForm.protectionConcerns')} rows={2} error={e.risk?.protectionConcerns?.message} {...register('risk.protectionConcerns')} />
        <div className="suicide-screen">
          <p className="cell-strong">{t('sessionForm.suicideRisk')}</p>
          {present.has('cssrs') ? (
            <p className="muted">{t('sessionForm.cssrsBelow')}</p>
          ) : (
            <>
              <p className="muted">{t('sessionForm.cssrsHint')}</p>
              <div>
                <Button
                  onClick={() => {
                    instruments.append({ instrument: 'cssrs', answers: emptyAnswers('cssrs') });
                    schedule();
                  }}
                >
                  {t('sessionForm.addCssrs')}
                </Button>
              </div>
            </>
          )}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('sessionForm.instruments')}</legend>
        {instruments.fields.length === 0 ? <p className="muted">{t('sessionForm.noInstruments')}</p> : null}
        {instruments.fields.map((field, index) => {
          const entry = catalog.find((c) => c.id === field.instrument);
          if (!entry) return null;
          const { result, current } = scoredNow(index);
          return (
            <InstrumentFields
              key={field.id}
              index={index}
              entry={entry}
              control={control}
              register={register}
              errors={e}
              saved={result}
              savedCurrent={current}
              onRemove={() => {
                instruments.remove(index);
                clearErrors('instruments');
                schedule();
              }}
            />
          );
        })}
        {present.size < INSTRUMENT_IDS.length ? (
          <div className="instrument-picker">
            <SelectField label={t('sessionForm.instrumentToAdd')} value={adding} onChange={(event) => setAdding(event.target.value as InstrumentId | '')}>
              <option value="">{t('sessionForm.choose')}</option>
              {catalog
                .filter((c) => !present.has(c.id))
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
            </SelectField>
            <Button onClick={addInstrument} disabled={!adding}>
              {t('sessionForm.addInstrument')}
            </Button>
          </div>
        ) : null}
      </fieldset>

      <DiagnosisFields control={control} errors={e} onChanged={schedule} />

      <fieldset>
        <legend>{t('sessionForm.noteAndPlan')}</legend>
        <TextAreaField label={t('sessionForm.note')} hint={t('sessionForm.noteHint')} rows={8} error={e.note?.message} {...register('note')} />
        <TextAreaField label={t('sessionForm.plan')} rows={3} error={e.plan?.message} {...register('plan')} />
      </fieldset>

      <ReferralFields control={control} register={register} errors={e} onChanged={schedule} />

      <div className="form-actions form-actions-end session-actions">
        <p className="save-status" role="status" aria-live="polite">
          <SaveStatusText status={status} />
        </p>
        <Button type="submit">{t('sessionForm.saveDraft')}</Button>
        <Button variant="primary" onClick={startSigning}>
          {t('sessionForm.sign')}
        </Button>
      </div>

      {signing ? (
        <ConfirmDialog
          title={t('sessionForm.signTitle')}
          body={<p>{t('sessionForm.signBody')}</p>}
          confirmLabel={t('sessionForm.signConfirm')}
          busy={signing === 'busy'}
          onConfirm={() => void sign()}
          onClose={() => setSigning(null)}
        />
      ) : null}
      {leaving ? (
        <ConfirmDialog
          title={t('sessionForm.leaveTitle')}
          body={<p>{t('sessionForm.leaveBody')}</p>}
          confirmLabel={t('sessionForm.leaveConfirm')}
          danger
          onConfirm={() => {
            const proceed = leaving;
            setLeaving(null);
            setLeaveGuard(null);
            proceed();
          }}
          onClose={() => setLeaving(null)}
        />
      ) : null}
    </form>
  );
}

function SaveStatusText({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  switch (status.state) {
    case 'idle':
      return <span className="muted">{t('sessionForm.statusIdle')}</span>;
    case 'saving':
      return <span className="muted">{t('sessionForm.statusSaving')}</span>;
    case 'waiting':
      return <span className="muted">{t('sessionForm.statusWaiting')}</span>;
    case 'saved':
      return (
        <span className="save-ok">
          {t('sessionForm.statusSaved', { time: formatTime(status.at) })}
          {status.partial ? ` · ${t('sessionForm.statusPartial')}` : null}
        </span>
      );
    case 'invalid':
      return <span className="save-warning">{t('sessionForm.statusInvalid')}</span>;
    case 'failed':
      return <span className="save-error">{t('sessionForm.statusFailed')}</span>;
  }
}
