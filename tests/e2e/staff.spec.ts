// The admin creates a receptionist and a clinician; each sees only their role's navigation;
// an admin reset forces a password change at the next login.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, login, logout, useHost } from './host';

const host = useHost();

const RECEPTIONIST = { name: 'Rosa Jaimes', username: 'rjaimes', password: 'sala de espera azul' };
const CLINICIAN = { name: 'Dr. Luis Contreras', username: 'lcontreras', password: 'consultorio tres norte' };

async function createUser(page: Page, user: { name: string; username: string; password: string }, role: string) {
  await page.getByRole('button', { name: 'Nuevo usuario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Crear usuario' });
  await dialog.getByLabel('Nombre completo').fill(user.name);
  await dialog.getByLabel('Usuario', { exact: true }).fill(user.username);
  await dialog.getByLabel('Rol').selectOption({ label: role });
  await dialog.getByLabel('Contraseña inicial').fill(user.password);
  await dialog.getByRole('button', { name: 'Crear usuario' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Se creó la cuenta de ${user.name}` })).toBeVisible();
}

function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Navegación principal' });
}

test('the admin creates a receptionist and a clinician', async ({ page }) => {
  await page.goto(host().url);
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Usuarios', level: 1 })).toBeVisible();
  await expect(nav(page).getByRole('link')).toHaveText(['Usuarios', 'Sesiones abiertas', 'Auditoría', 'Horarios', 'Unidad', 'Fusionar registros', 'Actividades comunitarias', 'Estadísticas', 'Informe mensual', 'Exportaciones', 'Copias de seguridad']);

  // The server refuses a common password: its reason goes next to the field and nothing typed is lost.
  await page.getByRole('button', { name: 'Nuevo usuario' }).click();
  const dialog = page.getByRole('dialog', { name: 'Crear usuario' });
  await dialog.getByLabel('Nombre completo').fill(RECEPTIONIST.name);
  await dialog.getByLabel('Usuario', { exact: true }).fill(RECEPTIONIST.username);
  await dialog.getByLabel('Contraseña inicial').fill('password');
  await dialog.getByRole('button', { name: 'Crear usuario' }).click();
  const passwordField = dialog.getByLabel('Contraseña inicial');
  await expect(passwordField).toHaveAttribute('aria-invalid', 'true');
  await expect(passwordField).toHaveAccessibleDescription(/demasiado común/);
  await expect(dialog.getByLabel('Nombre completo')).toHaveValue(RECEPTIONIST.name);
  await expect(dialog.getByLabel('Usuario', { exact: true })).toHaveValue(RECEPTIONIST.username);
  await dialog.getByRole('button', { name: 'Cancelar' }).click();

  await createUser(page, RECEPTIONIST, 'Recepcionista');
  await createUser(page, CLINICIAN, 'Profesional clínico');

  const table = page.getByRole('table', { name: 'Cuentas del equipo' });
  await expect(table.getByRole('row', { name: /rjaimes/ })).toContainText('Recepcionista');
  await expect(table.getByRole('row', { name: /lcontreras/ })).toContainText('Profesional clínico');

  // A taken username is refused next to the field.
  await page.getByRole('button', { name: 'Nuevo usuario' }).click();
  await dialog.getByLabel('Nombre completo').fill('Otra Rosa');
  await dialog.getByLabel('Usuario', { exact: true }).fill(RECEPTIONIST.username);
  await dialog.getByLabel('Contraseña inicial').fill('otra clave larga y rara');
  await dialog.getByRole('button', { name: 'Crear usuario' }).click();
  await expect(dialog.getByLabel('Usuario', { exact: true })).toHaveAccessibleDescription(/Ya existe un usuario "rjaimes"/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await logout(page);
});

test('each role sees only its own navigation', async ({ page }) => {
  await page.goto(host().url);

  await login(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expect(page.getByRole('heading', { name: 'Recepción', level: 1 })).toBeVisible();
  await expect(nav(page).getByRole('link')).toHaveText(['Recepción', 'Agenda']);
  await expect(page.getByRole('main')).toContainText(RECEPTIONIST.name);
  await expect(page.getByRole('main')).toContainText('Recepcionista');
  await expect(page.getByText('Clínica')).toHaveCount(0);
  await expect(page.getByText('Administración')).toHaveCount(0);
  await logout(page);

  await login(page, CLINICIAN.username, CLINICIAN.password);
  await expect(page.getByRole('heading', { name: 'Clínica', level: 1 })).toBeVisible();
  await expect(nav(page).getByRole('link')).toHaveText(['Clínica', 'Agenda', 'Actividades comunitarias']);
  await expect(page.getByRole('main')).toContainText('Profesional clínico');
  await expect(page.getByText('Recepción')).toHaveCount(0);
  await expect(page.getByText('Administración')).toHaveCount(0);
  await logout(page);

  await login(page, ADMIN.username, ADMIN.password);
  await expect(nav(page)).toContainText('Administración');
  await expect(nav(page).getByRole('link')).toHaveText(['Usuarios', 'Sesiones abiertas', 'Auditoría', 'Horarios', 'Unidad', 'Fusionar registros', 'Actividades comunitarias', 'Estadísticas', 'Informe mensual', 'Exportaciones', 'Copias de seguridad']);
  await expect(nav(page)).not.toContainText('Recepción');
  await expect(nav(page)).not.toContainText('Clínica');
  await logout(page);
});

test('after an admin reset the user must change the password before anything else', async ({ page }) => {
  await page.goto(host().url);
  await login(page, ADMIN.username, ADMIN.password);
  await page.getByRole('row', { name: /rjaimes/ }).getByRole('button', { name: 'Restablecer contraseña' }).click();
  const dialog = page.getByRole('dialog', { name: `Restablecer la contraseña de ${RECEPTIONIST.name}` });
  await expect(dialog).toContainText('deberá cambiarla');
  await dialog.getByLabel('Contraseña temporal').fill('temporal de rosa 7');
  await dialog.getByRole('button', { name: 'Restablecer contraseña' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deberá cambiarla al iniciar sesión' })).toBeVisible();
  await expect(page.getByRole('row', { name: /rjaimes/ })).toContainText('Debe cambiar la contraseña');
  await logout(page);

  await login(page, RECEPTIONIST.username, 'temporal de rosa 7');
  await expect(page.getByRole('heading', { name: 'Cambie su contraseña temporal' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.getByLabel('Contraseña temporal', { exact: true }).fill('temporal de rosa 7');
  await page.getByLabel('Contraseña nueva', { exact: true }).fill('mi clave nueva de recepción');
  await page.getByLabel('Repita la contraseña nueva').fill('otra cosa distinta');
  await page.getByRole('button', { name: 'Cambiar contraseña' }).click();
  await expect(page.getByLabel('Repita la contraseña nueva')).toHaveAccessibleDescription('Las dos contraseñas no coinciden');
  await page.getByLabel('Repita la contraseña nueva').fill('mi clave nueva de recepción');
  await page.getByRole('button', { name: 'Cambiar contraseña' }).click();
  await expect(page.getByRole('heading', { name: 'Recepción', level: 1 })).toBeVisible();
  await logout(page);

  await login(page, RECEPTIONIST.username, 'mi clave nueva de recepción');
  await expect(page.getByRole('heading', { name: 'Recepción', level: 1 })).toBeVisible();
  await logout(page);
});

test('the admin changes a role and deactivates and reactivates an account', async ({ page }) => {
  await page.goto(host().url);
  await login(page, ADMIN.username, ADMIN.password);
  const row = () => page.getByRole('row', { name: /lcontreras/ });

  await row().getByRole('button', { name: 'Cambiar rol' }).click();
  const roleDialog = page.getByRole('dialog', { name: `Cambiar el rol de ${CLINICIAN.name}` });
  await roleDialog.getByLabel('Rol nuevo').selectOption({ label: 'Recepcionista' });
  await roleDialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(row()).toContainText('Recepcionista');
  await row().getByRole('button', { name: 'Cambiar rol' }).click();
  await roleDialog.getByLabel('Rol nuevo').selectOption({ label: 'Profesional clínico' });
  await roleDialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(row()).toContainText('Profesional clínico');

  await row().getByRole('button', { name: 'Desactivar' }).click();
  const confirm = page.getByRole('dialog', { name: `¿Desactivar la cuenta de ${CLINICIAN.name}?` });
  await confirm.getByRole('button', { name: 'Desactivar' }).click();
  await expect(row()).toContainText('Inactiva');
  await logout(page);

  await login(page, CLINICIAN.username, CLINICIAN.password);
  await expect(page.getByRole('alert')).toHaveText('Usuario o contraseña incorrectos.');

  await login(page, ADMIN.username, ADMIN.password);
  await row().getByRole('button', { name: 'Reactivar' }).click();
  await page.getByRole('dialog', { name: `¿Reactivar la cuenta de ${CLINICIAN.name}?` }).getByRole('button', { name: 'Reactivar' }).click();
  await expect(row()).toContainText('Activa');

  // The last active admin cannot be deactivated: the server's reason shows in the dialog.
  await page.getByRole('row', { name: /Ana Administradora/ }).getByRole('button', { name: 'Desactivar' }).click();
  const self = page.getByRole('dialog', { name: `¿Desactivar la cuenta de ${ADMIN.name}?` });
  await self.getByRole('button', { name: 'Desactivar' }).click();
  await expect(self.getByRole('alert')).toContainText('último administrador activo');
  await self.getByRole('button', { name: 'Cancelar' }).click();
  await logout(page);
});

test('a session ended elsewhere (a password change) sends the other window back to login', async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  try {
    await first.goto(host().url);
    await login(first, ADMIN.username, ADMIN.password);
    await expect(first.getByRole('table', { name: 'Cuentas del equipo' })).toBeVisible();

    await second.goto(host().url);
    await login(second, ADMIN.username, ADMIN.password);
    await second.getByRole('banner').getByRole('button', { expanded: false }).click();
    await second.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await second.getByLabel('Contraseña actual').fill(ADMIN.password);
    await second.getByLabel('Contraseña nueva', { exact: true }).fill('otra clave para la administradora');
    await second.getByLabel('Repita la contraseña nueva').fill('otra clave para la administradora');
    await second.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await expect(second.getByRole('status').filter({ hasText: 'Contraseña cambiada.' })).toBeVisible();

    // The first window's next call is refused with 401: it returns to the login screen.
    await first.getByRole('link', { name: 'Auditoría' }).click();
    await expect(first.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
    await expect(first.getByRole('navigation')).toHaveCount(0);
    await login(first, ADMIN.username, 'otra clave para la administradora');
    await expect(first.getByRole('heading', { name: 'Usuarios', level: 1 })).toBeVisible();
  } finally {
    await first.close();
    await second.close();
  }
});
