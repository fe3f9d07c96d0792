// The writer that the crash harness kills: registrations, appointments and clinical sessions in a
// loop through the real services (inputs parsed by the contract's zod schemas, as the dispatcher
// does), on the real encrypted file. After each committed
// transaction it prints one line "<kind> <id>" (P patient, A appointment, S session draft,
// G session signed); stdout is a pipe, so each line is written synchronously after the commit.
// Bundled by crash.ts with esbuild and run with plain `node` (no tsx, no Argon2 unlock): the raw data
// key comes in ACOGIDA_CRASH_KEY (hex), the rest in ACOGIDA_CRASH_CONFIG (JSON).
// It imports the three services it drives and not the dispatcher's handler map, which would pull
// in the export writers and the password dictionaries: start-up time is what bounds the kill rate.
import { openStore } from '../../db/store';
import { appointmentsProcedures } from '../../electron/api/appointments';
import { patientsProcedures } from '../../electron/api/patients';
import { sessionsProcedures } from '../../electron/api/sessions';
import { bookAppointment } from '../../electron/core/appointments';
import { defaultSecuritySettings, type Actor, type ServiceContext } from '../../electron/core/context';
import { registerPatient } from '../../electron/core/patients';
import { createSession, signSession } from '../../electron/core/sessions';
import { tokenHash } from '../../electron/core/tokens';
import { patientInput } from '../helpers/patients';
import { sessionInput } from '../helpers/sessions';

export interface CrashChildConfig {
  dataDir: string;
  receptionToken: string;
  clinicianToken: string;
  clinicianId: number;
  /** The child's clock: sessions were opened at this instant, so they never go idle. */
  clockMs: number;
  seed: number;
}

const SLOTS_PER_DAY = 140; // 10-minute slots from 00:00; the clinician's agenda is open 00:00–23:59
const FIRST_DAY = Date.parse('2027-01-01T00:00:00Z');

function fail(message: string): never {
  process.stderr.write(`crash-child: ${message}\n`);
  process.exit(2);
}

const keyHex = process.env.ACOGIDA_CRASH_KEY ?? '';
const config = JSON.parse(process.env.ACOGIDA_CRASH_CONFIG ?? 'null') as CrashChildConfig | null;
if (!config || !/^[0-9a-f]{64}$/.test(keyHex)) fail('ACOGIDA_CRASH_KEY and ACOGIDA_CRASH_CONFIG are required');

// Every other run writes as the LAN host does, with group commit: a commit it reports must survive too.
const store = await openStore(config.dataDir, Buffer.from(keyHex, 'hex'), { groupCommit: config.seed % 2 === 1 });
const ctx: ServiceContext = {
  db: store.db,
  clock: { now: () => config.clockMs },
  security: { ...defaultSecuritySettings, idleTimeoutSeconds: 365 * 24 * 3600, absoluteTimeoutSeconds: 365 * 24 * 3600 },
};

/** The signed-in staff member of a token, as authenticate() resolves it (the sessions never expire here). */
function actorOf(token: string): Actor {
  const row = store.raw
    .prepare(`SELECT s.id AS sessionId, u.id AS userId, u.username, u.role FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.ended_at IS NULL AND u.active = 1`)
    .get(tokenHash(token)) as Omit<Actor, 'mustChangePassword'> | undefined;
  if (!row) fail('unknown token');
  return { ...row, mustChangePassword: false };
}
const reception = actorOf(config.receptionToken);
const clinician = actorOf(config.clinicianToken);
const ORIGIN = 'crash-harness';

function parse<T>(schema: { safeParse(input: unknown): { success: boolean; data?: unknown; error?: unknown } }, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) fail(`invalid input: ${JSON.stringify(parsed.error).slice(0, 500)}`);
  return parsed.data as T;
}

let state = config.seed >>> 0 || 1;
function random(): number {
  // xorshift32: reproducible from the seed the parent prints on failure.
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 0x1_0000_0000;
}

async function attempt<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    fail(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// Committed rows never go away, so the count of appointments gives the next free slot.
let nextSlot = Number((store.raw.prepare('SELECT count(*) AS n FROM appointments').get() as { n: number }).n);
const patients = (store.raw.prepare('SELECT id FROM patients ORDER BY id DESC LIMIT 50').all() as { id: number }[]).map((r) => r.id);
let serial = 0;
process.stdout.write('ready\n');

for (;;) {
  const dice = random();
  if (dice < 0.4 || patients.length === 0) {
    const documentNumber = `${config.seed % 1_000_000}${String(++serial).padStart(5, '0')}`;
    const input = parse<Parameters<typeof registerPatient>[2]>(patientsProcedures['patients.register'].input, { patient: patientInput({ documentNumber, neighbourhood: `Barrio ${serial}` }) });
    const { patient } = await attempt('patients.register', () => registerPatient(ctx, reception, input, ORIGIN));
    patients.push(patient.id);
    process.stdout.write(`P ${patient.id}\n`);
  } else if (dice < 0.75) {
    const slot = nextSlot++;
    const start = new Date(FIRST_DAY + Math.floor(slot / SLOTS_PER_DAY) * 86_400_000 + (slot % SLOTS_PER_DAY) * 600_000);
    const startsAt = start.toISOString().slice(0, 16);
    const patientId = patients[Math.floor(random() * patients.length)]!;
    const input = parse<Parameters<typeof bookAppointment>[2]>(appointmentsProcedures['appointments.book'].input, { patientId, clinicianId: config.clinicianId, service: 'psychology', startsAt, durationMinutes: 10 });
    const { appointment } = await attempt('appointments.book', () => bookAppointment(ctx, reception, input, ORIGIN));
    process.stdout.write(`A ${appointment.id}\n`);
  } else {
    const patientId = patients[Math.floor(random() * patients.length)]!;
    const input = parse<Parameters<typeof createSession>[2]>(sessionsProcedures['sessions.create'].input, sessionInput(patientId));
    const { session } = await attempt('sessions.create', () => createSession(ctx, clinician, input, ORIGIN));
    process.stdout.write(`S ${session.id}\n`);
    if (random() < 0.5) {
      await attempt('sessions.sign', () => signSession(ctx, clinician, session.id, ORIGIN));
      process.stdout.write(`G ${session.id}\n`);
    }
  }
}
