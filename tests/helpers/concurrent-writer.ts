// A second process that writes to a data dir while a test backs it up:
//   node --import tsx tests/helpers/concurrent-writer.ts DATA_DIR KEY_HEX
// Each transaction registers PATIENTS_PER_TX synthetic patients (rows, phones, search index) and
// appends one chained audit row ('test.write'), so any consistent snapshot holds exactly
// PATIENTS_PER_TX patients per 'test.write' row. Prints "committed N" after each commit and
// stops (printing "stopped N") when its stdin closes or receives a line.
import { openStore } from '../../db/store';
import { canonicalJson, GENESIS_HASH, rowHash } from '../../electron/core/audit';
import { rng, syntheticPatient } from '../../electron/core/synthetic/generate';
import { insertPatientsBulk } from '../../electron/core/synthetic/seed';

const PATIENTS_PER_TX = 3; // the test that spawns this script assumes 3

const [dataDir, keyHex] = process.argv.slice(2);
if (!dataDir || !keyHex) throw new Error('usage: concurrent-writer.ts DATA_DIR KEY_HEX');

const store = await openStore(dataDir, Buffer.from(keyHex, 'hex'));
const raw = store.raw;
const random = rng(process.pid);
const lastAudit = raw.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
const insertAudit = raw.prepare(
  `INSERT INTO audit_log (id, at, actor_user_id, actor_username, action, outcome, target_type, target_id, patient_id, details, origin, prev_hash, hash)
   VALUES (@id, @at, @actor_user_id, @actor_username, @action, @outcome, @target_type, @target_id, @patient_id, @details, @origin, @prev_hash, @hash)`,
);

const writeOne = raw.transaction((n: number) => {
  const at = new Date().toISOString();
  insertPatientsBulk(raw, Array.from({ length: PATIENTS_PER_TX }, () => syntheticPatient(random)), 1, at);
  const last = lastAudit.get() as { id: number; hash: string } | undefined;
  const row = {
    id: (last?.id ?? 0) + 1,
    at,
    actor_user_id: null,
    actor_username: 'writer',
    action: 'test.write',
    outcome: 'success' as const,
    target_type: null,
    target_id: null,
    patient_id: null,
    details: canonicalJson({ n }),
    origin: 'test',
  };
  const prev = last?.hash ?? GENESIS_HASH;
  insertAudit.run({ ...row, prev_hash: prev, hash: rowHash(prev, row) });
});

let committed = 0;
let stopping = false;
process.stdin.on('data', () => (stopping = true));
process.stdin.on('end', () => (stopping = true));

function loop(): void {
  if (stopping) {
    void store.close().then(() => {
      process.stdout.write(`stopped ${committed}\n`);
      process.exit(0);
    });
    return;
  }
  writeOne(committed + 1);
  committed += 1;
  process.stdout.write(`committed ${committed}\n`);
  setTimeout(loop, 2);
}
loop();
