// What each role may open. The server enforces roles; this only keeps the UI to what the role can use.
import type { Role } from '../api/contract';

export type Page = 'reception' | 'clinical' | 'users' | 'audit' | 'account';

export interface NavGroup {
  /** Catalogue key of the group heading (one per role area). */
  label: 'nav.receptionHome' | 'nav.clinicalHome' | 'nav.adminGroup';
  items: { page: Page; label: 'nav.receptionHome' | 'nav.clinicalHome' | 'nav.adminUsers' | 'nav.adminAudit' }[];
}

export const NAVIGATION: Record<Role, NavGroup> = {
  reception: { label: 'nav.receptionHome', items: [{ page: 'reception', label: 'nav.receptionHome' }] },
  clinician: { label: 'nav.clinicalHome', items: [{ page: 'clinical', label: 'nav.clinicalHome' }] },
  admin: {
    label: 'nav.adminGroup',
    items: [
      { page: 'users', label: 'nav.adminUsers' },
      { page: 'audit', label: 'nav.adminAudit' },
    ],
  },
};

export function homePage(role: Role): Page {
  return NAVIGATION[role].items[0]!.page;
}
