// Hostile input stored as data: a patient registered through the API with script-looking text in
// free-text fields is shown to reception as text, never run — no dialog, no injected element, no
// script executed, and no CSP violation at all (a blocked inline handler would mean markup got into
// the page; the renderer also keeps zod from probing for eval, see renderer/src/zod-config.ts).
import { expect, test } from '@playwright/test';
import { Api, login, useHost, type StaffUser } from './host';

const RECEPTIONIST: StaffUser = { username: 'recepcion1', password: 'ventanilla de la entrada', name: 'María Rincón', role: 'reception' };
const NEIGHBOURHOOD = '<img src=x onerror=alert(1)>';
const ADDRESS = '<script>window.__pwned = 1</script>Calle 5';
const EPS = '"><svg onload=alert(2)>';
const RELATIONSHIP = '<iframe src=javascript:alert(3)></iframe>';

const host = useHost({ users: [RECEPTIONIST] });

test.beforeAll(async () => {
  const api = await Api.login(host().url, RECEPTIONIST.username, RECEPTIONIST.password);
  await api.call('patients.register', {
    patient: {
      givenNames: 'Wilmer José',
      familyNames: 'Quintero Salas',
      sex: 'M',
      dateOfBirth: '1990-05-17',
      documentType: 'PT',
      documentNumber: '5.432.198',
      nationality: 'VEN',
      populationGroup: 'in_destination',
      municipalityCode: '54001',
      neighbourhood: NEIGHBOURHOOD,
      address: ADDRESS,
      insuranceRegime: 'contributivo',
      eps: EPS,
      referralSource: 'self',
      emergencyContact: { name: 'Ana Quintero', relationship: RELATIONSHIP, phone: '300 123 4567' },
      consentToCare: { given: true },
      consentToDataProcessing: { given: true },
    },
  });
  await api.dispose();
});

test('script-looking text stored in a patient record is shown as text and never run', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(host().url);
  await login(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expect(page.getByRole('heading', { name: 'Recepción', level: 1 })).toBeVisible();
  await page.keyboard.type('5.432.198');
  await expect(page.getByRole('option', { name: /Wilmer José Quintero Salas/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Wilmer José Quintero Salas', level: 1 })).toBeVisible();

  // Shown, literally, as text.
  await expect(page.getByText(NEIGHBOURHOOD, { exact: true })).toBeVisible();
  await expect(page.getByText(ADDRESS, { exact: false })).toBeVisible();
  await expect(page.getByText(EPS, { exact: false })).toBeVisible();

  // Nothing ran and nothing was injected.
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"], svg[onload], iframe, [onerror], [onload]').count()).toBe(0);
  expect(await page.evaluate(() => [...document.querySelectorAll('script')].filter((s) => !s.src).length)).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
});
