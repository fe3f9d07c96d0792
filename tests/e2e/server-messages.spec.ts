// With the UI in English, the server's and the contract's Spanish messages are read in English
// (renderer/src/i18n/server-messages.ts); the server itself keeps answering in Spanish.
import { expect, test } from '@playwright/test';
import { ADMIN, useHost } from './host';

const host = useHost();

test('in English, the server’s and the contract’s Spanish messages are shown in English', async ({ page }) => {
  await page.goto(host().url);
  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // A server error in the general alert (errorText).
  await page.getByLabel('Username', { exact: true }).fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');

  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create user' });
  // The contract's own message for a field (the schema in the form).
  await dialog.getByLabel('Full name').fill('Bea Recepción');
  await dialog.getByLabel('Username').fill('ab');
  await dialog.getByLabel('First password').fill('una frase larga de prueba');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog.getByText('The username must be at least 3 characters long')).toBeVisible();
  await expect(dialog.getByText('El usuario debe tener al menos 3 caracteres')).toHaveCount(0);

  // The server's message, built from a template, next to its field.
  await dialog.getByLabel('Username').fill(ADMIN.username);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog.getByText('A user "admin" already exists. Choose another username.')).toBeVisible();
  await expect(dialog.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
});

test('English, chosen once, is how the next visit opens; a Spanish visit fetches no English catalogue', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(host().url);
  await expect(page.getByRole('button', { name: 'Entrar' })).toBeVisible();
  // Spanish needs no other catalogue.
  expect(fetched.filter((path) => /\/english-[^/]+\.js$/.test(path))).toEqual([]);
  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Entrar' })).toHaveCount(0);
});
