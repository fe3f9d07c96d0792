// The signed-in frame: banner with the user menu, the role's navigation, and the current page.
// Pages are routes in memory; each opening is also a browser history entry, so Back returns.
import '../zod-config';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditScreen } from '../features/admin/AuditScreen';
import { BackupsScreen } from '../features/admin/backups/BackupsScreen';
import { ExportsScreen } from '../features/admin/exports/ExportsScreen';
import { R4vSettingsScreen } from '../features/admin/exports/R4vSettingsScreen';
import { MergeScreen } from '../features/admin/MergeScreen';
import { SchedulesScreen } from '../features/admin/SchedulesScreen';
import { DashboardScreen } from '../features/admin/stats/DashboardScreen';
import { MonthlyReportScreen } from '../features/admin/stats/MonthlyReportScreen';
import { UnitScreen } from '../features/admin/UnitScreen';
import { SessionsScreen } from '../features/admin/SessionsScreen';
import { UsersScreen } from '../features/admin/UsersScreen';
import { AccountScreen } from '../features/auth/AccountScreen';
import { ActivitiesScreen } from '../features/clinical/activities/ActivitiesScreen';
import { ActivityFormScreen } from '../features/clinical/activities/ActivityFormScreen';
import { ClinicalHome } from '../features/clinical/ClinicalHome';
import { SessionScreen } from '../features/clinical/sessions/SessionScreen';
import { AgendaScreen } from '../features/reception/AgendaScreen';
import { AppointmentSlip } from '../features/reception/AppointmentSlip';
import { BookingScreen } from '../features/reception/BookingScreen';
import { PatientFormScreen } from '../features/reception/PatientFormScreen';
import { PatientPage } from '../features/reception/PatientPage';
import { ReceptionHome } from '../features/reception/ReceptionHome';
import { guardedLeave, homeRoute, NAVIGATION, NavigationContext, navPageOf, type Route } from './navigation';
import { useSession } from './session';
import { UserMenu } from './UserMenu';

function PageView({ route }: { route: Route }) {
  switch (route.page) {
    case 'reception':
      return <ReceptionHome />;
    case 'agenda':
      return <AgendaScreen />;
    case 'patient':
      return <PatientPage patientId={route.patientId} notice={route.notice} />;
    case 'patientNew':
      return <PatientFormScreen />;
    case 'patientEdit':
      return <PatientFormScreen patientId={route.patientId} />;
    case 'book':
      return <BookingScreen patientId={route.patientId} />;
    case 'slip':
      return <AppointmentSlip appointmentId={route.appointmentId} patientId={route.patientId} day={route.day} />;
    case 'clinical':
      return <ClinicalHome />;
    case 'sessionNew':
      return <SessionScreen patientId={route.patientId} appointment={route.appointment} />;
    case 'session':
      return <SessionScreen sessionId={route.sessionId} />;
    case 'activities':
      return <ActivitiesScreen notice={route.notice} />;
    case 'activityForm':
      return <ActivityFormScreen activity={route.activity} />;
    case 'users':
      return <UsersScreen />;
    case 'sessions':
      return <SessionsScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'schedules':
      return <SchedulesScreen />;
    case 'unit':
      return <UnitScreen />;
    case 'merge':
      return <MergeScreen />;
    case 'stats':
      return <DashboardScreen />;
    case 'monthlyReport':
      return <MonthlyReportScreen />;
    case 'exports':
      return <ExportsScreen />;
    case 'r4vSettings':
      return <R4vSettingsScreen />;
    case 'backups':
      return <BackupsScreen />;
    case 'account':
      return <AccountScreen />;
  }
}

function isRoute(value: unknown): value is Route {
  return typeof value === 'object' && value !== null && typeof (value as { page?: unknown }).page === 'string';
}

export function Shell() {
  const { t } = useTranslation();
  const { auth } = useSession();
  const role = auth.user.role;
  const group = NAVIGATION[role];
  const [route, setRoute] = useState<Route>(() => homeRoute(role));
  const allowedUnder = navPageOf(role, route.page);
  const current = allowedUnder ? route : homeRoute(role);
  const currentNav = allowedUnder ?? current.page;

  const go = useCallback((next: Route) => {
    guardedLeave(() => {
      window.history.pushState({ acogida: next }, '');
      setRoute(next);
    });
  }, []);

  useEffect(() => {
    window.history.replaceState({ acogida: homeRoute(role) }, '');
    const onPop = (event: PopStateEvent) => {
      const state = (event.state as { acogida?: unknown } | null)?.acogida;
      if (isRoute(state)) guardedLeave(() => setRoute(state));
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [role]);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  return (
    <NavigationContext.Provider value={go}>
      <div className="shell">
        <a className="skip-link" href="#main">
          {t('app.skipToContent')}
        </a>
        <header className="shell-header">
          <div className="brand">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </div>
          <UserMenu onChangePassword={() => go({ page: 'account' })} />
        </header>
        <div className="shell-body">
          <nav className="shell-nav" aria-label={t('shell.mainNav')}>
            <p className="nav-group">{t(group.label)}</p>
            <ul>
              {group.items.map((item) => (
                <li key={item.page}>
                  <a
                    href={`#${item.page}`}
                    aria-current={currentNav === item.page ? 'page' : undefined}
                    onClick={(event) => {
                      event.preventDefault();
                      go({ page: item.page } as Route);
                    }}
                  >
                    {t(item.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <main id="main" className="shell-main" tabIndex={-1}>
            <PageView key={JSON.stringify(current)} route={current} />
          </main>
        </div>
      </div>
    </NavigationContext.Provider>
  );
}
