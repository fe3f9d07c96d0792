import { useTranslation } from 'react-i18next';
import { StaffHome } from '../home/StaffHome';

export function ClinicalHome() {
  const { t } = useTranslation();
  return <StaffHome title={t('home.clinicalTitle')} intro={t('home.clinicalIntro')} />;
}
