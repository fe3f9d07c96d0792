// NIST SP 800-63B: length, no composition rules, and a blocklist of common and context-specific passwords.
import { dictionary } from '@zxcvbn-ts/language-common';

/** Spanish and local choices that English lists miss. */
const LOCAL_COMMON = [
  'contraseña', 'contrasena', 'contraseña1', 'contrasena1', 'contraseña123', 'contrasena123',
  'colombia', 'colombia1', 'colombia123', 'venezuela', 'venezuela1', 'venezuela123',
  'cucuta123', 'cúcuta123', 'bogota123', 'medellin123', 'hospital', 'hospital1', 'hospital123',
  'saludmental', 'saludmental1', 'psicologia', 'psicologia1', 'bienvenido', 'bienvenido1',
  'bienvenida', 'teamo123', 'teamomucho', 'tequiero', 'tequiero1', 'holahola', 'hola1234',
  'hola12345', 'clave123', 'clave1234', 'acogida', 'acogida1', 'acogida123', 'acogida2026',
  'administrador', 'admin123', 'admin1234', 'recepcion', 'recepcion1', '12345678a', 'a12345678',
];

let blocklist: Set<string> | null = null;
function commonPasswords(): Set<string> {
  blocklist ??= new Set([...(dictionary['passwords-common'] as string[]), ...LOCAL_COMMON].map((p) => p.toLowerCase()));
  return blocklist;
}

/** Answers the reason a password is refused, or null when it may be used. */
export function passwordProblem(password: string, context: { username?: string } = {}): string | null {
  const chars = [...password];
  if (chars.length < 8) return 'La contraseña debe tener al menos 8 caracteres';
  if (chars.length > 256) return 'La contraseña puede tener como máximo 256 caracteres';
  const lower = password.normalize('NFC').toLowerCase();
  if (new Set(chars).size === 1) return 'La contraseña no puede ser un mismo carácter repetido';
  if (commonPasswords().has(lower)) return 'Esa contraseña es demasiado común; elija otra (una frase de varias palabras es fácil de recordar)';
  const username = context.username?.toLowerCase();
  if (username && [...lower.split(username).join('')].length < 8) return 'La contraseña no puede ser el nombre de usuario con pocos caracteres más';
  if (/^(0123456789|1234567890|abcdefgh|qwertyui)/.test(lower)) return 'La contraseña no puede ser una secuencia de teclado';
  return null;
}
