// The signed-in frame: banner with the user menu, the role's navigation, and the current page.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditScreen } from '../features/admin/AuditScreen';
import { UsersScreen } from '../features/admin/UsersScreen';
import { AccountScreen } from '../features/auth/AccountScreen';
import { ClinicalHome } from '../features/clinical/ClinicalHome';
import { ReceptionHome } from '../features/reception/ReceptionHome';
import { homePage, NAVIGATION, type Page } from './navigation';
import { useSession } from './session';
import { UserMenu } from './UserMenu';

function PageView({ page }: { page: Page }) {
  switch (page) {
    case 'reception':
      return <ReceptionHome />;
    case 'clinical':
      return <ClinicalHome />;
    case 'users':
      return <UsersScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'account':
      return <AccountScreen />;
  }
}

export function Shell() {
  const { t } = useTranslation();
  const { auth } = useSession();
  const role = auth.user.role;
  const group = NAVIGATION[role];
  const [page, setPage] = useState<Page>(() => homePage(role));
  const allowed = page === 'account' || group.items.some((item) => item.page === page);
  const current = allowed ? page : homePage(role);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <UserMenu onChangePassword={() => setPage('account')} />
      </header>
      <div className="shell-body">
        <nav className="shell-nav" aria-label={t('shell.mainNav')}>
          <p className="nav-group">{t(group.label)}</p>
          <ul>
            {group.items.map((item) => (
              <li key={item.page}>
                <a
                  href={`#${item.page}`}
                  aria-current={current === item.page ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    setPage(item.page);
                  }}
                >
                  {t(item.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="shell-main" tabIndex={-1}>
          <PageView key={current} page={current} />
        </main>
      </div>
    </div>
  );
}
