import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Changing one's own password from the user menu. */
export function AccountScreen() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  return (
    <>
      <PageHeader title={t('changePassword.title')} />
      <section className="card card-narrow">
        <ChangePasswordForm onDone={refresh} />
      </section>
    </>
  );
}
