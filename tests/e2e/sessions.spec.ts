// The admin sees who is signed in and from where, and ends a receptionist's session: her next call
// is refused, the admin's own session cannot be ended from the list, and the screen passes axe.
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './admin-fixture';
import { ADMIN, Api, login, useHost, type StaffUser } from './host';

const RECEPTIONIST: StaffUser = { username: 'recepcion9', password: 'mostrador de la entrada', name: 'Yelitza Carrero', role: 'reception' };
const host = useHost({ users: [RECEPTIONIST] });

test('the admin ends the session of a workstation left signed in', async ({ page }) => {
  const workstation = await Api.login(host().url, RECEPTIONIST.username, RECEPTIONIST.password);
  await workstation.call('auth.me', {});

  await page.goto(host().url);
  await login(page, ADMIN.username, ADMIN.password);
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Sesiones abiertas' }).click();
  await expect(page.getByRole('heading', { name: 'Sesiones abiertas', level: 1 })).toBeVisible();

  const table = page.getByRole('table', { name: 'Sesiones abiertas, la más reciente primero' });
  const theirs = table.getByRole('row').filter({ hasText: RECEPTIONIST.name });
  await expect(theirs).toHaveCount(1);
  await expect(theirs).toContainText('Recepcionista');
  await expect(theirs).toContainText('Equipo de la red 127.0.0.1');
  // The admin's own session is listed, marked, and has no button to end it.
  const own = table.getByRole('row').filter({ hasText: ADMIN.name });
  await expect(own).toContainText('Esta sesión');
  await expect(own.getByRole('button')).toHaveCount(0);
  await expectNoSeriousViolations(page, 'open sessions');
  await page.screenshot({ path: test.info().outputPath('sessions.png'), fullPage: true });

  await theirs.getByRole('button', { name: `Cerrar sesión: ${RECEPTIONIST.name}, Equipo de la red 127.0.0.1` }).click();
  const dialog = page.getByRole('dialog', { name: `Cerrar la sesión de ${RECEPTIONIST.name}` });
  await expect(dialog).toContainText('Queda en la auditoría');
  await dialog.getByRole('button', { name: 'Cerrar sesión' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Se cerró 1 sesión de ${RECEPTIONIST.name}.` })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: RECEPTIONIST.name })).toHaveCount(0);

  // The workstation's token no longer opens anything.
  await expect(workstation.call('auth.me', {})).rejects.toThrow(/401/);
  await workstation.dispose();
});
