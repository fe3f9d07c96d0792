// Reception's day, end to end: a receptionist registers a patient with the keyboard only, is warned
// of a duplicate when the same person comes again with a typo in the name, books an appointment
// (with its slip), is refused a double booking, checks the patient in; the clinician, signed in
// in another browser, sees them waiting.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { Api, login, openAllHours, useHost, type StaffUser } from './host';

const RECEPTIONIST: StaffUser = { username: 'recepcion1', password: 'ventanilla de la entrada', name: 'María Rincón', role: 'reception' };
const CLINICIAN: StaffUser = { username: 'psicologa1', password: 'escucha activa siempre', name: 'Laura Gélvez', role: 'clinician' };

const host = useHost({ users: [RECEPTIONIST, CLINICIAN] });

test.beforeAll(async () => {
  await openAllHours(host().url, CLINICIAN.username);
  // Another patient, registered through the API, to collide with at the same hour.
  const api = await Api.login(host().url, RECEPTIONIST.username, RECEPTIONIST.password);
  await api.call('patients.register', {
    patient: {
      givenNames: 'Luis Alberto',
      familyNames: 'Carrillo Mora',
      sex: 'M',
      dateOfBirth: '1984-02-11',
      documentType: 'CC',
      documentNumber: '88.123.456',
      nationality: 'COL',
      populationGroup: 'host_community',
      municipalityCode: '54001',
      insuranceRegime: 'subsidiado',
      referralSource: 'self',
      consentToCare: { given: true },
      consentToDataProcessing: { given: true },
    },
  });
  await api.dispose();
});

/** Presses Tab until `target` has the focus (keyboard only), failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

const form = (page: Page) => page.getByRole('form', { name: 'Nuevo paciente' });

async function fillIntakeWithKeyboard(page: Page, givenNames: string) {
  const f = form(page);
  await typeInto(page, f.getByLabel('Nombres', { exact: true }), givenNames);
  await typeInto(page, f.getByLabel('Apellidos', { exact: true }), 'Contreras Pérez');
  await typeInto(page, f.getByLabel('Sexo', { exact: true }), 'Fem');
  await expect(f.getByLabel('Sexo', { exact: true })).toHaveValue('F');
  await typeInto(page, f.getByLabel('Fecha de nacimiento', { exact: true }), '14/07/1996');
  await expect(f.getByLabel('Fecha de nacimiento', { exact: true })).toHaveAccessibleDescription('Día/mes/año, por ejemplo 14/07/1996.');
  await typeInto(page, f.getByLabel('Tipo de documento', { exact: true }), 'Sin');
  await expect(f.getByLabel('Tipo de documento', { exact: true })).toHaveValue('none');
  await typeInto(page, f.getByLabel('Nacionalidad', { exact: true }), 'Venez');
  await expect(f.getByLabel('Nacionalidad', { exact: true })).toHaveValue('VEN');
  await typeInto(page, f.getByLabel('Grupo poblacional', { exact: true }), 'Migrante con');
  await expect(f.getByLabel('Grupo poblacional', { exact: true })).toHaveValue('in_destination');
  await typeInto(page, f.getByRole('textbox', { name: 'Teléfono 1' }), '0414 555 1234');
  await tabTo(page, f.getByLabel('Tiene WhatsApp', { exact: true }));
  await page.keyboard.press('Space');
  // The municipality picker: type, ↓ to the option, Enter to pick.
  const municipality = f.getByRole('combobox', { name: 'Municipio de residencia' });
  await tabTo(page, municipality);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('villa del ros');
  await expect(page.getByRole('option', { name: /VILLA DEL ROSARIO/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(municipality).toHaveValue('VILLA DEL ROSARIO (NORTE DE SANTANDER)');
  await typeInto(page, f.getByLabel('Régimen de salud', { exact: true }), 'No af');
  await expect(f.getByLabel('Régimen de salud', { exact: true })).toHaveValue('no_afiliado');
  await typeInto(page, f.getByLabel('Cómo llegó a la unidad', { exact: true }), 'Red');
  await expect(f.getByLabel('Cómo llegó a la unidad', { exact: true })).toHaveValue('community_network');
  await tabTo(page, f.getByLabel('La persona da su consentimiento para recibir atención', { exact: true }));
  await page.keyboard.press('Space');
  await tabTo(page, f.getByLabel('La persona autoriza el tratamiento de sus datos personales', { exact: true }));
  await page.keyboard.press('Space');
  await tabTo(page, f.getByRole('button', { name: 'Registrar paciente' }));
  await page.keyboard.press('Enter');
}

test('reception registers, is warned of a duplicate, books, is refused a double booking, checks in; the clinician sees the patient waiting', async ({ page, browser }) => {
  test.setTimeout(90_000);
  // What holds the focus in the very task that first puts the reception screen in the page: a
  // receptionist who types the moment it appears must not lose the first keystrokes.
  await page.addInitScript(() => {
    const w = window as unknown as { __focusWhenShown?: string };
    new MutationObserver((_, observer) => {
      if (!document.querySelector('.patient-search input')) return;
      w.__focusWhenShown = `${document.activeElement?.tagName}:${document.activeElement?.getAttribute('role')}`;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(host().url);
  await login(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expect(page.getByRole('heading', { name: 'Recepción', level: 1 })).toBeVisible();
  const search = page.getByRole('combobox', { name: 'Nombre, documento, teléfono o número de historia' });
  await expect(search).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { __focusWhenShown?: string }).__focusWhenShown)).toBe('INPUT:combobox');

  // 1. Nobody by that name: Alt+N opens the intake form; everything typed with the keyboard.
  await page.keyboard.type('yorgelis contreras');
  await expect(page.getByText('No se encontró a nadie con «yorgelis contreras»')).toBeVisible();
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: 'Nuevo paciente', level: 1 })).toBeFocused();
  // Submitting empty shows each error next to its field, in Spanish, and focuses the first.
  await tabTo(page, form(page).getByRole('button', { name: 'Registrar paciente' }));
  await page.keyboard.press('Enter');
  await expect(form(page).getByLabel('Nombres', { exact: true })).toBeFocused();
  await expect(form(page).getByLabel('Nombres', { exact: true })).toHaveAccessibleDescription('Escriba los nombres');
  await fillIntakeWithKeyboard(page, 'Yorgelis');
  await expect(page.getByRole('status').filter({ hasText: /Paciente registrado con el número de historia SM-\d{4}-\d{6}/ })).toBeVisible();
  const recordNumber = (await page.getByRole('status').filter({ hasText: 'Paciente registrado' }).textContent())!.match(/SM-\d{4}-\d{6}/)![0];
  await expect(page.getByRole('heading', { name: 'Yorgelis Contreras Pérez', level: 1 })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('VILLA DEL ROSARIO (NORTE DE SANTANDER)');
  await expect(page.getByRole('main')).toContainText('+584145551234');
  await expect(page.getByRole('table', { name: /Cambios del registro/ })).toContainText('Registro');

  // 2. The same person again, with a typo in the name and no document: the duplicate warning.
  await page.getByRole('link', { name: 'Recepción' }).click();
  await expect(search).toBeFocused();
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: 'Nuevo paciente', level: 1 })).toBeFocused();
  await fillIntakeWithKeyboard(page, 'Yorgelys');
  const warning = page.getByRole('dialog', { name: 'Posible paciente ya registrado' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(recordNumber);
  await expect(warning).toContainText('Yorgelis Contreras Pérez');
  await expect(warning).toContainText(/nombres parecidos y misma fecha de nacimiento/);
  await warning.getByRole('button', { name: `Abrir la historia de Yorgelis Contreras Pérez (${recordNumber})` }).click();
  await expect(page.getByRole('heading', { name: 'Yorgelis Contreras Pérez', level: 1 })).toBeVisible();

  // 3. Book with the clinician; the slip follows.
  await page.getByRole('button', { name: 'Agendar cita' }).click();
  const booking = page.getByRole('form', { name: 'Agendar cita' });
  await booking.getByLabel('Servicio').selectOption({ label: 'Psicología' });
  await booking.getByLabel('Profesional').selectOption({ label: CLINICIAN.name });
  await expect(booking).toContainText(`Ese día ${CLINICIAN.name} atiende 00:00–23:59.`);
  await booking.getByLabel('Hora', { exact: true }).fill('22:00');
  await booking.getByLabel('Nota para recepción').fill('Trae la remisión de urgencias');
  await booking.getByRole('button', { name: 'Agendar' }).click();
  await expect(page.getByRole('heading', { name: 'Comprobante de cita', level: 1 })).toBeVisible();
  const slip = page.getByRole('article');
  await expect(slip).toContainText('Yorgelis Contreras Pérez');
  await expect(slip).toContainText(recordNumber);
  await expect(slip).toContainText('22:00–22:40');
  await expect(slip).toContainText('Psicología');
  await expect(slip).toContainText(CLINICIAN.name);

  // 4. Another patient with the same clinician at the same hour: refused, clearly.
  await page.getByRole('link', { name: 'Recepción' }).click();
  await page.keyboard.type('88.123.456');
  await expect(page.getByRole('option', { name: /Luis Alberto Carrillo Mora/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /Luis Alberto Carrillo Mora/ })).toContainText('por documento');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Luis Alberto Carrillo Mora', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Agendar cita' }).click();
  await booking.getByLabel('Servicio').selectOption({ label: 'Psicología' });
  await booking.getByLabel('Profesional').selectOption({ label: CLINICIAN.name });
  await booking.getByLabel('Hora', { exact: true }).fill('22:20');
  await booking.getByRole('button', { name: 'Agendar' }).click();
  await expect(page.getByRole('alert')).toContainText(`${CLINICIAN.name} ya tiene una cita a las 22:00: elija otra hora.`);
  await expect(booking.getByLabel('Hora', { exact: true })).toHaveValue('22:20');

  // 5. Check in from today's agenda.
  await page.getByRole('link', { name: 'Recepción' }).click();
  const agenda = page.getByRole('table', { name: 'Citas de hoy en toda la unidad, por hora' });
  const row = agenda.getByRole('row', { name: /Yorgelis Contreras Pérez/ });
  await expect(row).toContainText('Agendada');
  await row.getByRole('button', { name: 'Registrar llegada: Yorgelis Contreras Pérez' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Yorgelis Contreras Pérez está en la sala de espera.' })).toBeVisible();
  await expect(row).toContainText('En espera');
  await expect(page.getByRole('region', { name: 'En sala de espera' })).toContainText('1');

  // 6. The clinician, in another browser, sees her waiting.
  const other = await browser.newContext();
  const clinicianPage = await other.newPage();
  await clinicianPage.goto(host().url);
  await login(clinicianPage, CLINICIAN.username, CLINICIAN.password);
  await expect(clinicianPage.getByRole('heading', { name: 'Clínica', level: 1 })).toBeVisible();
  const waiting = clinicianPage.getByRole('table', { name: 'Pacientes que registraron su llegada, en orden de llegada' });
  await expect(waiting.getByRole('row', { name: /Yorgelis Contreras Pérez/ })).toContainText('22:00–22:40');
  await expect(clinicianPage.getByRole('table', { name: 'Mis citas de hoy, por hora' })).toContainText('En espera');
  await other.close();
});
