// With a short idle timeout (5 s, the host's minimum) the screen locks back to the login screen.
import { expect, test } from '@playwright/test';
import { ADMIN, login, useHost } from './host';

const host = useHost({ idleTimeoutSeconds: 5 });

test('an idle session returns to the login screen with the reason', async ({ page }) => {
  await page.goto(host().url);
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Usuarios', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Cuentas del equipo' })).toBeVisible();

  // No key or pointer activity from here on.
  await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('status')).toContainText('Sesión cerrada por inactividad');
  await expect(page.getByRole('navigation')).toHaveCount(0);

  // The old session is gone on the server too: signing in again starts a fresh one.
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Usuarios', level: 1 })).toBeVisible();
});
