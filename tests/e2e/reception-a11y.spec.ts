// Zero serious or critical axe-core violations on reception's screens (home, search results, intake
// form with errors, duplicate warning, patient page, booking, slip, agenda day and week), the
// clinician's home with a patient waiting, and the admin's schedules, unit and merge screens.
// Each screen is also saved as a PNG under test-results/screens/ for review.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, Api, login, logout, openAllHours, unitToday, useHost, type StaffUser } from './host';

const RECEPTIONIST: StaffUser = { username: 'recepcion2', password: 'mostrador de la unidad', name: 'Sandra Villamizar', role: 'reception' };
const CLINICIAN: StaffUser = { username: 'psiquiatra1', password: 'consulta de la tarde', name: 'Jorge Ibáñez', role: 'clinician' };

const host = useHost({ users: [RECEPTIONIST, CLINICIAN] });

const CARMEN = {
  givenNames: 'Carmen Elena',
  familyNames: 'Rangel Duarte',
  sex: 'F',
  dateOfBirth: '1979-03-02',
  documentType: 'PT',
  documentNumber: '5123456',
  nationality: 'VEN',
  populationGroup: 'in_destination',
  phones: [{ number: '3001234567', whatsapp: true }],
  municipalityCode: '54001',
  insuranceRegime: 'subsidiado',
  eps: 'Coosalud',
  referralSource: 'iom_ngo',
  consentToCare: { given: true },
  consentToDataProcessing: { given: true },
};

test.beforeAll(async () => {
  const clinicianId = await openAllHours(host().url, CLINICIAN.username);
  const api = await Api.login(host().url, RECEPTIONIST.username, RECEPTIONIST.password);
  const { patient } = await api.call<{ patient: { id: number } }>('patients.register', { patient: CARMEN });
  await api.call('patients.register', { patient: { ...CARMEN, givenNames: 'Carmen', familyNames: 'Rangel', documentType: 'none', documentNumber: null, phones: [] }, confirmedNotDuplicateOf: [patient.id] });
  const { appointment } = await api.call<{ appointment: { id: number } }>('appointments.book', {
    patientId: patient.id,
    clinicianId,
    service: 'psychiatry',
    startsAt: `${unitToday()}T07:00`,
    durationMinutes: 30,
    note: 'Primera vez',
  });
  await api.call('appointments.checkIn', { appointmentId: appointment.id });
  await api.dispose();
});

async function check(page: Page, screen: string) {
  await page.screenshot({ path: `test-results/screens/${screen}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${screen}`,
  ).toEqual([]);
}

test('reception screens', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(host().url);
  await login(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expect(page.getByRole('table', { name: 'Citas de hoy en toda la unidad, por hora' })).toContainText('Carmen Elena Rangel Duarte');
  await check(page, 'reception-home');

  await page.keyboard.type('carmen rangel');
  await expect(page.getByRole('option')).toHaveCount(2);
  await check(page, 'search-results');

  await page.keyboard.press('Alt+N');
  await page.getByRole('button', { name: 'Registrar paciente' }).click();
  await expect(page.getByLabel('Nombres', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await check(page, 'intake-errors');

  // A minor: the guardian section appears and is required.
  const form = page.getByRole('form', { name: 'Nuevo paciente' });
  await form.getByLabel('Nombres', { exact: true }).fill('Carmen Elena');
  await form.getByLabel('Apellidos', { exact: true }).fill('Rangel Duarte');
  await form.getByLabel('Sexo', { exact: true }).selectOption('F');
  await form.getByLabel('Fecha de nacimiento', { exact: true }).fill('02/03/1979');
  await form.getByLabel('Tipo de documento', { exact: true }).selectOption('none');
  await form.getByLabel('Nacionalidad', { exact: true }).selectOption('VEN');
  await form.getByLabel('Grupo poblacional', { exact: true }).selectOption('in_transit');
  await form.getByLabel('Régimen de salud', { exact: true }).selectOption('no_afiliado');
  await form.getByLabel('Cómo llegó a la unidad', { exact: true }).selectOption('self');
  await form.getByLabel('La persona da su consentimiento para recibir atención').check();
  await form.getByRole('button', { name: 'Registrar paciente' }).click();
  const warning = page.getByRole('dialog', { name: /Posibles? pacientes? ya registrados?/ });
  await expect(warning).toContainText('mismo teléfono', { timeout: 1 }).catch(() => undefined);
  await expect(warning).toContainText('nombres parecidos y misma fecha de nacimiento');
  await check(page, 'duplicate-warning');

  await warning.getByRole('button', { name: 'Es otra persona: registrar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Paciente registrado' })).toBeVisible();
  await page.getByRole('button', { name: 'Editar datos' }).click();
  await page.getByLabel('Barrio o vereda').fill('La Parada');
  await page.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Se guardaron los cambios.' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Cambios del registro/ })).toContainText('La Parada');
  await check(page, 'patient-page');

  await page.getByRole('button', { name: 'Agendar cita' }).click();
  const booking = page.getByRole('form', { name: 'Agendar cita' });
  await booking.getByLabel('Servicio').selectOption({ label: 'Psiquiatría' });
  await booking.getByLabel('Profesional').selectOption({ label: CLINICIAN.name });
  await booking.getByLabel('Hora', { exact: true }).fill('07:10');
  await booking.getByRole('button', { name: 'Agendar' }).click();
  await expect(page.getByRole('alert')).toContainText(`${CLINICIAN.name} ya tiene una cita a las 07:00`);
  await check(page, 'booking-refused');
  await booking.getByLabel('Hora', { exact: true }).fill('21:00');
  await booking.getByRole('button', { name: 'Agendar' }).click();
  await expect(page.getByRole('article')).toContainText('Psiquiatría');
  await check(page, 'slip');

  await page.getByRole('link', { name: 'Agenda' }).click();
  await expect(page.getByRole('table', { name: /Citas:/ })).toContainText('21:00–21:40');
  await check(page, 'agenda-day');
  await page.getByRole('button', { name: 'Semana', exact: true }).click();
  await expect(page.getByRole('region', { name: /./ }).filter({ hasText: '21:00–21:40' })).toHaveCount(1);
  await check(page, 'agenda-week');
  await logout(page);
});

test('clinician home with the waiting list', async ({ page }) => {
  await page.goto(host().url);
  await login(page, CLINICIAN.username, CLINICIAN.password);
  await expect(page.getByRole('table', { name: 'Pacientes que registraron su llegada, en orden de llegada' })).toContainText('Carmen Elena Rangel Duarte');
  await check(page, 'clinician-home');
  await logout(page);
});

test('admin: schedules, unit and merge', async ({ page }) => {
  await page.goto(host().url);
  await login(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: 'Horarios' }).click();
  await expect(page.getByRole('table', { name: 'Profesionales, servicios y horarios' })).toContainText(CLINICIAN.name);
  await check(page, 'admin-schedules');
  await page.getByRole('button', { name: `Editar horario: ${CLINICIAN.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Horario de ${CLINICIAN.name}` });
  await dialog.getByRole('button', { name: 'Lunes a viernes, 7:00–12:00 y 13:00–17:00' }).click();
  await dialog.getByRole('button', { name: 'Agregar tramo' }).click();
  await dialog.getByRole('group', { name: 'Tramo 11' }).getByLabel('Día').selectOption({ label: 'Sábado' });
  await check(page, 'admin-schedule-dialog');
  await dialog.getByRole('button', { name: 'Cancelar' }).click();

  await page.getByRole('link', { name: 'Unidad' }).click();
  await page.getByLabel('Nombre de la unidad').fill('Unidad de Salud Mental · Hospital Erasmo Meoz');
  await page.getByLabel('Dirección').fill('Avenida 11E # 5AN-71, Guaimaral, Cúcuta');
  await page.getByLabel('Teléfono').fill('(607) 574 6888');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Se guardaron los datos de la unidad.' })).toBeVisible();
  await check(page, 'admin-unit');

  await page.getByRole('link', { name: 'Fusionar registros' }).click();
  await page.getByLabel('Buscar el registro que se conserva').fill('5123456');
  await page.getByRole('option', { name: /Carmen Elena Rangel Duarte/ }).first().click();
  await page.getByLabel('Buscar el registro duplicado').fill('carmen rangel');
  await page.getByRole('option', { name: /Sin documento/ }).first().click();
  await page.getByLabel('Por qué son la misma persona').fill('Misma persona: registrada sin documento antes de recibir el PPT.');
  await check(page, 'admin-merge');
  await page.getByRole('button', { name: 'Fusionar…' }).click();
  await page.getByRole('dialog', { name: '¿Fusionar los registros?' }).getByRole('button', { name: 'Fusionar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Registros fusionados' })).toBeVisible();
  await logout(page);
});
