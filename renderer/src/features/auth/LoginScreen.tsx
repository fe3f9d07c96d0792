import { useEffect, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../api/contract';
import { call } from '../../api/client';
import { AuthLayout } from '../../app/AuthLayout';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { errorText, serverFailure } from '../../components/errors';
import { PasswordField, TextField } from '../../components/Field';
import type { es } from '../../i18n/es';
import { serverText } from '../../i18n/server-messages';

/** A message on the login screen: a catalogue key (translated as the language changes) or a server text. */
export type LoginNotice = { tone: 'success' | 'warning' | 'info'; key: `errors.${keyof typeof es.errors}` | 'login.loggedOut' } | { tone: 'success' | 'warning' | 'info'; text: string; key?: undefined };

type Values = InputOf<'auth.login'>;

const loadValidation = () => import('./login-validation');
/** The contract's check (login-validation.ts), fetched once the form has painted. */
const resolver: Resolver<Values> = async (values, context, options) => (await loadValidation()).loginResolver(values, context, options);

export function LoginScreen({ notice, onLoggedIn }: { notice: LoginNotice | null; onLoggedIn: (value: OutputOf<'auth.login'>) => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver, defaultValues: { username: '', password: '' } });
  useEffect(() => void loadValidation(), []);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await call('auth.login', values);
    if (result.ok) {
      onLoggedIn(result.value);
      return;
    }
    const { error } = result;
    if (error.code === 'invalid_input') {
      setFailure(serverFailure(t, error, ['username', 'password'], setError));
      return;
    }
    if (error.code === 'unauthenticated') setFailure(t('errors.badCredentials'));
    else if (error.code === 'rate_limited') setFailure(t('errors.locked', { minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) }));
    else setFailure(errorText(t, error));
    resetField('password');
    setFocus('password');
  });

  return (
    <AuthLayout title={t('login.title')}>
      <p className="lead">{t('login.intro')}</p>
      {notice ? <Alert tone={notice.tone}>{notice.key ? t(notice.key) : serverText(notice.text)}</Alert> : null}
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="form">
        <TextField label={t('login.username')} autoComplete="username" autoCapitalize="none" spellCheck={false} error={errors.username?.message} {...register('username')} />
        <PasswordField label={t('login.password')} autoComplete="current-password" error={errors.password?.message} {...register('password')} />
        <Button type="submit" variant="primary" busy={isSubmitting} busyLabel={t('login.submitting')} className="btn-block">
          {t('login.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
