// Desktop first run (only when window.acogida exists): set this computer up, or unlock its database.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, DeviceStatus, Envelope } from '../../api/contract';
import { call } from '../../api/client';
import { AuthLayout } from '../../app/AuthLayout';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { errorText } from '../../components/errors';
import { UnlockForm } from './UnlockForm';

// Set-up happens once per computer: its forms (and zod) load when chosen, not with the first paint.
const LocalSetup = lazy(() => import('./LocalSetup').then((m) => ({ default: m.LocalSetup })));
const RemoteSetup = lazy(() => import('./RemoteSetup').then((m) => ({ default: m.RemoteSetup })));

type Step = 'choose' | 'local' | 'remote';

export function DeviceGate({ onReady }: { onReady: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<DeviceStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [step, setStep] = useState<Step>('choose');

  const apply = useCallback(
    (result: Envelope<DeviceStatus>) => {
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      const value = result.value;
      if (value.mode === 'remote' || (value.mode === 'local' && !value.locked)) onReady();
      else setStatus(value);
    },
    [onReady],
  );
  const check = async () => apply(await call('device.status', {}));

  useEffect(() => {
    void call('device.status', {}).then(apply);
  }, [apply]);

  if (error) {
    return (
      <AuthLayout title={t('device.title')}>
        <Alert tone="error">{errorText(t, error)}</Alert>
        <Button variant="primary" onClick={() => void check()}>
          {t('device.back')}
        </Button>
      </AuthLayout>
    );
  }
  if (!status) {
    return (
      <AuthLayout title={t('device.title')}>
        <p role="status">{t('device.checking')}</p>
      </AuthLayout>
    );
  }
  if (status.mode === 'local') {
    return (
      <AuthLayout title={t('device.unlockTitle')}>
        {status.osKeystore === 'insecure' ? <Alert tone="info">{t('device.keystoreInsecure')}</Alert> : null}
        <UnlockForm onUnlocked={() => void check()} />
      </AuthLayout>
    );
  }
  if (step === 'local') {
    return (
      <AuthLayout title={t('device.localTitle')} wide>
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <LocalSetup onBack={() => setStep('choose')} onDone={() => void check()} />
        </Suspense>
      </AuthLayout>
    );
  }
  if (step === 'remote') {
    return (
      <AuthLayout title={t('device.remoteTitle')} wide>
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <RemoteSetup onBack={() => setStep('choose')} onDone={() => void check()} />
        </Suspense>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('device.title')} wide>
      <p className="lead">{t('device.intro')}</p>
      <div className="choices">
        <button type="button" className="choice" onClick={() => setStep('local')}>
          <span className="choice-title">{t('device.localChoice')}</span>
          <span className="choice-hint">{t('device.localChoiceHint')}</span>
        </button>
        <button type="button" className="choice" onClick={() => setStep('remote')}>
          <span className="choice-title">{t('device.remoteChoice')}</span>
          <span className="choice-hint">{t('device.remoteChoiceHint')}</span>
        </button>
      </div>
    </AuthLayout>
  );
}
