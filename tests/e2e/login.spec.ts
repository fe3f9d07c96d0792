import { expect, test } from '@playwright/test';
import { ADMIN, login, useHost } from './host';

const host = useHost();

test('a wrong password gets a clear Spanish message, and the language can be switched', async ({ page }) => {
  await page.goto(host().url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-CO');
  await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();

  await login(page, ADMIN.username, 'no-es-la-clave');
  await expect(page.getByRole('alert')).toHaveText('Usuario o contraseña incorrectos.');
  // The username stays; the password is cleared for the next try.
  await expect(page.getByLabel('Usuario', { exact: true })).toHaveValue(ADMIN.username);
  await expect(page.getByLabel('Contraseña', { exact: true })).toHaveValue('');

  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Language').selectOption('es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es-CO');
});

test('the login form is usable from the keyboard and empty fields are named', async ({ page }) => {
  await page.goto(host().url);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await expect(page.getByText('Escriba el usuario')).toBeVisible();
  await expect(page.getByLabel('Usuario', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Usuario', { exact: true }).focus();
  await page.keyboard.type(ADMIN.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Usuarios', level: 1 })).toBeVisible();
});

test('repeated failures lock the account with a message that says how long', async ({ page }) => {
  await page.goto(host().url);
  for (let attempt = 0; attempt < 5; attempt++) {
    await login(page, 'admin', `equivocada-${attempt}`);
    await expect(page.getByRole('alert')).toHaveText('Usuario o contraseña incorrectos.');
  }
  await login(page, 'admin', ADMIN.password);
  await expect(page.getByRole('alert')).toContainText('Demasiados intentos fallidos. Intente de nuevo en 1 min');
});
