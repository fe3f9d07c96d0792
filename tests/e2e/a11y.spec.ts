// Zero serious or critical axe-core violations on the login screen, each role's shell, Users and Audit.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, login, logout, useHost, type StaffUser } from './host';

const RECEPTIONIST: StaffUser = { username: 'recepcion1', password: 'ventanilla de la entrada', name: 'María Rincón', role: 'reception' };
const CLINICIAN: StaffUser = { username: 'psicologa1', password: 'escucha activa siempre', name: 'Laura Gélvez', role: 'clinician' };

const host = useHost({ users: [RECEPTIONIST, CLINICIAN] });

async function expectNoSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${screen}`,
  ).toEqual([]);
}

test('login screen, with and without an error', async ({ page }) => {
  await page.goto(host().url);
  await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
  await expectNoSeriousViolations(page, 'login');
  await login(page, ADMIN.username, 'equivocada');
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoSeriousViolations(page, 'login with error');
});

test('reception and clinical shells', async ({ page }) => {
  await page.goto(host().url);
  await login(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expect(page.getByRole('heading', { name: 'Recepción', level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page, 'reception shell');
  await page.getByRole('banner').getByRole('button', { expanded: false }).click();
  await expectNoSeriousViolations(page, 'user menu open');
  await page.getByRole('button', { name: 'Cambiar contraseña' }).click();
  await expect(page.getByRole('heading', { name: 'Cambiar contraseña', level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page, 'change password');
  await logout(page);

  await login(page, CLINICIAN.username, CLINICIAN.password);
  await expect(page.getByRole('heading', { name: 'Clínica', level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page, 'clinical shell');
  await logout(page);
});

test('admin shell: users (with the create dialog) and audit, in Spanish and English', async ({ page }) => {
  await page.goto(host().url);
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('table', { name: 'Cuentas del equipo' })).toBeVisible();
  await expectNoSeriousViolations(page, 'users');

  await page.getByRole('button', { name: 'Nuevo usuario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Crear usuario' });
  await dialog.getByRole('button', { name: 'Crear usuario' }).click();
  await expect(dialog.getByLabel('Nombre completo')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page, 'create user dialog with errors');
  await dialog.getByRole('button', { name: 'Cancelar' }).click();

  await page.getByRole('link', { name: 'Auditoría' }).click();
  await expect(page.getByRole('table', { name: /Eventos de auditoría/ })).toBeVisible();
  await page.getByRole('button', { name: 'Verificar cadena' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'La cadena está íntegra' })).toBeVisible();
  await expectNoSeriousViolations(page, 'audit');

  await page.getByRole('banner').getByRole('button', { expanded: false }).click();
  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Audit', level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page, 'audit in English');
});
