/**
 * `npm run seed:scale -- --workers N [--reset] [--today YYYY-MM-DD]`: generates a provincial-scale
 * data set (default 1,000,000 workers) into the PostgreSQL database at DATABASE_URL. See
 * db/scale/index.ts and the README's "Provincial-scale data".
 */
import { parseArgs } from 'node:util';
import { isIsoDate } from '@/lib/dates';
import { ScaleRefusal, isPostgresUrl, seedScale } from '@/db/scale';

const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '1000000' },
    reset: { type: 'boolean', default: false },
    today: { type: 'string' },
  },
});

const workers = Number(values.workers.replace(/[_,]/g, ''));
const url = process.env.DATABASE_URL;
if (!isPostgresUrl(url)) {
  console.error('seed:scale needs a PostgreSQL server: set DATABASE_URL=postgres://….');
  process.exit(2);
}
if (values.today !== undefined && !isIsoDate(values.today)) {
  console.error('--today must be a date as YYYY-MM-DD');
  process.exit(2);
}

try {
  await seedScale({ url, workers, reset: values.reset, today: values.today, log: (line) => console.log(line) });
} catch (err) {
  console.error(err instanceof ScaleRefusal || err instanceof RangeError ? err.message : err);
  process.exit(1);
}
