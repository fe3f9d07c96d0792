// English for the server's Spanish messages (gettext style: the key is the Spanish text the server sends).
// The server words every error in Spanish (electron/api schemas, electron/core AppErrors, the transports, db StoreErrors);
// LAN clients and scripts rely on those texts, so they stay as they are and the renderer translates them here.
// tests/unit/server-messages.test.ts scans the server's source and fails when a message has no entry here.

/** Translates a fragment (a captured part of a message); null when it is unknown. */
export type TranslateFragment = (spanish: string) => string | null;

/**
 * A message built from a template literal. `en` gets the captures and answers the English text,
 * or null when a capture is a Spanish phrase it does not know (the whole message then stays Spanish).
 */
export interface MessagePattern {
  re: RegExp;
  en: (captures: string[], tr: TranslateFragment) => string | null;
}

/** Exact messages. */
export const exactMessages: Record<string, string> = {
  // Common field messages (electron/api/fields.ts and several schemas)
  'El usuario debe tener al menos 3 caracteres': 'The username must be at least 3 characters long',
  'El usuario puede tener como máximo 64 caracteres': 'The username can be at most 64 characters long',
  'El usuario solo puede tener letras sin tilde, números, punto, guion y guion bajo': 'The username can only have letters without accents, digits, dot, hyphen and underscore',
  'La contraseña debe tener al menos 8 caracteres': 'The password must be at least 8 characters long',
  'La contraseña puede tener como máximo 256 caracteres': 'The password can be at most 256 characters long',
  'Escriba el nombre': 'Enter the name',
  'El nombre puede tener como máximo 120 caracteres': 'The name can be at most 120 characters long',
  'Escriba la fecha (AAAA-MM-DD)': 'Enter the date (YYYY-MM-DD)',
  'Use el formato AAAA-MM-DD': 'Use the format YYYY-MM-DD',
  'Use una fecha AAAA-MM-DD': 'Use a date YYYY-MM-DD',
  'Esa fecha no existe': 'That date does not exist',
  'La fecha final es anterior a la inicial': 'The end date is before the start date',

  // Sign-in and passwords (electron/api/auth.ts, electron/core/auth.ts, electron/core/password-policy.ts)
  'Escriba el usuario': 'Enter the username',
  'Usuario demasiado largo': 'Username too long',
  'Escriba la contraseña': 'Enter the password',
  'Contraseña demasiado larga': 'Password too long',
  'Escriba la contraseña actual': 'Enter the current password',
  'Usuario o contraseña incorrectos.': 'Wrong username or password.',
  'Inicie sesión para continuar.': 'Sign in to continue.',
  'La sesión se cerró por inactividad. Inicie sesión de nuevo.': 'The session was closed after a period of inactivity. Sign in again.',
  'La contraseña actual no es correcta': 'The current password is not correct',
  'La nueva contraseña debe ser distinta de la actual': 'The new password must be different from the current one',
  'La contraseña no puede ser un mismo carácter repetido': 'The password cannot be one character repeated',
  'Esa contraseña es demasiado común; elija otra (una frase de varias palabras es fácil de recordar)': 'That password is too common; choose another (a phrase of several words is easy to remember)',
  'La contraseña no puede ser el nombre de usuario con pocos caracteres más': 'The password cannot be the username with a few more characters',
  'La contraseña no puede ser una secuencia de teclado': 'The password cannot be a keyboard sequence',

  // Errors of every procedure (electron/core/errors.ts, electron/core/dispatch.ts)
  'Su rol no tiene permiso para esta acción.': 'Your role is not allowed to do this.',
  'Su sesión terminó. Inicie sesión de nuevo.': 'Your session ended. Sign in again.',
  'Debe cambiar su contraseña temporal antes de continuar.': 'You must change your temporary password before continuing.',
  'Revise los datos: hay campos con errores.': 'Check the data: some fields have errors.',
  'Error interno. El equipo técnico puede revisar el registro del servidor.': 'Internal error. The technical team can check the server log.',
  'Este campo es obligatorio': 'This field is required',

  // Users and sessions (electron/api/users.ts, electron/core/users.ts)
  'Indique un usuario (userId) o una sesión (sessionId), no ambos.': 'Give a user (userId) or a session (sessionId), not both.',
  'No existe ese usuario.': 'That user does not exist.',
  'No se puede quitar el rol ni desactivar al último administrador activo: cree otro administrador primero.': 'The last active administrator cannot lose the role or be deactivated: create another administrator first.',
  'Esa sesión no existe o ya terminó.': 'That session does not exist or has already ended.',
  'Esta es su propia sesión: use «Cerrar sesión».': 'This is your own session: use “Sign out”.',

  // Patients (electron/api/patients.ts, electron/core/patients.ts)
  'Escriba el número': 'Enter the number',
  'Número demasiado largo': 'Number too long',
  'Número no válido: celular colombiano (300 123 4567), venezolano (0414 123 4567) o internacional con +': 'Invalid number: Colombian mobile (300 123 4567), Venezuelan (0414 123 4567) or international with +',
  'Escriba el parentesco': 'Enter the relationship',
  'Indique si la persona da su consentimiento': 'Say whether the person gives consent',
  'Elija el sexo (F, M o I)': 'Choose the sex (F, M or I)',
  'Año no válido': 'Invalid year',
  'Elija el tipo de documento (o "sin documento")': 'Choose the document type (or "no document")',
  'Número de documento demasiado largo': 'Document number too long',
  'Elija la nacionalidad': 'Choose the nationality',
  'Nacionalidad no válida (código ISO de tres letras: VEN, COL…)': 'Invalid nationality (three-letter ISO code: VEN, COL…)',
  'Elija el grupo poblacional': 'Choose the population group',
  'Máximo 5 teléfonos': 'At most 5 phones',
  'Elija el municipio': 'Choose the municipality',
  'El municipio es un código DIVIPOLA de 5 dígitos': 'The municipality is a 5-digit DIVIPOLA code',
  'Ese código no está en DIVIPOLA': 'That code is not in DIVIPOLA',
  'Elija el régimen de salud': 'Choose the health insurance scheme',
  'Grupo SISBÉN IV no válido (A1–A5, B1–B7, C1–C18, D1–D21)': 'Invalid SISBÉN IV group (A1–A5, B1–B7, C1–C18, D1–D21)',
  'Elija cómo llegó a la unidad': 'Choose how the person came to the unit',
  'Escriba la fecha de nacimiento o, si no se conoce, el año estimado': 'Enter the date of birth or, if it is not known, the estimated year',
  'La fecha de nacimiento no puede ser futura': 'The date of birth cannot be in the future',
  'Fecha de nacimiento no válida': 'Invalid date of birth',
  'Sin documento: deje el número vacío': 'No document: leave the number empty',
  'Escriba el número de documento': 'Enter the document number',
  'Número de documento: solo letras y dígitos (3 a 20)': 'Document number: letters and digits only (3 to 20)',
  'La fecha de llegada no puede ser futura': 'The arrival date cannot be in the future',
  'La fecha de llegada es anterior al nacimiento': 'The arrival date is before the date of birth',
  'Embarazo marcado con sexo M: revise': 'Pregnancy marked with sex M: check',
  'Menor de 18 años: registre el acudiente o tutor': 'Under 18: record the guardian',
  'Solo aplica a menores de 18 años': 'Only for people under 18',
  'Sin consentimiento para la atención no se puede registrar a la persona': 'Without consent to care the person cannot be registered',
  'Búsqueda demasiado larga': 'Search too long',
  'Escriba algo para buscar': 'Type something to search for',
  'Explique por qué son la misma persona': 'Explain why they are the same person',
  'No existe ese paciente': 'That patient does not exist',
  'No existe ese paciente.': 'That patient does not exist.',
  'Elija dos registros distintos': 'Choose two different records',
  'No existe uno de los dos pacientes.': 'One of the two patients does not exist.',
  'Uno de los registros ya fue fusionado con otro.': 'One of the records has already been merged into another.',

  // Appointments, clinicians and the unit (electron/api/appointments.ts, electron/core/appointments.ts, clinicians.ts)
  'Escriba fecha y hora (AAAA-MM-DDTHH:MM)': 'Enter date and time (YYYY-MM-DDTHH:MM)',
  'Use fecha y hora AAAA-MM-DDTHH:MM': 'Use date and time YYYY-MM-DDTHH:MM',
  'Use la hora HH:MM': 'Use the time HH:MM',
  'Día 1 (lunes) a 7 (domingo)': 'Day 1 (Monday) to 7 (Sunday)',
  'Elija el servicio': 'Choose the service',
  'Escriba la duración en minutos': 'Enter the duration in minutes',
  'Mínimo 10 minutos': 'At least 10 minutes',
  'Máximo 240 minutos': 'At most 240 minutes',
  'Escriba el motivo de la cancelación': 'Enter the reason for the cancellation',
  'Indique quién cancela': 'Say who cancels',
  'Elija al menos un servicio': 'Choose at least one service',
  'Escriba el nombre de la unidad': 'Enter the name of the unit',
  'Escriba la dirección': 'Enter the address',
  'No existe esa cita.': 'That appointment does not exist.',
  'Elija un profesional activo': 'Choose an active clinician',
  'No se pueden agendar citas en días pasados': 'Appointments cannot be booked on past days',
  'La cita debe terminar el mismo día.': 'The appointment must end on the same day.',
  'Ese registro fue fusionado con otro: agende en el registro que se conservó.': 'That record was merged into another: book on the record that was kept.',
  'Solo se registra la llegada el día de la cita.': 'Arrival can only be recorded on the day of the appointment.',
  'La cita todavía no ha empezado: no se puede marcar inasistencia.': 'The appointment has not started yet: it cannot be marked as a no-show.',
  'Máximo dos meses por consulta': 'At most two months per query',
  'La hora final debe ser posterior a la inicial': 'The end time must be after the start time',
  'Este tramo se cruza con otro del mismo día': 'This time slot overlaps another on the same day',
  'No existe ese profesional.': 'That clinician does not exist.',
  'Ese profesional está inactivo.': 'That clinician is inactive.',

  // Sessions, instruments, alerts (electron/api/sessions.ts, instruments.ts, electron/core/sessions.ts)
  'Indique si la remisión es interna o externa': 'Say whether the referral is internal or external',
  'Escriba el motivo de la remisión': 'Enter the reason for the referral',
  'Elija el servicio al que se remite': 'Choose the service referred to',
  'Escriba la organización a la que se remite': 'Enter the organisation referred to',
  'Elija un código CIE-10': 'Choose an ICD-10 code',
  'Código CIE-10 no reconocido (capítulo F, G40–G41, R45, X60–X84, Z55–Z65, T74)': 'ICD-10 code not recognised (chapter F, G40–G41, R45, X60–X84, Z55–Z65, T74)',
  'Mínimo 5 minutos': 'At least 5 minutes',
  'Máximo 480 minutos': 'At most 480 minutes',
  'Indique si es primera vez o seguimiento': 'Say whether it is a first visit or a follow-up',
  'Elija la modalidad': 'Choose the modality',
  'Elija el formato': 'Choose the format',
  'Cada instrumento una vez por sesión': 'Each instrument once per session',
  'Máximo 10 diagnósticos': 'At most 10 diagnoses',
  'Máximo 10 remisiones': 'At most 10 referrals',
  'Este instrumento ya está en la sesión': 'This instrument is already in the session',
  'Diagnóstico repetido': 'Repeated diagnosis',
  'Solo un diagnóstico principal': 'Only one primary diagnosis',
  'Intervención repetida': 'Repeated intervention',
  'Escriba el motivo de la enmienda': 'Enter the reason for the amendment',
  'Escriba la enmienda': 'Enter the amendment',
  'Escriba qué se hizo': 'Enter what was done',
  'Instrumento desconocido': 'Unknown instrument',
  'Demasiadas respuestas': 'Too many answers',
  'Ese registro se fusionó con otro: registre la sesión en el que se conservó.': 'That record was merged into another: record the session on the one that was kept.',
  'La cita no es de este paciente': 'The appointment is not this patient’s',
  'La cita fue cancelada': 'The appointment was cancelled',
  'No existe esa sesión.': 'That session does not exist.',
  'Solo quien escribió el borrador puede editarlo.': 'Only the author of the draft can edit it.',
  'La sesión está firmada: agregue una enmienda.': 'The session is signed: add an amendment.',
  'Una sesión no cambia de paciente': 'A session cannot change patient',
  'Solo quien escribió la sesión puede firmarla.': 'Only the author of the session can sign it.',
  'La sesión ya está firmada.': 'The session is already signed.',
  'Escriba la nota clínica antes de firmar': 'Write the clinical note before signing',
  'Un borrador se edita; solo una sesión firmada recibe enmiendas.': 'A draft is edited; only a signed session takes amendments.',
  'Este borrador es de otro profesional: se podrá leer cuando lo firme.': 'This draft belongs to another clinician: it can be read once they sign it.',
  'No existe esa remisión.': 'That referral does not exist.',
  'No existe esa alerta.': 'That alert does not exist.',
  'Esa alerta ya fue atendida.': 'That alert has already been acknowledged.',

  // Community activities (electron/api/activities.ts, electron/core/activities.ts)
  'Elija el sexo': 'Choose the sex',
  'Elija el grupo de edad': 'Choose the age group',
  'Escriba cuántas personas': 'Enter how many people',
  'Número entero': 'Whole number',
  'Al menos 1 persona': 'At least 1 person',
  'Máximo 5000 por casilla': 'At most 5000 per cell',
  'Escriba el lugar': 'Enter the place',
  'Elija el tipo de actividad': 'Choose the kind of activity',
  'Escriba el tema': 'Enter the topic',
  'Elija al menos un facilitador': 'Choose at least one facilitator',
  'Registre la asistencia': 'Record the attendance',
  'Esta combinación de sexo, edad y grupo ya está en la lista': 'This combination of sex, age and group is already in the list',
  'Paciente repetido': 'Repeated patient',
  'Hay más pacientes vinculados que asistentes contados': 'There are more linked patients than attendees counted',
  'Ese facilitador no es personal activo de la unidad': 'That facilitator is not active staff of the unit',
  'No existe esa actividad.': 'That activity does not exist.',
  'Solo quien registró la actividad o un administrador puede corregirla.': 'Only whoever recorded the activity or an administrator can correct it.',

  // Statistics, reports and exports (electron/api/stats.ts, exports.ts, electron/core/exports.ts, reports/)
  'Máximo tres años por consulta': 'At most three years per query',
  'El umbral va de 2 a 11': 'The threshold goes from 2 to 11',
  'Máximo un año por informe': 'At most one year per report',
  'Origen no válido': 'Invalid source',
  'Tipo de indicador: PiN, People u Other': 'Indicator type: PiN, People or Other',
  'Elija la modalidad de implementación': 'Choose the implementation set-up',
  'Código DIVIPOLA de 5 dígitos': '5-digit DIVIPOLA code',
  'Asigne al menos un indicador': 'Assign at least one indicator',
  'Este origen ya tiene indicador': 'This source already has an indicator',
  'El mismo indicador y actividad deben tener un solo tipo': 'The same indicator and activity must have a single type',
  'Elija el tipo de exportación': 'Choose the kind of export',
  'Formato: xlsx o csv': 'Format: xlsx or csv',
  'k mínimo 5': 'k at least 5',
  'La clave de exportación tiene al menos 12 caracteres': 'The export key has at least 12 characters',
  'Máximo un año por exportación': 'At most one year per export',
  'Ya hay una exportación de este tipo en curso: espere a que termine.': 'An export of this kind is already running: wait for it to finish.',
  'Configure primero el 5W de R4V (organización, subsector e indicadores) en Administración → Exportaciones.': 'First set up the R4V 5W (organisation, subsector and indicators) in Administration → Exports.',
  'La exportación falló; vea el registro del servidor.': 'The export failed; see the server log.',
  'No existe esa exportación (se guardan una hora).': 'That export does not exist (exports are kept for one hour).',
  'La exportación todavía está en curso.': 'The export is still running.',
  'Una fila del 5W revelaría celdas suprimidas; no se generó el archivo.': 'A row of the 5W would reveal suppressed cells; the file was not produced.',
  'El proceso de reportes se detuvo; intente de nuevo.': 'The reports process stopped; try again.',
  'Consultando': 'Querying',
  'Revisando las reglas de R4V': 'Checking the R4V rules',
  'Escribiendo el archivo': 'Writing the file',
  'falta el departamento o el municipio': 'the department or the municipality is missing',
  'falta el indicador o la actividad': 'the indicator or the activity is missing',
  'Quantity of output debe ser 0 en indicadores PiN': 'Quantity of output must be 0 in PiN indicators',
  'Los indicadores People no llevan desagregación por grupo poblacional': 'People indicators have no breakdown by population group',

  // Demo data (electron/api/demo.ts, electron/core/demo.ts)
  'Al menos 1 paciente': 'At least 1 patient',
  'Máximo 20.000 pacientes': 'At most 20,000 patients',
  'La base de datos ya tiene pacientes: los datos de demostración solo se cargan en una base vacía.': 'The database already has patients: demonstration data is only loaded into an empty database.',

  // This computer and backups (electron/api/device.ts, backups, electron/core/backup-*.ts, electron/main)
  'La huella es SHA-256: 32 pares hexadecimales separados por dos puntos': 'The fingerprint is SHA-256: 32 hexadecimal pairs separated by colons',
  'Escriba la dirección completa, por ejemplo https://192.168.1.20:4317': 'Enter the full address, for example https://192.168.1.20:4317',
  'La dirección debe empezar por https:// (el servidor de la unidad usa TLS)': 'The address must start with https:// (the unit’s server uses TLS)',
  'La frase de acceso debe tener al menos 12 caracteres': 'The passphrase must be at least 12 characters long',
  'La frase de acceso es demasiado larga': 'The passphrase is too long',
  'Escriba la frase de acceso': 'Enter the passphrase',
  'Escriba la clave de recuperación': 'Enter the recovery key',
  'Las copias de seguridad no están disponibles en este equipo: solo el equipo que guarda la base de datos puede hacerlas.': 'Backups are not available on this computer: only the computer that keeps the database can make them.',
  'El archivo se abre con la clave pero no tiene el esquema de Acogida.': 'The file opens with the key but does not have the Acogida schema.',
  'el enlace con la fila anterior no coincide': 'the link with the previous row does not match',
  'el contenido de la fila fue modificado': 'the content of the row was modified',
  'Este equipo ya está configurado; no se creó otra base de datos.': 'This computer is already set up; no other database was created.',
  'Error interno del equipo.': 'Internal error of this computer.',
  'El host dio una respuesta no válida.': 'The host gave an invalid answer.',
  'Llamada rechazada: no viene de la ventana de Acogida.': 'Call refused: it does not come from the Acogida window.',
  'No existe ese procedimiento.': 'That procedure does not exist.',
  'La entrada debe ser un objeto': 'The input must be an object',
  'Error interno. El equipo técnico puede revisar el registro de la aplicación.': 'Internal error. The technical team can check the application log.',

  // The storage layer (db/keyring.ts, store.ts, restore-swap.ts StoreErrors): unlock, set-up, backups, restore
  'El archivo de claves no tiene frase de acceso.': 'The key file has no passphrase.',
  'La frase de acceso no es correcta. No se modificó ningún archivo.': 'The passphrase is not correct. No file was changed.',
  'La clave de recuperación no es correcta. No se modificó ningún archivo.': 'The recovery key is not correct. No file was changed.',
  'El almacén de claves del sistema no pudo abrir la base de datos; use la frase de acceso.': 'The system keystore could not open the database; use the passphrase.',
  'La base de datos está en uso por otro proceso (el servidor de Acogida o la aplicación de escritorio). Ciérrelo y repita la restauración. No se modificó nada.':
    'The database is in use by another process (the Acogida server or the desktop app). Close it and repeat the restore. Nothing was changed.',
  'La base de datos está en uso por otro proceso (el servidor de Acogida o la aplicación de escritorio). Ciérrelo y repita la compactación. No se modificó nada.':
    'The database is in use by another process (the Acogida server or the desktop app). Close it and repeat the compaction. Nothing was changed.',

  // The LAN host (electron/host/server.ts)
  'La solicitud no es válida.': 'The request is not valid.',
  'Nombre de host no permitido.': 'Host name not allowed.',
  'Solicitudes de origen cruzado no permitidas.': 'Cross-origin requests are not allowed.',
  'Origen no permitido.': 'Origin not allowed.',
  'La solicitud es demasiado grande.': 'The request is too large.',
  'El cuerpo debe ser JSON (Content-Type: application/json).': 'The body must be JSON (Content-Type: application/json).',
  'La solicitud no es JSON válido.': 'The request is not valid JSON.',
  'Error interno del servidor.': 'Internal server error.',
  'Use POST /api/<procedimiento> con un cuerpo JSON.': 'Use POST /api/<procedure> with a JSON body.',
  'No encontrado.': 'Not found.',

  // zod's Spanish locale (z.locales.es(), electron/api/index.ts) for checks without a message of their own
  'Entrada inválida': 'Invalid input',
};

/** Spanish phrases the schemas pass to their message helpers (personName, text, longText in electron/api). */
const PHRASES: Record<string, string> = {
  // patients.ts personName(what)
  'el nombre': 'the name',
  'los nombres': 'the given names',
  'los apellidos': 'the family names',
  // exports.ts text(what)
  'el indicador RMRP': 'the RMRP indicator',
  'el nombre de la actividad': 'the activity name',
  'la organización que hace el llamamiento (Appealing organisation)': 'the appealing organisation',
  'la organización que implementa (Implementing partner)': 'the implementing partner',
  'el subsector': 'the subsector',
  // sessions.ts longText(max, what)
  'Motivo de consulta': 'Presenting concerns',
  'Necesidades de protección': 'Protection needs',
  'Nota clínica': 'Clinical note',
  Plan: 'Plan',
};

/** A known phrase, or the same with its first letter in capitals (personName's "Los nombres: …"). */
function phrase(spanish: string, capital = false): string | null {
  const english = PHRASES[spanish] ?? PHRASES[`${spanish[0]?.toLowerCase() ?? ''}${spanish.slice(1)}`];
  if (english === undefined) return null;
  if (!capital) return english;
  const bare = english.replace(/^the /, '');
  return `${bare[0]!.toUpperCase()}${bare.slice(1)}`;
}

/** What appointments.ts loadForChange says it cannot do ("No se puede ${what} una cita …"). */
const APPOINTMENT_ACTIONS: Record<string, string> = {
  reprogramar: 'reschedule',
  cancelar: 'cancel',
  'registrar la llegada de': 'check in',
  'marcar como inasistencia': 'mark as a no-show',
};

/** zod's Spanish names of types (z.locales.es()), for its own messages. */
const ZOD_TYPES: Record<string, string> = {
  texto: 'string', número: 'number', booleano: 'boolean', arreglo: 'array', objeto: 'object', conjunto: 'set', archivo: 'file', fecha: 'date',
  'número grande': 'bigint', símbolo: 'symbol', indefinido: 'undefined', nulo: 'null', función: 'function', mapa: 'map', registro: 'record',
  tupla: 'tuple', enumeración: 'enum', unión: 'union', literal: 'literal', promesa: 'promise', vacío: 'void', nunca: 'never', desconocido: 'unknown', cualquiera: 'any', valor: 'value',
};
const ZOD_UNITS: Record<string, string> = { caracteres: 'characters', bytes: 'bytes', elementos: 'items' };
const ZOD_FORMATS: Record<string, string> = {
  entrada: 'input', 'dirección de correo electrónico': 'email address', 'fecha y hora ISO': 'ISO date and time', 'fecha ISO': 'ISO date', 'hora ISO': 'ISO time',
  'duración ISO': 'ISO duration', 'dirección IPv4': 'IPv4 address', 'dirección IPv6': 'IPv6 address', 'dirección MAC': 'MAC address', 'rango IPv4': 'IPv4 range',
  'rango IPv6': 'IPv6 range', 'cadena codificada en base64': 'base64-encoded string', 'URL codificada en base64': 'base64url-encoded string', 'cadena JSON': 'JSON string',
  'número E.164': 'E.164 number', 'número de tarjeta de crédito': 'credit card number', 'código de moneda': 'currency code',
};
const zodType = (s: string) => ZOD_TYPES[s] ?? s;

export const messagePatterns: MessagePattern[] = [
  // Schemas' message helpers
  { re: /^Escriba (.+)$/, en: ([what]) => (phrase(what!) ? `Enter ${phrase(what!)}` : null) },
  { re: /^(.+): máximo (\d+) caracteres$/, en: ([what, max]) => (phrase(what!, true) ? `${phrase(what!, true)}: at most ${max} characters` : null) },
  { re: /^(.+): solo letras, espacios, apóstrofo y guion$/, en: ([what]) => (phrase(what!, true) ? `${phrase(what!, true)}: letters, spaces, apostrophe and hyphen only` : null) },
  { re: /^Máximo (\d+) caracteres$/, en: ([max]) => `At most ${max} characters` },
  { re: /^El (\S+) lleva solo dígitos \(3 a 15\)$/, en: ([type]) => `The ${type} has digits only (3 to 15)` },

  // Instruments (electron/api/instruments.ts)
  { re: /^(.+) tiene (\d+) ítems; llegaron (\d+) respuestas$/, en: ([name, items, answers]) => `${name} has ${items} items; ${answers} answers arrived` },
  { re: /^Ítem (\d+): falta la respuesta$/, en: ([i]) => `Item ${i}: the answer is missing` },
  { re: /^Ítem (\d+): respuesta fuera de rango \((.+)–(.+)\)$/, en: ([i, min, max]) => `Item ${i}: answer out of range (${min}–${max})` },
  { re: /^El C-SSRS tiene 6 preguntas y la 6b; llegaron (\d+) respuestas$/, en: ([n]) => `The C-SSRS has 6 questions and 6b; ${n} answers arrived` },
  { re: /^Pregunta (\S+): responda sí o no$/, en: ([q]) => `Question ${q}: answer yes or no` },
  { re: /^Pregunta (\S+): no se hace cuando la pregunta (\S+) es "no"$/, en: ([q, other]) => `Question ${q}: not asked when question ${other} is "no"` },

  // Appointments (electron/core/appointments.ts)
  { re: /^(.+) no atiende ese servicio\.$/, en: ([name]) => `${name} does not provide that service.` },
  { re: /^Fuera del horario de (.+): ese día atiende (.+)\.$/, en: ([name, hours]) => `Outside ${name}’s hours: that day they work ${hours}.` },
  { re: /^Fuera del horario de (.+): ese día no tiene horario\.$/, en: ([name]) => `Outside ${name}’s hours: they have no hours that day.` },
  { re: /^El paciente ya tiene una cita a las (.+) ese día\.$/, en: ([time]) => `The patient already has an appointment at ${time} that day.` },
  { re: /^(.+) ya tiene una cita a las (.+): elija otra hora\.$/, en: ([name, time]) => `${name} already has an appointment at ${time}: choose another time.` },
  {
    re: /^No se puede (.+) una cita en estado "(.*)"\.$/,
    en: ([what, status]) => (APPOINTMENT_ACTIONS[what!] ? `An appointment with status "${status}" cannot be ${{ reschedule: 'rescheduled', cancel: 'cancelled', 'check in': 'checked in', 'mark as a no-show': 'marked as a no-show' }[APPOINTMENT_ACTIONS[what!]!]}.` : null),
  },

  // Patients and sessions (electron/core/patients.ts, sessions.ts)
  { re: /^Ya hay un paciente con (\S+) (\S+): (\S+)\. Abra ese registro en lugar de crear otro\.$/, en: ([type, number, record]) => `There is already a patient with ${type} ${number}: ${record}. Open that record instead of creating another.` },
  { re: /^Este registro se fusionó con otro: edite ese registro\.$/, en: () => 'This record was merged into another: edit that record.' },
  { re: /^Este registro se fusionó con (.+): edite ese registro\.$/, en: ([record]) => `This record was merged into ${record}: edit that record.` },
  { re: /^La remisión ya está en "(.*)": solo avanza \(enviada → aceptada → atendida\)\.$/, en: ([status]) => `The referral is already "${status}": it only moves forward (sent → accepted → attended).` },

  // Users and sign-in (electron/core/users.ts, auth.ts)
  { re: /^Ya existe un usuario "(.*)"\. Elija otro nombre de usuario\.$/, en: ([name]) => `A user "${name}" already exists. Choose another username.` },
  { re: /^Cuenta bloqueada por intentos fallidos\. Intente de nuevo en (\d+) min o pida a un administrador que restablezca la contraseña\.$/, en: ([min]) => `Account locked after failed attempts. Try again in ${min} min or ask an administrator to reset the password.` },

  // Contract checks of the dispatcher (electron/core/dispatch.ts)
  { re: /^Campo no permitido: (.+)$/, en: ([keys]) => `Field not allowed: ${keys}` },
  { re: /^Tipo no válido: se esperaba (.+)$/, en: ([type]) => `Invalid type: expected ${type}` },
  { re: /^Valor no válido; use uno de: (.*)$/, en: ([values]) => `Invalid value; use one of: ${values}` },
  { re: /^Valor demasiado pequeño \(mínimo (.+)\)$/, en: ([min]) => `Value too small (minimum ${min})` },
  { re: /^Valor demasiado grande \(máximo (.+)\)$/, en: ([max]) => `Value too large (maximum ${max})` },
  { re: /^No existe el procedimiento "(.*)"\.$/s, en: ([name]) => `The procedure "${name}" does not exist.` },

  // Backups (electron/core/backup-*.ts, electron/main/remote.ts)
  { re: /^Ya hay una copia de seguridad en curso \((\d+) %\)\. Espere a que termine\.$/, en: ([p]) => `A backup is already running (${p} %). Wait for it to finish.` },
  { re: /^No se pudo hacer la copia de seguridad: (.*)$/s, en: ([why], tr) => `The backup could not be made: ${tr(why!) ?? why}` },
  { re: /^No existe el archivo (.+)\. No se modificó nada\.$/s, en: ([file]) => `The file ${file} does not exist. Nothing was changed.` },
  { re: /^(.+) No se modificó nada\.$/s, en: ([problem], tr) => (tr(problem!) === null ? null : `${tr(problem!)} Nothing was changed.`) },
  { re: /^La copia no pasa la verificación de integridad \((\d+) problema\(s\); el primero: (.*)\)\.$/s, en: ([n, first]) => `The backup fails the integrity check (${n} problem(s); the first: ${first}).` },
  { re: /^La copia viene de una versión más nueva de Acogida \(migraciones desconocidas: (.*)\); actualice la aplicación antes de restaurarla\.$/, en: ([m]) => `The backup comes from a newer version of Acogida (unknown migrations: ${m}); update the application before restoring it.` },
  { re: /^La cadena del registro de auditoría está rota en la fila (\S+) \((.*)\): la copia pudo ser alterada\.$/, en: ([row, reason], tr) => `The audit log chain is broken at row ${row} (${tr(reason!) ?? reason}): the backup may have been altered.` },
  { re: /^falta la fila (\d+) \(la siguiente es (\d+)\)$/, en: ([missing, next]) => `row ${missing} is missing (the next one is ${next})` },
  { re: /^(.+) Puede ser otro equipo haciéndose pasar por el host: avise al administrador\.$/s, en: ([why], tr) => `${tr(why!) ?? why} It may be another computer posing as the host: tell the administrator.` },

  // The storage layer (db/*.ts StoreErrors). Paths, file names, key ids and SQLite's own text pass through unchanged.
  // After the backups' patterns: "No existe el archivo X. No se modificó nada." is restore's, above.
  { re: /^No existe el archivo (.+)\.$/s, en: ([file]) => `The file ${file} does not exist.` },
  { re: /^(.+) es una base de datos SQLite SIN cifrar: no es una copia de seguridad de Acogida\. No se modificó nada\.$/s, en: ([file]) => `${file} is an UNENCRYPTED SQLite database: it is not an Acogida backup. Nothing was changed.` },
  { re: /^(.+) no es una base de datos de Acogida \(tamaño (\d+) bytes\)\. No se modificó nada\.$/s, en: ([file, size]) => `${file} is not an Acogida database (size ${size} bytes). Nothing was changed.` },
  {
    re: /^La copia (.+) fue hecha con otra clave \(id ([^;]*); esta unidad usa ([^)]*)\): no se puede restaurar aquí\. No se modificó nada\.$/s,
    en: ([file, theirs, ours]) => `The backup ${file} was made with another key (id ${theirs}; this unit uses ${ours}): it cannot be restored here. Nothing was changed.`,
  },
  {
    re: /^La copia (.+) está dañada: su contenido cambió desde que se hizo \(la suma de verificación no coincide\)\. No se modificó nada\.$/s,
    en: ([file]) => `The backup ${file} is damaged: its content changed after it was made (the checksum does not match). Nothing was changed.`,
  },
  {
    re: /^No se puede abrir (.+) con la clave de esta unidad: fue hecha con otra clave \(otra instalación de Acogida\), no es una copia de Acogida o su primera página está dañada\. No se modificó nada\.$/s,
    en: ([file]) => `${file} cannot be opened with this unit’s key: it was made with another key (another Acogida installation), it is not an Acogida backup or its first page is damaged. Nothing was changed.`,
  },
  { re: /^No se pudo copiar la base de datos: (.*)\. La copia incompleta se descarta\.$/s, en: ([why], tr) => `The database could not be copied: ${tr(why!) ?? why}. The incomplete copy is discarded.` },
  { re: /^La copia de seguridad se interrumpió \(código (.*)\)\. La copia incompleta se descarta\.$/s, en: ([code]) => `The backup was interrupted (code ${code}). The incomplete copy is discarded.` },
  { re: /^No se encontró la base de datos en (.+)\.$/s, en: ([file]) => `The database was not found at ${file}.` },
  {
    re: /^Compactar necesita espacio libre para una copia completa \((\d+) MB\) en (.+); hay (\d+) MB\. No se modificó nada\.$/s,
    en: ([needed, dir, free]) => `Compacting needs free space for a whole copy (${needed} MB) in ${dir}; there are ${free} MB. Nothing was changed.`,
  },
  { re: /^La copia compactada no pasó la verificación de integridad \((.+)\)\. No se modificó nada\.$/s, en: ([problem]) => `The compacted copy failed the integrity check (${problem}). Nothing was changed.` },
  {
    re: /^La copia compactada no tiene las mismas filas: (.+) tiene (\d+) y la copia (\d+)\. No se modificó nada\.$/s,
    en: ([table, before, after]) => `The compacted copy does not have the same rows: ${table} has ${before} and the copy ${after}. Nothing was changed.`,
  },
  { re: /^La carpeta de destino (.+) no existe\.$/s, en: ([dir]) => `The destination folder ${dir} does not exist.` },
  { re: /^(.+) ya existe; elija otro nombre \(una copia nunca se sobrescribe\)\.$/s, en: ([file]) => `${file} already exists; choose another name (a backup is never overwritten).` },
  { re: /^La copia no pasó la verificación de integridad \((.*)\); se descartó\.$/s, en: ([first]) => `The backup failed the integrity check (${first}); it was discarded.` },
  {
    re: /^La base de datos \((.+)\) está en uso por otro proceso, por ejemplo el servidor de la unidad; intente de nuevo o deténgalo\.$/s,
    en: ([file]) => `The database (${file}) is in use by another process, for example the unit’s server; try again or stop it.`,
  },
  {
    re: /^No se pudo leer la base de datos \((.+)\): el archivo está dañado o no corresponde a esta clave\. No se modificó nada\.$/s,
    en: ([file]) => `The database (${file}) could not be read: the file is damaged or does not match this key. Nothing was changed.`,
  },
  {
    re: /^La base de datos actual \((.+)\) no se puede abrir: está en uso por otro proceso, dañada o no corresponde a esta clave\. Si está dañada, detenga Acogida, muévala a otra carpeta y repita la restauración\. No se modificó nada\.$/s,
    en: ([file]) =>
      `The current database (${file}) cannot be opened: it is in use by another process, damaged or does not match this key. If it is damaged, stop Acogida, move it to another folder and repeat the restore. Nothing was changed.`,
  },
  { re: /^No hay archivo de claves en (.+): inicialice primero con "npm run cli -- init"\.$/s, en: ([file]) => `There is no key file at ${file}: initialise first with "npm run cli -- init".` },
  { re: /^El archivo de claves (.+) está dañado \(no es JSON válido\)\. Restaure una copia o use la copia de seguridad\.$/s, en: ([file]) => `The key file ${file} is damaged (it is not valid JSON). Restore a copy or use the backup.` },
  { re: /^El archivo de claves (.+) está dañado o no es de Acogida\.$/s, en: ([file]) => `The key file ${file} is damaged or is not Acogida’s.` },
  { re: /^(.+) ya tiene una base de datos de Acogida \((.*)\); no se tocó nada\.$/s, en: ([dir, files]) => `${dir} already has an Acogida database (${files}); nothing was touched.` },

  // Exports and reports (electron/core/exports.ts, reports/)
  { re: /^La exportación falló: (.*)$/s, en: ([why], tr) => `The export failed: ${tr(why!) ?? why}` },
  { re: /^La tabla de (.+) revelaría celdas suprimidas; no se generó el informe\.$/, en: ([c]) => `The ${c} table would reveal suppressed cells; the report was not produced.` },
  { re: /^(.+) debe ser un entero no negativo$/, en: ([column]) => `${column} must be a non-negative integer` },
  { re: /^Nuevos beneficiarios \((\d+)\) ≠ suma de los cinco grupos poblacionales \((\d+)\)$/, en: ([a, b]) => `New beneficiaries (${a}) ≠ sum of the five population groups (${b})` },
  { re: /^Nuevos beneficiarios \((\d+)\) ≠ suma de las seis columnas de edad y sexo \((\d+)\)$/, en: ([a, b]) => `New beneficiaries (${a}) ≠ sum of the six age and sex columns (${b})` },
  { re: /^Total mensual \((\d+)\) menor que nuevos beneficiarios \((\d+)\)$/, en: ([a, b]) => `Monthly total (${a}) less than new beneficiaries (${b})` },
  {
    re: /^La fila (\S+) del 5W \((.*)\) no cumple las reglas de R4V: (.*)\. No se generó el archivo\.$/s,
    en: ([row, where, problems], tr) => `Row ${row} of the 5W (${where}) does not meet the R4V rules: ${problems!.split('; ').map((p) => tr(p) ?? p).join('; ')}. The file was not produced.`,
  },

  // The LAN host (electron/host/server.ts)
  { re: /^Demasiadas solicitudes con esta sesión\. Espere (\d+) s\.$/, en: ([s]) => `Too many requests with this session. Wait ${s} s.` },
  { re: /^Demasiados intentos de inicio de sesión desde este equipo\. Espere (\d+) s\.$/, en: ([s]) => `Too many sign-in attempts from this computer. Wait ${s} s.` },

  // zod's Spanish locale (z.locales.es()) for checks without a message of their own
  { re: /^Entrada inválida: se esperaba instanceof (.+), recibido (.+)$/, en: ([expected, received]) => `Invalid input: expected instanceof ${expected}, received ${zodType(received!)}` },
  { re: /^Entrada inválida: se esperaba (.+), recibido (.+)$/, en: ([expected, received]) => `Invalid input: expected ${zodType(expected!)}, received ${zodType(received!)}` },
  { re: /^Entrada inválida: se esperaba (.+)$/s, en: ([value]) => `Invalid input: expected ${value}` },
  { re: /^Opción inválida: se esperaba una de (.*)$/s, en: ([values]) => `Invalid option: expected one of ${values}` },
  { re: /^Demasiado grande: se esperaba que (.+) tuviera (<=?)(\S+) (caracteres|bytes|elementos)$/, en: ([what, adj, n, unit]) => `Too big: expected ${zodType(what!)} to have ${adj}${n} ${ZOD_UNITS[unit!]}` },
  { re: /^Demasiado grande: se esperaba que (.+) fuera (<=?)(\S+)$/, en: ([what, adj, n]) => `Too big: expected ${zodType(what!)} to be ${adj}${n}` },
  { re: /^Demasiado pequeño: se esperaba que (.+) tuviera (>=?)(\S+) (caracteres|bytes|elementos)$/, en: ([what, adj, n, unit]) => `Too small: expected ${zodType(what!)} to have ${adj}${n} ${ZOD_UNITS[unit!]}` },
  { re: /^Demasiado pequeño: se esperaba que (.+) fuera (>=?)(\S+)$/, en: ([what, adj, n]) => `Too small: expected ${zodType(what!)} to be ${adj}${n}` },
  { re: /^Cadena inválida: debe comenzar con "(.*)"$/s, en: ([p]) => `Invalid string: must start with "${p}"` },
  { re: /^Cadena inválida: debe terminar en "(.*)"$/s, en: ([s]) => `Invalid string: must end with "${s}"` },
  { re: /^Cadena inválida: debe incluir "(.*)"$/s, en: ([s]) => `Invalid string: must include "${s}"` },
  { re: /^Cadena inválida: debe coincidir con el patrón (.*)$/s, en: ([p]) => `Invalid string: must match the pattern ${p}` },
  { re: /^Número inválido: debe ser múltiplo de (.+)$/, en: ([d]) => `Invalid number: must be a multiple of ${d}` },
  { re: /^Llaves? desconocidas?: (.*)$/s, en: ([keys]) => `Unrecognized key(s): ${keys}` },
  { re: /^Llave inválida en (.+)$/, en: ([origin]) => `Invalid key in ${zodType(origin!)}` },
  { re: /^Valor inválido en (.+)$/, en: ([origin]) => `Invalid value in ${zodType(origin!)}` },
  { re: /^Inválido (.+)$/, en: ([format]) => `Invalid ${ZOD_FORMATS[format!] ?? format}` },
];
