// The clinician's session, end to end: a checked-in patient is opened from the waiting list, a session
// is recorded with PHQ-9 and GAD-7 (scores and bands computed by the service, the item-9 risk alert),
// signing is refused without a note (the error next to the note), the session is signed and amended;
// the patient's page charts the scores; the home lists the open alert and the drafts. A receptionist
// opening the same patient sees no clinical content. Axe on each of these screens.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { Api, login, logout, openAllHours, unitToday, useHost, type StaffUser } from './host';

const RECEPTIONIST: StaffUser = { username: 'recepcion1', password: 'ventanilla de la entrada', name: 'María Rincón', role: 'reception' };
const CLINICIAN: StaffUser = { username: 'psicologa1', password: 'escucha activa siempre', name: 'Laura Gélvez', role: 'clinician' };

const host = useHost({ users: [RECEPTIONIST, CLINICIAN] });

const NOTE = 'Refiere tristeza desde la separación de su familia en Maracaibo; duerme mal.';
const AMENDMENT = 'Se contactó a la hermana en Villa del Rosario como red de apoyo.';
let patientId = 0;
let recordNumber = '';

test.beforeAll(async () => {
  const clinicianId = await openAllHours(host().url, CLINICIAN.username);
  const reception = await Api.login(host().url, RECEPTIONIST.username, RECEPTIONIST.password);
  const { patient } = await reception.call('patients.register', {
    patient: {
      givenNames: 'Yusmary del Valle',
      familyNames: 'Urdaneta Parra',
      sex: 'F',
      dateOfBirth: '1991-03-08',
      documentType: 'PT',
      documentNumber: '6543210',
      nationality: 'VEN',
      populationGroup: 'in_destination',
      municipalityCode: '54001',
      insuranceRegime: 'subsidiado',
      referralSource: 'iom_ngo',
      consentToCare: { given: true },
      consentToDataProcessing: { given: true },
    },
  });
  patientId = patient.id;
  recordNumber = patient.recordNumber;
  // Booked early today (Colombian time), so the check-in is allowed whatever the hour the tests run.
  const { appointment } = await reception.call('appointments.book', { patientId, clinicianId, service: 'psychology', startsAt: `${unitToday()}T00:10`, durationMinutes: 40 });
  await reception.call('appointments.checkIn', { appointmentId: appointment.id });
  // A second patient with a draft left unsigned, for the drafts list.
  const other = await reception.call('patients.register', {
    patient: {
      givenNames: 'Jhon Fredy',
      familyNames: 'Carrillo Mora',
      sex: 'M',
      dateOfBirth: '1979-11-20',
      documentType: 'CC',
      documentNumber: '88123456',
      nationality: 'COL',
      populationGroup: 'colombian_returnee',
      municipalityCode: '54001',
      insuranceRegime: 'subsidiado',
      referralSource: 'self',
      consentToCare: { given: true },
      consentToDataProcessing: { given: true },
    },
  });
  await reception.dispose();
  const clinician = await Api.login(host().url, CLINICIAN.username, CLINICIAN.password);
  await clinician.call('sessions.create', {
    patientId: other.patient.id,
    startsAt: `${unitToday()}T07:00`,
    durationMinutes: 30,
    visitKind: 'first',
    modality: 'phone',
    format: 'individual',
    service: 'psychology',
    note: 'Llamada de seguimiento pendiente de completar.',
  });
  await clinician.dispose();
});

async function expectNoSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${screen}`,
  ).toEqual([]);
}

/** Answers an instrument item by its number, with the keyboard: focus the first option, arrows to the value. */
async function answer(instrument: Locator, item: number, value: number) {
  const group = instrument.getByRole('group').nth(item - 1);
  const first = group.getByRole('radio').first();
  await first.focus();
  await first.press('Space');
  for (let i = 0; i < value; i++) await group.page().keyboard.press('ArrowRight');
  await expect(group.getByRole('radio').nth(value)).toBeChecked();
}

test('a clinician records, scores, signs and amends a session; reception sees no clinical content', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host().url);
  await login(page, CLINICIAN.username, CLINICIAN.password);

  // The waiting list: the checked-in patient, with the session started from her appointment.
  const waiting = page.getByRole('table', { name: 'Pacientes que registraron su llegada, en orden de llegada' });
  await waiting.getByRole('link', { name: 'Yusmary del Valle Urdaneta Parra' }).click();
  await expect(page.getByRole('heading', { name: 'Yusmary del Valle Urdaneta Parra', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: /Iniciar sesión de la cita de 00:10/ }).click();
  await expect(page.getByRole('heading', { name: 'Nueva sesión', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Registro de la sesión' });
  await expect(form.getByLabel('Fecha y hora')).toHaveValue(`${unitToday()}T00:10`);
  await expect(form.getByLabel('Servicio')).toHaveValue('psychology');
  await expect(form.getByLabel('Tipo de consulta')).toHaveValue('first');

  await form.getByLabel('Motivo de consulta y situación actual').fill('Tristeza y llanto frecuente desde hace un mes.');
  await form.getByRole('checkbox', { name: 'Psicoeducación' }).check();
  await form.getByRole('checkbox', { name: 'Primeros auxilios psicológicos' }).check();
  await expect(form.getByRole('status')).toContainText(/Guardado \d\d:\d\d/);

  // PHQ-9 with the keyboard (item 9 > 0), GAD-7 with the mouse.
  await form.getByLabel('Instrumento', { exact: true }).selectOption({ label: 'PHQ-9 (depresión)' });
  await form.getByRole('button', { name: 'Agregar instrumento' }).click();
  const phq9 = form.getByRole('region', { name: 'PHQ-9 (depresión)' });
  const phq9Answers = [2, 2, 2, 1, 1, 1, 1, 0, 1];
  for (const [i, value] of phq9Answers.entries()) await answer(phq9, i + 1, value);
  await expect(phq9).toContainText('Vista previa: 9 de 9 respondidas, suma 11.');

  await form.getByLabel('Instrumento', { exact: true }).selectOption({ label: 'GAD-7 (ansiedad)' });
  await form.getByRole('button', { name: 'Agregar instrumento' }).click();
  const gad7 = form.getByRole('region', { name: 'GAD-7 (ansiedad)' });
  const gad7Answers = [2, 1, 1, 1, 1, 0, 0];
  for (const [i, value] of gad7Answers.entries()) await gad7.getByRole('group').nth(i).getByRole('radio').nth(value).check();

  // The service's totals and bands, and the risk alert for item 9.
  await expect(page.getByTestId('scored-phq9')).toHaveText(/Calculado por el servicio: 11 de 27\s+Moderada/);
  await expect(page.getByTestId('scored-gad7')).toHaveText(/Calculado por el servicio: 6 de 21\s+Leve/);
  const alert = page.getByRole('alert').filter({ hasText: 'Alerta de riesgo suicida' });
  await expect(alert).toContainText('PHQ-9, ítem 9 (pensamientos de muerte o de hacerse daño): respuesta 1.');

  // A diagnosis from the ICD-10 picker, typed without accents.
  const diagnosis = form.getByRole('combobox', { name: 'Agregar diagnóstico' });
  await diagnosis.fill('episodio depresivo moderado');
  await expect(page.getByRole('option', { name: /^F32\.1 Episodio depresivo moderado/ })).toBeVisible();
  await diagnosis.press('Enter');
  await expect(form.getByText('F32.1', { exact: true })).toBeVisible();
  await expect(form.getByRole('radio', { name: 'Principal' })).toBeChecked();
  await expect(form.getByRole('status')).toContainText(/Guardado \d\d:\d\d/);

  // Signing without a note: the service refuses, its reason next to the note, nothing typed lost.
  await form.getByRole('button', { name: 'Firmar…' }).click();
  await page.getByRole('dialog', { name: 'Firmar la sesión' }).getByRole('button', { name: 'Firmar sesión' }).click();
  const noteField = form.getByLabel('Nota clínica');
  await expect(noteField).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Escriba la nota clínica antes de firmar')).toBeVisible();
  await expect(phq9.getByRole('group').nth(8).getByRole('radio').nth(1)).toBeChecked();
  await expectNoSeriousViolations(page, 'session form with an error');

  await noteField.fill(NOTE);
  await form.getByLabel('Plan').fill('Control en 15 días; activar red de apoyo.');
  await expect(form.getByRole('status')).toContainText(/Guardado \d\d:\d\d/);
  await form.getByRole('button', { name: 'Firmar…' }).click();
  await page.getByRole('dialog', { name: 'Firmar la sesión' }).getByRole('button', { name: 'Firmar sesión' }).click();

  // Signed: read-only, with its signature, then an amendment under the original.
  await expect(page.getByRole('heading', { name: 'Sesión firmada', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Sesión firmada. Desde ahora solo se agregan enmiendas.' })).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  const signature = page.getByRole('region', { name: 'Firma' });
  await expect(signature.getByText(/^[0-9a-f]{16}…$/)).toBeVisible();
  await signature.getByRole('button', { name: 'Agregar enmienda' }).click();
  const amend = page.getByRole('dialog', { name: 'Agregar enmienda' });
  await amend.getByLabel('Motivo de la enmienda').fill('Dato de la red de apoyo');
  await amend.getByLabel('Texto de la enmienda').fill(AMENDMENT);
  await amend.getByRole('button', { name: 'Agregar enmienda' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Enmienda agregada.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Enmiendas' })).toContainText(AMENDMENT);
  await expect(page.getByRole('region', { name: 'Enmiendas' })).toContainText('Laura Gélvez');
  await expect(page.getByRole('region', { name: 'Nota clínica' })).toContainText(NOTE);
  const scores = page.getByRole('table', { name: 'Puntajes de los instrumentos de esta sesión' });
  await expect(scores.getByRole('row', { name: /PHQ-9/ })).toContainText('11');
  await expect(scores.getByRole('row', { name: /PHQ-9/ })).toContainText('Alerta de riesgo');
  await expectNoSeriousViolations(page, 'signed session with an amendment');

  // The patient's clinical page: the session with its scores and amendment, the alert, the charts.
  await page.getByRole('button', { name: 'Volver al paciente' }).click();
  const sessions = page.getByRole('table', { name: /^Sesiones de Yusmary/ });
  await expect(sessions.getByRole('row').nth(1)).toContainText('Firmada');
  await expect(sessions.getByRole('row').nth(1)).toContainText('PHQ-9 11');
  await expect(page.getByRole('table', { name: 'Alertas de riesgo sin atender de este paciente' })).toContainText('PHQ-9, ítem 9');
  await expect(page.getByRole('img', { name: /^PHQ-9 \(depresión\): 1 puntaje, el .*: 11 \(Moderada\)\.$/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^GAD-7 \(ansiedad\): 1 puntaje/ })).toBeVisible();
  await expectNoSeriousViolations(page, 'patient clinical page with charts');

  // Home: the open alert and the unsigned draft; the alert is acknowledged with a note.
  await page.getByRole('link', { name: 'Clínica' }).click();
  const alerts = page.getByRole('table', { name: 'Alertas de riesgo sin atender, de la más reciente a la más antigua' });
  await expect(alerts.getByRole('row', { name: /Yusmary del Valle Urdaneta Parra/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Sesiones en borrador, de la más reciente a la más antigua' })).toContainText('Jhon Fredy Carrillo Mora');
  await expectNoSeriousViolations(page, 'clinician home with alerts and drafts');
  await alerts.getByRole('button', { name: 'Atender la alerta de Yusmary del Valle Urdaneta Parra' }).click();
  const ack = page.getByRole('dialog', { name: 'Atender la alerta de riesgo' });
  await ack.getByLabel('Qué se hizo').fill('Evaluación del riesgo y plan de seguridad acordado.');
  await ack.getByRole('button', { name: 'Marcar como atendida' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Alerta de Yusmary del Valle Urdaneta Parra atendida.' })).toBeVisible();
  await expect(alerts).toContainText('No hay alertas abiertas.');
  await logout(page);

  // Reception opens the same patient: visits only, no clinical content anywhere on the page.
  await login(page, RECEPTIONIST.username, RECEPTIONIST.password);
  const search = page.getByRole('combobox', { name: 'Nombre, documento, teléfono o número de historia' });
  await search.fill(recordNumber);
  await expect(page.getByRole('option', { name: /Yusmary del Valle Urdaneta Parra/ })).toBeVisible();
  await search.press('Enter');
  await expect(page.getByRole('heading', { name: 'Yusmary del Valle Urdaneta Parra', level: 1 })).toBeVisible();
  const visits = page.getByRole('table', { name: 'Atenciones de Yusmary del Valle Urdaneta Parra' });
  await expect(visits.getByRole('row').nth(1)).toContainText('Psicología');
  await expect(visits.getByRole('row').nth(1)).toContainText('Laura Gélvez');
  const text = await page.locator('main').innerText();
  for (const clinical of [NOTE, AMENDMENT, 'Tristeza y llanto', 'F32', 'Episodio depresivo', 'PHQ-9', 'GAD-7', 'Moderada', 'Historia clínica', 'Alerta', 'Plan', 'red de apoyo']) {
    expect(text, `reception must not see "${clinical}"`).not.toContain(clinical);
  }
  await expect(page.getByRole('img')).toHaveCount(0);
});

test('leaving a session with unsaved answers asks first', async ({ page }) => {
  await page.goto(host().url);
  await login(page, CLINICIAN.username, CLINICIAN.password);
  await page.getByRole('table', { name: 'Sesiones en borrador, de la más reciente a la más antigua' }).getByRole('button', { name: 'Continuar el borrador de Jhon Fredy Carrillo Mora' }).click();
  await expect(page.getByRole('heading', { name: 'Sesión en borrador', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Registro de la sesión' });
  await expect(form.getByLabel('Nota clínica')).toHaveValue('Llamada de seguimiento pendiente de completar.');
  // A C-SSRS with only the first answer: it cannot be saved yet, so leaving asks.
  await form.getByRole('button', { name: 'Agregar tamizaje C-SSRS' }).click();
  const cssrs = form.getByRole('region', { name: 'C-SSRS, tamizaje (riesgo suicida)' });
  await cssrs.getByRole('group').first().getByRole('radio', { name: 'Sí' }).check();
  // The skip logic, live: questions 3 to 5 are not asked while question 2 is unanswered or "No".
  await expect(cssrs).toContainText('Preguntas 3 a 5: no se hacen porque la respuesta a la 2 es «No».');
  await cssrs.getByRole('group').nth(1).getByRole('radio', { name: 'Sí' }).check();
  await expect(cssrs.getByRole('group')).toHaveCount(6);
  await expect(form.getByRole('status')).toContainText('las respuestas incompletas se guardarán al completarlas');
  await page.getByRole('link', { name: 'Clínica' }).click();
  const leave = page.getByRole('dialog', { name: 'Hay cambios sin guardar' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Cancelar' }).click();
  await expect(page.getByRole('heading', { name: 'Sesión en borrador', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Clínica' }).click();
  await leave.getByRole('button', { name: 'Salir sin guardar' }).click();
  await expect(page.getByRole('heading', { name: 'Clínica', level: 1 })).toBeVisible();
});
