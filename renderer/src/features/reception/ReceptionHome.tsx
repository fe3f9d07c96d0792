import { useTranslation } from 'react-i18next';
import { StaffHome } from '../home/StaffHome';

export function ReceptionHome() {
  const { t } = useTranslation();
  return <StaffHome title={t('home.receptionTitle')} intro={t('home.receptionIntro')} />;
}
