// Zero serious or critical axe violations on the administration screens, in their states: the
// dashboard, the monthly report, exports (idle, running with its progress bar, done, refused with a
// 409), the 5W settings with errors, backups (running, done, refused), the audit viewer filtered by a
// patient. Screenshots of each for review.
import { expect, test, type Page, type Route } from '@playwright/test';
import { ADMIN, login, useHost } from './host';
import { CLINICIAN, expectNoSeriousViolations, PATIENTS, RECEPTIONIST, seed } from './admin-fixture';

const host = useHost({ users: [RECEPTIONIST, CLINICIAN] });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await seed(host().url);
});

async function open(page: Page, item: string, heading: string) {
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: item }).click();
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

/**
 * Holds the requests of one procedure until release() is called (the host is reached afterwards, as
 * usual): the screen shows its in-between state meanwhile. Later requests pass straight through.
 */
async function hold(page: Page, procedure: string): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/${procedure}`, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('statistics, report, exports and 5W settings', async ({ page }) => {
  await page.goto(host().url);
  await login(page, ADMIN.username, ADMIN.password);

  await open(page, 'Estadísticas', 'Estadísticas');
  await expect(page.getByRole('img', { name: /^Sesiones por formato:/ })).toBeVisible();
  await page.getByText('Ver como tabla').first().click();
  await expectNoSeriousViolations(page, 'dashboard');
  await page.screenshot({ path: test.info().outputPath('dashboard.png'), fullPage: true });

  await open(page, 'Informe mensual', 'Informe mensual');
  await page.getByLabel('Periodo', { exact: true }).selectOption('thisMonth');
  await expect(page.getByRole('table', { name: 'Intervenciones y personas alcanzadas por categoría' })).toContainText('<5');
  await expectNoSeriousViolations(page, 'monthly report');
  await page.screenshot({ path: test.info().outputPath('report.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Navegación principal' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Exportar XLSX' })).toBeHidden();
  await expect(page.getByText('<5 = dato suprimido')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('report-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  await open(page, 'Exportaciones', 'Exportaciones');
  await expect(page.getByText('Ninguna exportación iniciada desde esta pantalla.')).toBeVisible();
  await expectNoSeriousViolations(page, 'exports idle');
  await page.getByLabel('Qué exportar').selectOption({ label: 'Filas anonimizadas: una por sesión' });
  await page.getByLabel('Periodo', { exact: true }).selectOption('thisMonth');
  await page.getByLabel('Clave de exportación (opcional)').fill('corta');
  await page.getByRole('button', { name: 'Iniciar exportación' }).click();
  await expect(page.getByText('La clave de exportación tiene al menos 12 caracteres')).toBeVisible();
  await page.getByLabel('Clave de exportación (opcional)').fill('clave del estudio de cohortes 2026');
  // While the host's answers about the job are held, the job shows as running with its progress bar.
  const releaseStatus = await hold(page, 'exports.status');
  await page.getByRole('button', { name: 'Iniciar exportación' }).click();
  const progress = page.getByRole('progressbar', { name: /Preparando Filas anonimizadas/ });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('aria-valuenow', /^\d+$/);
  await expectNoSeriousViolations(page, 'export running');
  await page.screenshot({ path: test.info().outputPath('export-running.png'), fullPage: true });
  releaseStatus();
  const current = page.getByRole('region', { name: 'Exportación en curso' });
  await expect(current.getByText(/^Listo: acogida-deidentified-sessions-/)).toBeVisible();
  await expect(current).toContainText('k alcanzado');
  await expect(current).toContainText('Filas suprimidas');
  await expectNoSeriousViolations(page, 'export done');
  await page.screenshot({ path: test.info().outputPath('export-done.png'), fullPage: true });

  // A second export of a kind already running is refused by the host (409); the screen says so.
  // The refusal is the host's own answer, replayed so the test does not depend on timing.
  await page.route('**/api/exports.create', (route) =>
    route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'conflict', message: 'Ya hay una exportación de este tipo en curso: espere a que termine.' } }) }),
  );
  await page.getByRole('button', { name: 'Iniciar exportación' }).click();
  await expect(page.getByRole('alert')).toHaveText('No se pudo iniciar: Ya hay una exportación de este tipo en curso: espere a que termine.');
  await expectNoSeriousViolations(page, 'export refused');
  await page.unroute('**/api/exports.create');

  await page.getByRole('button', { name: 'Configurar el 5W de R4V' }).click();
  await expect(page.getByRole('heading', { name: 'Configuración del 5W de R4V', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Configuración del 5W de R4V' });
  await form.getByLabel('Indicador RMRP · Sesiones · Familiar').fill('');
  await form.getByRole('button', { name: 'Guardar configuración' }).click();
  await expect(form.getByText('Escriba el indicador RMRP')).toBeVisible();
  await expect(form.getByLabel('Indicador RMRP · Sesiones · Familiar')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page, '5W settings with errors');
  await page.screenshot({ path: test.info().outputPath('r4v.png'), fullPage: true });
});

test('backups and the audit viewer filtered by a patient', async ({ page }) => {
  await page.goto(host().url);
  await login(page, ADMIN.username, ADMIN.password);

  await open(page, 'Copias de seguridad', 'Copias de seguridad');
  await expect(page.getByRole('table', { name: 'Copias guardadas' })).toContainText('Todavía no hay copias.');
  await expectNoSeriousViolations(page, 'backups empty');
  const releaseCreate = await hold(page, 'backups.create');
  await page.getByRole('button', { name: 'Hacer copia ahora' }).click();
  await expect(page.getByRole('progressbar', { name: 'Copia en curso' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copiando…' })).toBeDisabled();
  await expectNoSeriousViolations(page, 'backup running');
  releaseCreate();
  await expect(page.getByRole('status').filter({ hasText: 'Copia hecha y verificada' })).toBeVisible();
  const list = page.getByRole('table', { name: 'Copias guardadas' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText(/acogida-\d{8}-\d{6}\.db/);
  await expect(page.getByRole('definition').first()).not.toHaveText('Nunca');
  await expectNoSeriousViolations(page, 'backup done');
  await page.screenshot({ path: test.info().outputPath('backups.png'), fullPage: true });
  // The host refuses a second backup while one runs (409); the screen says so.
  await page.route('**/api/backups.create', (route) =>
    route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: { code: 'conflict', message: 'Ya hay una copia de seguridad en curso (40 %). Espere a que termine.' } }) }),
  );
  await page.getByRole('button', { name: 'Hacer copia ahora' }).click();
  await expect(page.getByRole('alert')).toHaveText('Ya hay una copia en curso. Ya hay una copia de seguridad en curso (40 %). Espere a que termine.');
  await page.unroute('**/api/backups.create');

  await open(page, 'Auditoría', 'Auditoría');
  const first = PATIENTS[0]!;
  await page.getByLabel('Buscar paciente').fill(first.familyNames);
  await page.getByRole('option', { name: new RegExp(`${first.givenNames} ${first.familyNames}`) }).click();
  await expect(page.getByText(`Solo eventos de ${first.givenNames} ${first.familyNames}`)).toBeVisible();
  const table = page.getByRole('table', { name: /Eventos de auditoría/ });
  // Registered, then two sessions created and signed, each with the PHQ-9: only this patient's events.
  await expect(table.getByRole('row').filter({ hasText: 'patients.register' })).toHaveCount(1);
  await expect(table.getByRole('row').filter({ hasText: 'sessions.sign' })).toHaveCount(2);
  await expect(table.getByRole('row').filter({ hasText: 'Sesión firmada' })).toHaveCount(2);
  await expect(table).not.toContainText('auth.login');
  await expectNoSeriousViolations(page, 'audit with a patient filter');
  await page.screenshot({ path: test.info().outputPath('audit.png'), fullPage: true });
  await page.getByRole('button', { name: 'Quitar paciente' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'auth.login' }).first()).toBeVisible();
});
