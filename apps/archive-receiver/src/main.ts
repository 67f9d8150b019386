import { createArchiveReceiver } from './receiver.js';

// ARCHIVE_DIR, SKEMA_WEBHOOK_SECRET, SKEMA_API_KEY, PORT (default 4000).
const { ARCHIVE_DIR = './archive', SKEMA_WEBHOOK_SECRET, SKEMA_API_KEY, PORT = '4000' } = process.env;
if (!SKEMA_WEBHOOK_SECRET || !SKEMA_API_KEY) {
  process.stderr.write('Set SKEMA_WEBHOOK_SECRET (the subscription secret) and SKEMA_API_KEY (this system’s key).\n');
  process.exit(2);
}
createArchiveReceiver({ dir: ARCHIVE_DIR, secret: SKEMA_WEBHOOK_SECRET, apiKey: SKEMA_API_KEY }).listen(
  Number(PORT),
  () => {
    process.stdout.write(`archive receiver on :${PORT}, filing into ${ARCHIVE_DIR}\n`);
  },
);
