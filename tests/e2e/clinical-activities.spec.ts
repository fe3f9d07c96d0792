// Community activities: a clinician records a workshop with attendance disaggregated by sex × age
// band × population group (totals by row and column as typed), is told what is missing first, finds
// it in the period's list, corrects it; an administrator sees the list too. Axe on list and form.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, login, logout, useHost, type StaffUser } from './host';

const CLINICIAN: StaffUser = { username: 'trabajosocial1', password: 'redes comunitarias fuertes', name: 'Carmen Ortega', role: 'clinician' };
const host = useHost({ users: [CLINICIAN] });

async function expectNoSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${screen}`,
  ).toEqual([]);
}

test('a community activity with disaggregated attendance is recorded, listed and corrected', async ({ page }) => {
  await page.goto(host().url);
  await login(page, CLINICIAN.username, CLINICIAN.password);
  await page.getByRole('link', { name: 'Actividades comunitarias' }).click();
  await expect(page.getByRole('heading', { name: 'Actividades comunitarias y grupales', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Actividades del/ })).toContainText('No hay actividades en este periodo.');
  await expectNoSeriousViolations(page, 'activities list');

  await page.getByRole('button', { name: 'Registrar actividad' }).click();
  const form = page.getByRole('form', { name: 'Registrar actividad' });
  await expect(form.getByRole('combobox', { name: 'Municipio' })).toHaveValue('SAN JOSÉ DE CÚCUTA (NORTE DE SANTANDER)');
  await expect(form.getByRole('checkbox', { name: 'Carmen Ortega' })).toBeChecked();

  // Sending it empty: each missing piece next to its field.
  await form.getByRole('button', { name: 'Registrar actividad' }).click();
  await expect(form.getByText('Registre la asistencia')).toBeVisible();
  await expect(form.getByLabel('Tema')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page, 'activity form with errors');

  await form.getByLabel('Tipo de actividad').selectOption({ label: 'Prevención de la xenofobia' });
  await form.getByLabel('Tema').fill('Convivencia entre vecinos migrantes y de acogida');
  await form.getByLabel('Duración (minutos)').fill('120');
  await form.getByLabel('Lugar', { exact: true }).fill('Salón comunal La Parada');
  const municipality = form.getByRole('combobox', { name: 'Municipio' });
  await municipality.fill('villa del ros');
  await municipality.press('ArrowDown');
  await municipality.press('Enter');
  await expect(municipality).toHaveValue('VILLA DEL ROSARIO (NORTE DE SANTANDER)');
  await form.getByLabel('Otros facilitadores').fill('Promotora de la Cruz Roja');

  const cell = (sex: string, age: string, group: string) => form.getByRole('spinbutton', { name: `${sex}, ${age} años, ${group}`, exact: true });
  await cell('Femenino', '18–29', 'Migrante con vocación de permanencia').fill('12');
  await cell('Masculino', '18–29', 'Migrante con vocación de permanencia').fill('7');
  await cell('Femenino', '30–59', 'Migrante con vocación de permanencia').fill('4');
  await cell('Femenino', '30–59', 'Comunidad de acogida').fill('9');
  await cell('Masculino', '60+', 'Colombiano retornado').fill('2');
  const destination = form.getByRole('table', { name: /^Migrante con vocación de permanencia/ });
  await expect(destination.getByRole('row', { name: /^18–29 años/ }).getByRole('cell').last()).toHaveText('19');
  await expect(destination.locator('tfoot').getByRole('cell').first()).toHaveText('16');
  await expect(form.getByText('Total de asistentes: 34 · Femenino: 25 · Masculino: 9 · Intersexual: 0')).toBeVisible();
  await form.getByRole('button', { name: 'Registrar actividad' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Actividad registrada.' })).toBeVisible();
  const list = page.getByRole('table', { name: /^Actividades del/ });
  const row = list.getByRole('row', { name: /Convivencia entre vecinos/ });
  await expect(row).toContainText('34');
  await expect(row).toContainText('VILLA DEL ROSARIO');
  await expect(row).toContainText('Carmen Ortega, Promotora de la Cruz Roja');
  await expect(page.getByText('1 actividad, 34 asistentes.')).toBeVisible();

  // Correcting it keeps the grid as recorded.
  await row.getByRole('button', { name: /^Corregir la actividad/ }).click();
  const edit = page.getByRole('form', { name: 'Corregir actividad' });
  await expect(edit.getByRole('spinbutton', { name: 'Femenino, 30–59 años, Comunidad de acogida', exact: true })).toHaveValue('9');
  await edit.getByRole('spinbutton', { name: 'Intersexual, 12–17 años, Migrante en tránsito', exact: true }).fill('1');
  await expectNoSeriousViolations(page, 'activity form (correcting)');
  await edit.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Actividad corregida.' })).toBeVisible();
  await expect(list.getByRole('row', { name: /Convivencia entre vecinos/ })).toContainText('35');
  await logout(page);

  // Administration sees the activities as well.
  await login(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: 'Actividades comunitarias' }).click();
  await expect(page.getByRole('table', { name: /^Actividades del/ }).getByRole('row', { name: /Convivencia entre vecinos/ })).toContainText('35');
});
