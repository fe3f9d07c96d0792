// Admin → Audit: filters by user, action and period; pages with beforeId; verifies the chain.
import { expect, test } from '@playwright/test';
import { ADMIN, login, logout, useHost, type StaffUser } from './host';

const RECEPTIONIST: StaffUser = { username: 'recepcion2', password: 'ventanilla del fondo', name: 'Jorge Ortega', role: 'reception' };
const host = useHost({ users: [RECEPTIONIST] });

test('filter the log, page through it and verify the chain', async ({ page }) => {
  await page.goto(host().url);
  for (let i = 0; i < 3; i++) {
    await login(page, RECEPTIONIST.username, RECEPTIONIST.password);
    await expect(page.getByRole('heading', { name: 'Recepción', level: 1 })).toBeVisible();
    await logout(page);
  }
  // More than a page of 50: a receptionist asking the API for admin procedures is refused and audited each time.
  const signIn = await page.request.post(`${host().url}/api/auth.login`, { data: { username: RECEPTIONIST.username, password: RECEPTIONIST.password } });
  const { token } = (await signIn.json()) as { token: string };
  for (let i = 0; i < 50; i++) {
    const refused = await page.request.post(`${host().url}/api/users.list`, { data: {}, headers: { authorization: `Bearer ${token}` } });
    expect(refused.status()).toBe(403);
  }

  await login(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: 'Auditoría' }).click();
  const table = page.getByRole('table', { name: /Eventos de auditoría/ });
  await expect(table).toBeVisible();
  // 2 users created by the command line, 5 sign-ins, 3 sign-outs, 50 refusals: 60, shown 50 at a time.
  await expect(page.getByText('50 eventos')).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toContainText('auth.login');
  await page.getByRole('button', { name: 'Cargar más' }).click();
  await expect(page.getByText('60 eventos')).toBeVisible();
  await expect(table.getByRole('row').last()).toContainText('users.create');
  await expect(page.getByRole('button', { name: 'Cargar más' })).toHaveCount(0);

  await page.getByLabel('Usuario', { exact: true }).selectOption({ label: `${RECEPTIONIST.name} (${RECEPTIONIST.username})` });
  await page.getByLabel('Acción').selectOption({ label: 'Cierre de sesión' });
  await page.getByRole('button', { name: 'Filtrar' }).click();
  await expect(page.getByText('3 eventos')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(4);
  for (const row of await table.getByRole('row').all().then((rows) => rows.slice(1))) {
    await expect(row).toContainText('auth.logout');
    await expect(row).toContainText(RECEPTIONIST.username);
  }

  // A period that ends before today holds nothing.
  await page.getByLabel('Hasta').fill('2020-01-31');
  await page.getByRole('button', { name: 'Filtrar' }).click();
  await expect(table).toContainText('No hay eventos con estos filtros.');
  await page.getByRole('button', { name: 'Limpiar filtros' }).click();
  await expect(page.getByText('50 eventos')).toBeVisible();

  await page.getByRole('button', { name: 'Verificar cadena' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'La cadena está íntegra' })).toContainText('se revisaron');
});
