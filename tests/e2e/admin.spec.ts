// Administration end to end: the admin opens the dashboard (numbers and charts from seeded data),
// the monthly report (downloaded as XLSX and parsed: its totals equal the page and the seed), fills
// the R4V 5W settings and downloads the 5W (CSV, parsed: beneficiaries equal the seed). A
// receptionist and a clinician get 403 on every statistics, export and backup procedure.
import { expect, request, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { ADMIN, login, useHost } from './host';
import { CLINICIAN, RECEPTIONIST, SEEDED, seed } from './admin-fixture';

const host = useHost({ users: [RECEPTIONIST, CLINICIAN] });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await seed(host().url);
});

async function openAdmin(page: Page, item: string, heading: string) {
  await page.goto(host().url);
  await login(page, ADMIN.username, ADMIN.password);
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: item }).click();
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

/** A headline number, checked by its visible label. */
function card(page: Page, label: string) {
  return page.locator('.stat-card').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
}

test('the dashboard shows this month’s numbers and charts that agree with them', async ({ page }) => {
  await openAdmin(page, 'Estadísticas', 'Estadísticas');
  await expect(page.getByLabel('Periodo', { exact: true })).toHaveValue('thisMonth');
  await expect(card(page, 'Personas atendidas').locator('.stat-value')).toHaveText(String(SEEDED.people));
  await expect(card(page, 'Sesiones').locator('.stat-value')).toHaveText(String(SEEDED.sessions));
  await expect(card(page, 'Participantes comunitarios').locator('.stat-value')).toHaveText(String(SEEDED.communityParticipants));
  await expect(card(page, 'Pacientes nuevos').locator('.stat-value')).toHaveText(String(SEEDED.people));
  await expect(card(page, 'Alertas de riesgo').locator('.stat-value')).toHaveText('0');

  // The bar charts say in words what they draw, with the same totals as the cards.
  await expect(page.getByRole('img', { name: /^Sesiones por formato: Individual 7; Familiar 1; Grupal 1\. Total 9\.$/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Sesiones por servicio: Psicología 5; Psiquiatría 1; .*Trabajo social 2; .*Sesión grupal 1\. Total 9\.$/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Personas por sexo: Femenino 5; Masculino 3; Intersexual 0\. Total 8\.$/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Personas por nacionalidad: Venezuela[^;]* 6; Colombia 2\. Total 8\.$/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Participantes comunitarios por grupo de edad: .*6-11 años 6; .*18-29 años 12; .*30-59 años 8; .*Total 26\.$/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Sesiones, personas y participantes comunitarios por mes/ })).toBeVisible();
  // Every bar is drawn: 3 formats, 6 services, 3 modalities, 3 sexes, 6 age bands, 2 nationalities, 5 groups, community 6 + 3 + 5.
  await expect(page.locator('rect.chart-bar')).toHaveCount(3 + 6 + 3 + 3 + 6 + 2 + 5 + 6 + 3 + 5);

  // Age collapses to under and over 18; the table behind the chart holds the same numbers.
  await page.getByRole('button', { name: 'Menores y mayores de 18' }).click();
  const ages = page.getByRole('figure').filter({ hasText: 'Personas menores y mayores de 18 años' });
  await expect(ages.getByRole('img')).toHaveAccessibleName('Personas menores y mayores de 18 años: Menores de 18 1; 18 años o más 7. Total 8.');
  await ages.getByText('Ver como tabla').click();
  await expect(ages.getByRole('row', { name: 'Menores de 18 1' })).toBeVisible();
  await expect(ages.getByRole('row', { name: 'Total 8' })).toBeVisible();

  // PHQ-9 from 14 to 6 for the one patient scored twice.
  await expect(page.getByRole('row', { name: 'PHQ-9 1 14,0 6,0 -8,0' })).toBeVisible();

  // A service filter narrows the sessions.
  await page.getByLabel('Servicio', { exact: true }).selectOption({ label: 'Trabajo social' });
  await expect(card(page, 'Sesiones').locator('.stat-value')).toHaveText('2');
  await expect(page.getByRole('img', { name: /^Sesiones por formato: Individual 1; Familiar 1; Grupal 0\. Total 2\.$/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/admin-dashboard.png', fullPage: true });
});

test('the monthly report on the page and in the downloaded XLSX agree with each other and with the seed', async ({ page }) => {
  await openAdmin(page, 'Informe mensual', 'Informe mensual');
  await page.getByLabel('Periodo', { exact: true }).selectOption('thisMonth');
  const summary = page.getByRole('table', { name: 'Intervenciones y personas alcanzadas por categoría' });
  await expect(summary.getByRole('row', { name: `Intervención individual ${SEEDED.individualSessions} ${SEEDED.individualPeople}` })).toBeVisible();
  await expect(summary.getByRole('row', { name: 'Intervención familiar 1 <5' })).toBeVisible();
  await expect(summary.getByRole('row', { name: 'Intervención grupal 1 <5' })).toBeVisible();
  await expect(summary.getByRole('row', { name: `Actividad comunitaria 1 ${SEEDED.communityParticipants}` })).toBeVisible();
  await expect(page.getByText('<5 = dato suprimido: un conteo menor que 5, u otro ocultado para que no se pueda deducir')).toBeVisible();
  const community = page.getByRole('table', { name: 'Actividad comunitaria: personas por sexo y grupo de edad' });
  await expect(community.getByRole('row', { name: /^Total/ })).toContainText(String(SEEDED.communityParticipants));
  await page.screenshot({ path: 'test-results/admin-report.png', fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportar XLSX' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^acogida-monthly-report-\d{4}-\d{2}-01-a-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(page.getByRole('status').filter({ hasText: 'se descargó' })).toBeVisible();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.getWorksheet('Resumen')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const byCategory = new Map(rows.map((r) => [r[0], r]));
  expect(byCategory.get('Intervención individual')!.slice(1, 3)).toEqual([SEEDED.individualSessions, SEEDED.individualPeople]);
  expect(byCategory.get('Intervención familiar')!.slice(1, 3)).toEqual([1, '<5']);
  expect(byCategory.get('Intervención grupal')!.slice(1, 3)).toEqual([1, '<5']);
  expect(byCategory.get('Actividad comunitaria')!.slice(1, 3)).toEqual([1, SEEDED.communityParticipants]);
  expect(rows.flat().join(' ')).toContain('<5 = dato suprimido');
  // The sex × age sheet's community total equals the page's.
  const sexAge: unknown[][] = [];
  workbook.getWorksheet('Sexo y edad')!.eachRow((row) => sexAge.push((row.values as unknown[]).slice(1)));
  const communityStart = sexAge.findIndex((r) => r[0] === 'Actividad comunitaria');
  const communityTotal = sexAge.slice(communityStart).find((r) => r[0] === 'Total')!;
  expect(communityTotal[communityTotal.length - 1]).toBe(SEEDED.communityParticipants);
});

test('the 5W needs its settings first; once filled, the downloaded CSV holds the seeded beneficiaries', async ({ page }) => {
  await openAdmin(page, 'Exportaciones', 'Exportaciones');
  await page.getByLabel('Qué exportar').selectOption({ label: '5W de R4V' });
  await expect(page.getByRole('status').filter({ hasText: 'El 5W necesita primero' })).toBeVisible();
  await page.getByLabel('Formato').selectOption('csv');
  await page.getByLabel('Periodo', { exact: true }).selectOption('thisMonth');
  await page.getByRole('button', { name: 'Iniciar exportación' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Configure primero el 5W de R4V' });
  await expect(refusal).toBeVisible();
  await refusal.getByRole('button', { name: 'Configurar el 5W' }).click();

  await expect(page.getByRole('heading', { name: 'Configuración del 5W de R4V', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Configuración del 5W de R4V' });
  await expect(form.getByLabel('Subsector')).toHaveValue('Health - Mental Health and Psychosocial Support (MHPSS)');
  await expect(form.getByRole('combobox', { name: 'Municipio de la unidad' })).toHaveValue(/CÚCUTA/);
  await expect(form.getByLabel('Indicador RMRP · Sesiones · Individual')).toHaveValue('Number of people receiving mental health and psychosocial support services');
  // Saving without the organisations names them.
  await form.getByRole('button', { name: 'Guardar configuración' }).click();
  await expect(form.getByText('Escriba la organización que hace el llamamiento (Appealing organisation)')).toBeVisible();
  await form.getByLabel('Organización del llamamiento (Appealing organisation)').fill('Organización Internacional para las Migraciones');
  await form.getByLabel('Organización que implementa (Implementing partner)').fill('Hospital Universitario Erasmo Meoz');
  await form.getByLabel('Actividad RMRP · Actividad comunitaria · Autocuidado').fill('Community MHPSS');
  await form.getByRole('button', { name: 'Guardar configuración' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Configuración guardada.' })).toBeVisible();
  await page.screenshot({ path: 'test-results/admin-r4v.png', fullPage: true });
  await page.getByRole('status').getByRole('button', { name: 'Volver a exportaciones' }).click();

  await page.getByLabel('Qué exportar').selectOption({ label: '5W de R4V' });
  await page.getByLabel('Formato').selectOption('csv');
  await page.getByLabel('Periodo', { exact: true }).selectOption('thisMonth');
  await page.getByRole('button', { name: 'Iniciar exportación' }).click();
  const current = page.getByRole('region', { name: 'Exportación en curso' });
  await expect(current.getByText(/^Listo: acogida-r4v-5w-.*\.csv$/)).toBeVisible();
  await expect(current.getByRole('definition').first()).toHaveText('2');
  const [download] = await Promise.all([page.waitForEvent('download'), current.getByRole('button', { name: /^Descargar acogida-r4v-5w/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...body] = text.trim().split('\r\n').map((line) => line.split(','));
  expect(header!.slice(0, 3)).toEqual(['Country', 'Country Admin1', 'Admin2']);
  expect(body).toHaveLength(2);
  const col = (name: string) => header!.indexOf(name);
  const rows = body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
  for (const row of rows) {
    expect(row['Country']).toBe('Colombia');
    expect(row['Appealing organisation Name']).toBe('Organización Internacional para las Migraciones');
    expect(row['Implementing partner Name']).toBe('Hospital Universitario Erasmo Meoz');
    expect(row['Quantity of output']).toBe('0');
  }
  const sessionsRow = rows.find((r) => r['Indicator'] === 'Number of people receiving mental health and psychosocial support services')!;
  const communityRow = rows.find((r) => r['Indicator'] === 'Number of people reached through community-based MHPSS activities')!;
  expect(Number(sessionsRow['Total monthly beneficiaries'])).toBe(SEEDED.people);
  expect(Number(sessionsRow['New beneficiaries of the month'])).toBe(SEEDED.people);
  expect(Number(communityRow['Total monthly beneficiaries'])).toBe(SEEDED.communityParticipants);
  expect(communityRow['RMRP Activity']).toBe('Community MHPSS');
  // Released age/sex cells of the community row add up to at most the total; suppressed ones read <5.
  const ageSex = ['Women under 18', 'Men under 18', 'Women above 18', 'Men above 18', 'Other under 18', 'Other above 18'].map((c) => body[rows.indexOf(communityRow)]![col(c)]!);
  for (const value of ageSex) expect(value).toMatch(/^(\d+|<5)$/);
  expect(ageSex.filter((v) => v !== '<5').reduce((s, v) => s + Number(v), 0)).toBeLessThanOrEqual(SEEDED.communityParticipants);

  // The list of this host's exports shows it, ready.
  const list = page.getByRole('table', { name: 'Exportaciones recientes' });
  await expect(list.getByRole('row').filter({ hasText: '5W de R4V' }).first()).toContainText('Lista');
});

test('a receptionist and a clinician get 403 on every statistics, export and backup procedure', async () => {
  const today = new Date().toISOString().slice(0, 10);
  const period = { from: today, to: today };
  const admin = await request.newContext({ baseURL: host().url, ignoreHTTPSErrors: true });
  const adminLogin = await admin.post('/api/auth.login', { data: { username: ADMIN.username, password: ADMIN.password } });
  const adminToken = ((await adminLogin.json()) as { token: string }).token;
  const r4v = await admin.post('/api/exports.r4vConfig', { data: {}, headers: { authorization: `Bearer ${adminToken}` } });
  const { config, defaults } = (await r4v.json()) as { config: unknown; defaults: Record<string, unknown> };
  const validConfig = config ?? { ...defaults, appealingOrganisation: 'OIM', implementingPartner: 'Hospital' };
  await admin.dispose();

  const calls: [string, unknown][] = [
    ['stats.dashboard', period],
    ['stats.monthlyReport', period],
    ['exports.create', { kind: 'monthly_report', format: 'xlsx', ...period }],
    ['exports.status', { jobId: 1 }],
    ['exports.list', {}],
    ['exports.download', { jobId: 1 }],
    ['exports.r4vConfig', {}],
    ['exports.setR4vConfig', { config: validConfig }],
    ['backups.create', {}],
    ['backups.list', {}],
    ['backups.status', {}],
  ];
  for (const user of [RECEPTIONIST, CLINICIAN]) {
    const context = await request.newContext({ baseURL: host().url, ignoreHTTPSErrors: true });
    const signIn = await context.post('/api/auth.login', { data: { username: user.username, password: user.password } });
    expect(signIn.ok()).toBe(true);
    const { token } = (await signIn.json()) as { token: string };
    for (const [name, input] of calls) {
      const response = await context.post(`/api/${name}`, { data: input, headers: { authorization: `Bearer ${token}` } });
      expect(response.status(), `${user.role} → ${name}`).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    }
    await context.dispose();
  }
});
