// Where the signed-in person is: a route (a page and its parameters), and what each role may open.
// The server enforces roles; this only keeps the UI to what the role can use.
import { createContext, useContext } from 'react';
import type { Activity, Role, Service } from '../api/contract';

export type Route =
  | { page: 'reception' }
  | { page: 'agenda' }
  | { page: 'patient'; patientId: number; notice?: 'registered' | 'updated' }
  | { page: 'patientNew' }
  | { page: 'patientEdit'; patientId: number }
  | { page: 'book'; patientId: number }
  | { page: 'slip'; appointmentId: number; patientId: number; day: string }
  | { page: 'clinical' }
  | { page: 'sessionNew'; patientId: number; appointment?: { id: number; service: Service; startsAt: string } }
  | { page: 'session'; sessionId: number }
  | { page: 'activities'; notice?: 'recorded' | 'updated' }
  | { page: 'activityForm'; activity?: Activity }
  | { page: 'users' }
  | { page: 'sessions' }
  | { page: 'audit' }
  | { page: 'schedules' }
  | { page: 'unit' }
  | { page: 'merge' }
  | { page: 'stats' }
  | { page: 'monthlyReport' }
  | { page: 'exports' }
  | { page: 'r4vSettings' }
  | { page: 'backups' }
  | { page: 'account' };

export type Page = Route['page'];

type NavLabel =
  | 'nav.receptionHome'
  | 'nav.clinicalHome'
  | 'nav.agenda'
  | 'nav.adminUsers'
  | 'nav.adminAudit'
  | 'nav.adminSchedules'
  | 'nav.adminUnit'
  | 'nav.adminMerge'
  | 'activities.nav'
  | 'adminNav.sessions'
  | 'adminNav.stats'
  | 'adminNav.monthlyReport'
  | 'adminNav.exports'
  | 'adminNav.backups';

export interface NavGroup {
  /** Catalogue key of the group heading (one per role area). */
  label: 'nav.receptionHome' | 'nav.clinicalHome' | 'nav.adminGroup';
  items: { page: Page; label: NavLabel }[];
  /** Pages reached from inside the area (a patient, a form), shown under the nav item they belong to. */
  inner: Partial<Record<Page, Page>>;
}

const PATIENT_PAGES = { patient: 'reception', patientNew: 'reception', patientEdit: 'reception', book: 'reception', slip: 'reception' } as const;

export const NAVIGATION: Record<Role, NavGroup> = {
  reception: {
    label: 'nav.receptionHome',
    items: [
      { page: 'reception', label: 'nav.receptionHome' },
      { page: 'agenda', label: 'nav.agenda' },
    ],
    inner: PATIENT_PAGES,
  },
  clinician: {
    label: 'nav.clinicalHome',
    items: [
      { page: 'clinical', label: 'nav.clinicalHome' },
      { page: 'agenda', label: 'nav.agenda' },
      { page: 'activities', label: 'activities.nav' },
    ],
    inner: { patient: 'clinical', book: 'clinical', slip: 'clinical', sessionNew: 'clinical', session: 'clinical', activityForm: 'activities' },
  },
  admin: {
    label: 'nav.adminGroup',
    items: [
      { page: 'users', label: 'nav.adminUsers' },
      { page: 'sessions', label: 'adminNav.sessions' },
      { page: 'audit', label: 'nav.adminAudit' },
      { page: 'schedules', label: 'nav.adminSchedules' },
      { page: 'unit', label: 'nav.adminUnit' },
      { page: 'merge', label: 'nav.adminMerge' },
      { page: 'activities', label: 'activities.nav' },
      { page: 'stats', label: 'adminNav.stats' },
      { page: 'monthlyReport', label: 'adminNav.monthlyReport' },
      { page: 'exports', label: 'adminNav.exports' },
      { page: 'backups', label: 'adminNav.backups' },
    ],
    inner: { patient: 'merge', activityForm: 'activities', r4vSettings: 'exports' },
  },
};

export function homeRoute(role: Role): Route {
  return { page: NAVIGATION[role].items[0]!.page } as Route;
}

/** The nav item a page sits under for this role, or null when the role may not open it. */
export function navPageOf(role: Role, page: Page): Page | null {
  const group = NAVIGATION[role];
  if (page === 'account') return 'account';
  if (group.items.some((item) => item.page === page)) return page;
  return group.inner[page] ?? null;
}

/**
 * A screen with unsaved work may hold a page change: the guard answers true when it took over,
 * and calls proceed() itself if the user decides to leave.
 */
export type LeaveGuard = (proceed: () => void) => boolean;
let leaveGuard: LeaveGuard | null = null;

export function setLeaveGuard(guard: LeaveGuard | null): void {
  leaveGuard = guard;
}

/** Runs proceed() now, or once the current screen's guard lets the user leave. */
export function guardedLeave(proceed: () => void): void {
  if (leaveGuard?.(proceed)) return;
  proceed();
}

export const NavigationContext = createContext<((route: Route) => void) | null>(null);

/** go(route): open another page of the shell. */
export function useNavigate(): (route: Route) => void {
  const go = useContext(NavigationContext);
  if (!go) throw new Error('useNavigate outside the shell');
  return go;
}
